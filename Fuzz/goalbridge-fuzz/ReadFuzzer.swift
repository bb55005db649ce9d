import Foundation
import GoalBridge
import GoalBridgeReview
import GoalBridgeSpreadsheet

/// libFuzzer entry point: read these bytes as a workbook, map them to goal tables and review them (collect reviews
/// every table it reads: a rule that traps on odd text would take the file's batch down with it).
/// Any outcome is fine except a crash, a hang, or memory growing past the read limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    if FuzzState.partsMode {
        // The second target: the input is one XML part of an otherwise valid package (PartFuzzer).
        let zipped = PartFuzzer.package(input)
        return zipped.withUnsafeBytes { readAll($0) }
    }
    return readAll(input)
}

func readAll(_ buffer: UnsafeRawBufferPointer) -> CInt {
    // Core properties too: every part parser is fuzzed, not only those the import path uses.
    if let workbook = try? XLSXReader(readsCoreProperties: true).read(buffer: buffer) {
        let result = FuzzState.importer.importWorkbook(workbook)
        _ = FuzzState.reviewer.review(result.tables)
    }
    // The row-by-row path too, in small chunks so that the XML is cut at many places.
    if let names = try? XLSXReader().sheetNames(in: buffer), let first = names.first {
        try? XLSXReader().forEachRow(ofSheet: first, in: buffer, chunk: 64) { _ in }
    }
    return 0
}

enum FuzzState {
    static let importer = try! GoalImporter()
    static let reviewer = Reviewer(systemChecks: true)
    static let partsMode = ProcessInfo.processInfo.environment["GOALBRIDGE_FUZZ_MODE"] == "parts"
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM renames an executable's entry point to `<module>_main`; hand control to libFuzzer's driver from there.
@_cdecl("goalbridge_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
#else
/// Without libFuzzer (a normal build), replays files given on the command line through the same
/// entry point: `goalbridge-fuzz crash-*` reproduces a finding.
@main
struct Replay {
    static func main() throws {
        if CommandLine.arguments.dropFirst().first == "--write-part-seeds", let folder = CommandLine.arguments.dropFirst(2).first {
            // Seeds for the second target: each part of PartFuzzer's package, selected by its first byte.
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (i, seed) in PartFuzzer.seeds().enumerated() {
                try Data(seed).write(to: URL(fileURLWithPath: folder + "/part-\(i)"))
            }
            // The package itself, to check that the base is a valid workbook.
            try Data(PartFuzzer.package(UnsafeRawBufferPointer(start: nil, count: 0))).write(to: URL(fileURLWithPath: folder + "/../base.xlsx"))
            print("\(PartFuzzer.seeds().count) seeds in \(folder)")
            return
        }
        for path in CommandLine.arguments.dropFirst() {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            _ = data.withUnsafeBytes { fuzzOneInput($0.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, data.count) }
            print("ok \(path)")
        }
    }
}
#endif
