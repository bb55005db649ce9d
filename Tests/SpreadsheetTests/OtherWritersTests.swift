import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// The same grid written by other programs (see scripts/make-fixtures.py) must read the same.
struct OtherWritersTests {
    static let expected: [String: String] = [
        "A1": "项目名称", "B1": "乡村道路维修", "A2": "主管部门", "B2": "平阴县交通运输局", "C2": "实施单位",
        "D2": "平阴县公路事业发展中心", "A3": "一级指标", "B3": "二级指标", "C3": "三级指标", "D3": "指标值",
        "A4": "产出指标", "B4": "数量指标", "C4": "维修道路长度", "D4": "≥15826米", "C5": "维修桥梁数", "D5": "≥3座",
        "B6": "质量指标", "C6": "验收合格率", "D6": "≥95%", "A7": "满意度指标", "B7": "服务对象满意度指标",
        "C7": "沿线群众满意度", "D7": "≥90%", "A8": "预算", "B8": "1000.5", "C8": "结转", "D8": "0",
    ]

    @Test(arguments: ["openpyxl.xlsx", "libreoffice.xlsx", "gnumeric.xlsx", "strict-ooxml.xlsx",
                      "prefixed-elements.xlsx", "xlsxwriter-constant-memory.xlsx"])
    func readsTheSameGrid(_ name: String) throws {
        let wb = try XLSXReader().read(path: fixturePath(name))
        #expect(wb.sheets.map(\.name) == ["绩效目标表", "列表"])
        // gnumeric does not keep sheet visibility when it writes .xlsx (checked with ssconvert 1.12.55).
        #expect(wb.sheets[1].state == (name == "gnumeric.xlsx" ? .visible : .hidden))
        #expect(wb.sheets[1].cells.map(\.value) == [.string("产出指标")])
        let sheet = wb.sheets[0]
        var got: [String: String] = [:]
        for cell in sheet.cells where cell.reference.description != "B10" { got[cell.reference.description] = cell.value.text }
        // A10 is 2024-03-05 as its format shows it: `yyyy"年"m"月"d"日"` (openpyxl, and the re-saves of its file);
        // `yyyy-mm-dd` (XlsxWriter).
        #expect(got == Self.expected.merging(["A10": name.hasPrefix("xlsxwriter") ? "2024-03-05" : "2024年3月5日"]) { $1 })
        if case .date = sheet.cells.first(where: { $0.reference.description == "A10" })?.value {} else {
            Issue.record("A10 should be a date in \(name)")
        }
        let b8 = sheet.cells.first { $0.reference.description == "B8" }
        #expect(b8?.value == .number(1000.5))
        let formula = sheet.cells.first { $0.reference.description == "B10" }
        #expect(formula?.isFormula == true, "B10 holds =B8+D8 in \(name)")
        if name != "xlsxwriter-constant-memory.xlsx" {
            #expect(Set(sheet.merges) == Set(["B1:D1", "A4:A6", "B4:B5"].compactMap(CellRange.init)))
        }
    }

    /// Row by row, in chunks as small as 1 and 13 bytes (the XML cut anywhere, even inside a character), every
    /// writer's sheet gives exactly the cells of the whole read, one row per call, in order.
    @Test(arguments: ["openpyxl.xlsx", "libreoffice.xlsx", "gnumeric.xlsx", "strict-ooxml.xlsx",
                      "prefixed-elements.xlsx", "xlsxwriter-constant-memory.xlsx"])
    func readsRowByRowAsAWhole(_ name: String) throws {
        let path = fixturePath(name)
        let whole = try XLSXReader().read(path: path)
        #expect(try XLSXReader().sheetNames(inFile: path) == whole.sheets.map(\.name))
        for sheet in whole.sheets {
            for chunk in [1, 13, 1 << 20] {
                var rows: [[Cell]] = []
                try XLSXReader().forEachRow(ofSheet: sheet.name, inFile: path, chunk: chunk) { rows.append($0) }
                #expect(rows.flatMap { $0 } == sheet.cells, "\(name) \(sheet.name) chunk \(chunk)")
                #expect(rows.allSatisfy { row in row.allSatisfy { $0.reference.row == row[0].reference.row } })
                #expect(rows.map { $0[0].reference.row } == rows.map { $0[0].reference.row }.sorted())
            }
        }
    }

    /// A row handler's error stops the reading and comes out as it was thrown; a sheet that is not there is named.
    @Test func rowByRowStopsOnTheHandlersError() throws {
        struct Stop: Error {}
        var rows = 0
        #expect(throws: Stop.self) {
            try XLSXReader().forEachRow(ofSheet: "绩效目标表", inFile: fixturePath("libreoffice.xlsx")) { _ in rows += 1; throw Stop() }
        }
        #expect(rows == 1)
        #expect(throws: SpreadsheetError.self) { try XLSXReader().forEachRow(ofSheet: "没有", inFile: fixturePath("libreoffice.xlsx")) { _ in } }
    }

    @Test func openpyxlFormulaHasNoCachedValue() throws {
        let wb = try XLSXReader().read(path: fixturePath("openpyxl.xlsx"))
        let b10 = wb.sheets[0].cells.first { $0.reference.description == "B10" }
        #expect(b10 == Cell(CellReference("B10")!, .string(""), isFormula: true))
    }

    @Test func libreOfficeFormulaKeepsCachedValue() throws {
        let wb = try XLSXReader().read(path: fixturePath("libreoffice.xlsx"))
        let b10 = wb.sheets[0].cells.first { $0.reference.description == "B10" }
        #expect(b10?.value == .number(1000.5))
    }

    @Test func inputFileIsNotModified() throws {
        let path = fixturePath("libreoffice.xlsx")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        _ = try XLSXReader().read(path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == attrs[.modificationDate] as? Date)
    }
}
