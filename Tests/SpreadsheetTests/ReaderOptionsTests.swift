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

    /// A large file whose first bytes show it is no workbook is refused as `read` would refuse it, without being
    /// read; a large zip or OLE2 file is read whole.
    @Test func largeFilesThatAreNoWorkbooksAreRefusedFromTheirFirstBytes() throws {
        let size = XLSXReader.sniffFirstAbove + 1
        let scan = temporaryPath("扫描件.pdf")
        try Data("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8 + [UInt8](repeating: 0, count: size)).write(to: URL(fileURLWithPath: scan))
        #expect(expectKind(.notZip) { try XLSXReader().fileContents(path: scan) })
        #expect(expectKind(.notZip) { try XLSXReader().read(path: scan) })
        let csv = temporaryPath("清单.csv")
        try Data(String(repeating: "项目名称,金额\n", count: size / 20 + 1).utf8).write(to: URL(fileURLWithPath: csv))
        #expect(expectKind(.textFile) { try XLSXReader().fileContents(path: csv) })
        let zip = temporaryPath("大.xlsx")
        let zipBytes = Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: size))
        try zipBytes.write(to: URL(fileURLWithPath: zip))
        #expect(try XLSXReader().fileContents(path: zip) == zipBytes)
        let xls = temporaryPath("大.xls")
        let xlsBytes = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: size))
        try xlsBytes.write(to: URL(fileURLWithPath: xls))
        #expect(try XLSXReader().fileContents(path: xls) == xlsBytes)
    }
}
