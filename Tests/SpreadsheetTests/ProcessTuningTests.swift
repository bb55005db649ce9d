import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// `ProcessTuning` changes how the process runs, never what it computes.
struct ProcessTuningTests {
    /// The premise of `pinTimeZone`: `TZ=:/etc/localtime` names the same zone as an unset `TZ`.
    /// (Checked in a child process: changing this process's environment would race other tests.)
    @Test func pinnedTimeZoneNamesTheSameLocalTime() throws {
        func localTime(_ tz: String?) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/date")
            p.arguments = ["-d", "@1709281800", "+%Y-%m-%d %H:%M %z"]
            var env = ProcessInfo.processInfo.environment
            env["TZ"] = tz
            p.environment = env
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            p.waitUntilExit()
            return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(try localTime(nil) == localTime(":/etc/localtime"))
    }

    @Test func workbooksRoundTripUnderTheTunedAllocator() throws {
        ProcessTuning.keepFreedMemory()
        let path = temporaryPath()
        for _ in 0..<3 {
            try GridWriter.write(WriterRoundTripTests.sampleWorkbook(), to: path)
            let back = try XLSXReader().read(path: path)
            #expect(back.sheets.map(\.cells) == WriterRoundTripTests.sampleWorkbook().sheets.map(\.cells))
            #expect(back.sheets.map(\.merges) == WriterRoundTripTests.sampleWorkbook().sheets.map(\.merges))
        }
    }

    @Test func scratchDirectoryIsAWritableFolderWhenSet() {
        // Without /dev/shm (and no GOALBRIDGE_TMPDIR) libxlsxwriter's default is used: nil is the documented answer.
        if let dir = XLSXWriter.scratchDirectory {
            #expect(access(dir, W_OK | X_OK) == 0)
        } else {
            #expect(ProcessInfo.processInfo.environment["GOALBRIDGE_TMPDIR"] == nil)
        }
    }
}
