import Foundation
import Testing
@testable import GoalBridgeSpreadsheet
import TestScratch

/// Names made from cell content are always valid (issue: long Chinese names, apostrophes, combining marks,
/// control and bidi characters made exports and return copies fail or misname files).
struct SafeNamesTests {
    @Test func aLongChineseNameFitsWithRoomForTheTemporaryName() throws {
        let long = String(repeating: "聊城市农业农村局高标准农田建设项目", count: 10) // 170 characters, 510 bytes
        for n in [1, 2, 123] {
            let name = SafeNames.fileName(long, ext: "xlsx", n: n)
            #expect(name.utf8.count <= SafeNames.fileNameBytes)
            #expect(name.hasSuffix(n > 1 ? " (\(n)).xlsx" : ".xlsx"))
            // The temporary file beside it is a valid name too, and can be created.
            let dir = scratchRoot.appendingPathComponent("gb-names-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let temporary = TemporaryFile.path(beside: dir.appendingPathComponent(name).path)
            #expect((temporary as NSString).lastPathComponent.utf8.count <= 255)
            #expect(FileManager.default.createFile(atPath: temporary, contents: Data()))
        }
    }

    @Test func controlAndBidiCharactersNeverReachAName() {
        let name = SafeNames.fileName("民政局\u{202E}xslx.exe\u{0}\u{1B}[31m\u{200B}养老", ext: "xlsx")
        #expect(!name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
        #expect(name.hasSuffix(".xlsx"))
        #expect(name.hasPrefix("民政局"))
    }

    @Test func pathsAndLeadingDotsOrDashesAreNeutralised() {
        #expect(SafeNames.fileName("../../etc/passwd", ext: "xlsx") == "_.._etc_passwd.xlsx")
        #expect(SafeNames.fileName("-困难企业补贴", ext: "xlsx") == "困难企业补贴.xlsx")
        #expect(SafeNames.fileName("   ", ext: "xlsx") == "绩效目标表.xlsx")
    }

    @Test(arguments: [
        String(repeating: "项", count: 30) + "'尾",         // an apostrophe at the 31-unit cut
        "'开头的名称'",
        String(repeating: "e\u{301}", count: 40),            // combining marks: whole clusters only
        String(repeating: "𠀀", count: 20),                  // two UTF-16 units each
        "[预算]:项目*?/\\",
        "",
    ])
    func sheetNamesAreAlwaysValid(_ text: String) {
        for suffix in ["", "(2)", "(12)"] {
            let name = SafeNames.sheetName(text, suffix: suffix)
            #expect(ExcelLimits.sheetNameProblem(name) == nil, "\(name)")
            #expect(name.utf16.count <= 31)
            #expect(name.hasSuffix(suffix))
        }
    }

    @Test func aSheetNamedThisWayIsAcceptedByTheWriter() throws {
        let path = newScratchPath("gb-sheet", suffix: ".xlsx")
        let writer = try XLSXWriter(path: path)
        for text in [String(repeating: "项", count: 30) + "'尾", String(repeating: "e\u{301}", count: 40), String(repeating: "𠀀", count: 20)] {
            _ = try writer.addSheet(SafeNames.sheetName(text))
        }
        try writer.close()
        #expect(try XLSXReader().read(path: path).sheets.count == 3)
    }
}
