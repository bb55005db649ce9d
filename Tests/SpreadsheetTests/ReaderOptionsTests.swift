import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

struct ReaderOptionsTests {
    @Test func skippedSheetsAreListedWithoutTheirCells() throws {
        let wb = Workbook(sheets: [
            Sheet(name: "表", cells: [Cell(CellReference("A1")!, .string("项目名称"))], merges: [CellRange("A2:B2")!]),
            Sheet(name: "下拉列表", state: .hidden, cells: [Cell(CellReference("A1")!, .string("产出指标"))]),
        ])
        let path = temporaryPath()
        try GridWriter.write(wb, to: path)
        var reader = XLSXReader()
        reader.skippedSheetNames = ["下拉列表"]
        let back = try reader.read(path: path)
        #expect(back.sheets.map(\.name) == ["表", "下拉列表"])
        #expect(back.sheets[1].state == .hidden && back.sheets[1].cells.isEmpty)
        #expect(back.sheets[0] == wb.sheets[0])
        #expect(try XLSXReader().read(path: path).sheets[1].cells == wb.sheets[1].cells)
    }

    /// A file's bytes come back whole; the size limit holds at exactly the limit; folders and missing paths
    /// are "not found" (what a clerk can act on), and nothing is read of a file over the limit.
    @Test func fileContentsReadsWholeFilesWithinTheLimit() throws {
        let path = temporaryPath("bytes.bin")
        let bytes = Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try XLSXReader().fileContents(path: path) == bytes)

        var exact = XLSXReader()
        exact.limits.maxFileBytes = bytes.count
        #expect(try exact.fileContents(path: path) == bytes)
        var under = XLSXReader()
        under.limits.maxFileBytes = bytes.count - 1
        if case .limitExceeded = errorOf({ try under.fileContents(path: path) })?.kind {} else { Issue.record("size limit not enforced") }

        let empty = temporaryPath("empty.bin")
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(try XLSXReader().fileContents(path: empty).isEmpty)
        #expect(expectKind(.fileNotFound) { try XLSXReader().fileContents(path: (path as NSString).deletingLastPathComponent) })
        #expect(expectKind(.fileNotFound) { try XLSXReader().fileContents(path: path + ".missing") })
    }
}
