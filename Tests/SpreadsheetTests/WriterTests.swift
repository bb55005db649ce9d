import Foundation
import Testing
@testable import GoalBridgeSpreadsheet
import TestScratch

func temporaryPath(_ name: String = "out.xlsx") -> String {
    let dir = newScratchFolder("gb-tests")
    return dir.appendingPathComponent(name).path
}

struct WriterRoundTripTests {
    static func sampleWorkbook() -> Workbook {
        let cells: [Cell] = [
            Cell(CellReference("A1")!, .string("项目支出绩效目标表")),
            Cell(CellReference("A2")!, .string("项目名称")), Cell(CellReference("B2")!, .string("“无违建”街镇创建\n第二行")),
            Cell(CellReference("A3")!, .number(1000.25)), Cell(CellReference("B3")!, .number(-0.5)),
            Cell(CellReference("C3")!, .bool(true)), Cell(CellReference("D3")!, .date(ExcelDate(serial: 45356, pattern: DatePattern("yyyy-mm-dd")))),
            Cell(CellReference("A4")!, .string("=SUM(A1:A3)")), Cell(CellReference("B4")!, .string("+86 0531")),
            Cell(CellReference("A5")!, .string("产出指标")), Cell(CellReference("B5")!, .string("数量指标")),
        ]
        let merges = ["A1:D1", "B2:D2", "A5:A8", "B5:B6"].compactMap(CellRange.init)
        return Workbook(sheets: [Sheet(name: "绩效目标表", cells: cells, merges: merges),
                                 Sheet(name: "隐藏列表", state: .hidden, cells: [Cell(CellReference("A1")!, .string("成本指标"))])],
                        properties: DocumentProperties(title: "测试", custom: ["GoalBridgeTemplate": .string("standard"), "版本": .number(3)]))
    }

    @Test func gridRoundTripsExactly() throws {
        let wb = Self.sampleWorkbook()
        let path = temporaryPath()
        try GridWriter.write(wb, to: path)
        let back = try XLSXReader(readsCoreProperties: true).read(path: path)
        #expect(back.sheets == wb.sheets)
        #expect(back.properties.custom == wb.properties.custom)
        #expect(back.properties.title == "测试")
        // By default only the custom properties are read.
        let plain = try XLSXReader().read(path: path)
        #expect(plain.properties.title == nil && plain.properties.custom == wb.properties.custom)
    }

    @Test func textStartingWithEqualsStaysText() throws {
        let path = temporaryPath()
        try GridWriter.write(Self.sampleWorkbook(), to: path)
        let a4 = try XLSXReader().read(path: path).sheets[0].cells.first { $0.reference.description == "A4" }
        #expect(a4 == Cell(CellReference("A4")!, .string("=SUM(A1:A3)"), isFormula: false))
    }

    @Test func identicalInputGivesIdenticalBytes() throws {
        let a = temporaryPath(), b = temporaryPath()
        try GridWriter.write(Self.sampleWorkbook(), to: a)
        try GridWriter.write(Self.sampleWorkbook(), to: b)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }

    @Test func outputAppearsOnlyOnClose() throws {
        let path = temporaryPath()
        let writer = try XLSXWriter(path: path)
        _ = try writer.addSheet("表")
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.close()
        #expect(FileManager.default.fileExists(atPath: path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["out.xlsx"])
    }

    @Test func badDirectoryFailsAtClose() throws {
        let writer = try XLSXWriter(path: "/nonexistent-dir/out.xlsx")
        _ = try writer.addSheet("表")
        #expect(throws: WriteError.self) { try writer.close() }
    }
}

struct WriterLimitTests {
    @Test func sheetNames() throws {
        let writer = try XLSXWriter(path: temporaryPath())
        #expect(throws: WriteError.self) { _ = try writer.addSheet(String(repeating: "表", count: 32)) }
        #expect(throws: WriteError.self) { _ = try writer.addSheet("a/b") }
        #expect(throws: WriteError.self) { _ = try writer.addSheet("[x]") }
        _ = try writer.addSheet(String(repeating: "表", count: 31))
        #expect(throws: WriteError.duplicateSheetName(String(repeating: "表", count: 31))) {
            _ = try writer.addSheet(String(repeating: "表", count: 31))
        }
        try writer.close()
    }

    @Test func cellTextOverTheLimitIsWrittenCutWithAMarker() throws {
        let path = temporaryPath()
        let writer = try XLSXWriter(path: path)
        let s = try writer.addSheet("s")
        try s.write(String(repeating: "x", count: 40_000), at: CellReference(row: 0, column: 0))
        try s.write(String(repeating: "中", count: 32_767), at: CellReference(row: 1, column: 0))
        try s.merge(CellRange(rows: 2...2, columns: 0...1), text: String(repeating: "𠀀", count: 20_000))
        #expect(writer.cutCells == ["s!A1", "s!A3"])
        try writer.close()
        let cells = try XLSXReader().read(path: path).sheets[0].cells
        let a1 = cells[0].value.text
        #expect(a1.utf16.count <= 32_767 && a1.hasSuffix(ExcelLimits.cutMarker))
        #expect(cells[1].value.text.count == 32_767)
        let a3 = cells[2].value.text
        #expect(a3.utf16.count <= 32_767 && a3.hasSuffix(ExcelLimits.cutMarker))
        #expect(a3.unicodeScalars.allSatisfy { $0.value == 0x20000 || ExcelLimits.cutMarker.unicodeScalars.contains($0) }) // whole characters
    }

    @Test func validationListIsCheckedInBytes() throws {
        let path = temporaryPath()
        let writer = try XLSXWriter(path: path)
        let s = try writer.addSheet("s")
        let range = CellRange("A1:A10")!
        // 86 Chinese characters are 258 bytes: libxlsxwriter 1.1.4 would overflow its buffer.
        let long = (0..<43).map { "中文\($0)" }
        try s.addListValidation(range, ListValidation(values: long))
        try s.addListValidation(range, ListValidation(values: ["产出指标", "效益指标"], inputTitle: "一级指标",
                                                      inputMessage: "请选择", errorTitle: "输入有误", errorMessage: "请从下拉列表选择"))
        #expect(throws: WriteError.self) {
            try s.addListValidation(range, ListValidation(values: ["a"], inputTitle: String(repeating: "标", count: 33)))
        }
        try writer.close()
        // The long list went to a hidden sheet, whole and in order.
        let back = try XLSXReader().read(path: path)
        let lists = try #require(back.sheet(named: XLSXWriter.listSheetName))
        #expect(lists.state == .hidden)
        #expect(lists.cells.map(\.value.text) == long)
    }

    @Test func merges() throws {
        let writer = try XLSXWriter(path: temporaryPath())
        let s = try writer.addSheet("s")
        #expect(throws: WriteError.singleCellMerge("A1:A1")) { try s.merge(CellRange("A1:A1")!, text: "x") }
        try s.merge(CellRange("A1:B3")!, text: "x")
        #expect(throws: WriteError.overlappingMerge("A1:B3", "B2:C4")) { try s.merge(CellRange("B2:C4")!, text: "y") }
        try writer.close()
    }
}

struct CellReferenceTests {
    @Test func parseAndPrint() {
        #expect(CellReference("A1") == CellReference(row: 0, column: 0))
        #expect(CellReference("$AB$12")?.description == "AB12")
        #expect(CellReference("xfd1048576") == CellReference(row: 1_048_575, column: 16_383))
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("A0") == nil)
        #expect(CellReference("A1048577") == nil)
        #expect(CellReference("1A") == nil)
        #expect(CellReference.columnName(26) == "AA")
        #expect(CellRange("B3:A1")?.description == "A1:B3")
    }

    /// Names printed in place agree with the letters-then-digits rule and read back, across the whole grid.
    @Test func namesReadBackAcrossTheGrid() {
        func reference(_ column: Int) -> String {
            var n = column + 1, s = ""
            while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
            return s
        }
        for column in [0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 16_383] {
            #expect(CellReference.columnName(column) == reference(column))
            for row in [0, 8, 9, 99, 1_048_575] {
                let text = CellReference(row: row, column: column).description
                #expect(text == reference(column) + String(row + 1))
                #expect(CellReference(text) == CellReference(row: row, column: column))
            }
        }
    }

    @Test func overlapSweep() {
        let ranges = ["A1:A3", "B1:B2", "A4:A5", "C1:D9", "D5:E5"].compactMap(CellRange.init)
        let overlap = ranges.firstOverlap().map { "\($0.0)|\($0.1)" }
        #expect(overlap == "C1:D9|D5:E5")
        #expect(Array(ranges.prefix(3)).firstOverlap() == nil)
        // Thousands of identical merges: the first pair is the answer (no pairs gathered).
        let same = [CellRange](repeating: CellRange("A1:B2")!, count: 20_000)
        #expect(same.firstOverlap().map { "\($0.0)|\($0.1)" } == "A1:B2|A1:B2")
    }
}
