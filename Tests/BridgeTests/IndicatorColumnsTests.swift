import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Columns that any form may add to an indicator block and that the layout does not name (issue 12, §2): 指标性质
/// + 指标值 + 度量单位 (the budget system's split), 权重/分值, 指标解释. The corpus's `pingyin-columns-*` workbooks
/// (openpyxl / XlsxWriter, values from the seed text) import exactly through CorpusTests; these tests pin the rules.
struct IndicatorColumnsTests {
    @Test(arguments: [
        ("大于等于", "95", "%", "≥95%"),
        ("小于等于", "1000", "万元", "≤1000万元"),
        ("≥", "4000", "人", "≥4000人"),
        ("1", "90", "%", "≥90%"),                // the system's code for ≥
        ("5", "12", "个月", "≤12个月"),
        ("等于", "100", "%", "=100%"),
        ("定量", "20", "户", "20户"),
        ("定性", "按时完成", "", "按时完成"),
        ("6", "明显提升", "", "明显提升"),
        ("大于等于", "≥95%", "%", "≥95%"),        // a value that already carries its comparator and unit
        ("", "30", "天", "30天"),
        ("小于等于", "", "", "≤"),
    ])
    func valueIsTheThreeColumnsJoined(_ nature: String, _ value: String, _ unit: String, _ expected: String) {
        let combined = ValueColumns.combined(nature: nature, value: value, unit: unit, vocabulary: .standard)
        #expect(combined.value.raw == expected)
        #expect(combined.unknownNature == nil)
    }

    /// The template's own 符号 / 值 / 单位 columns: what the 值 cell already says is not said twice (a clerk who typed
    /// `95%` under 值 and `%` under 单位 meant `≥95%`, not `≥95%%`), and the split as read is kept for writing back.
    @Test(arguments: [
        ("≥", "95", "%", "≥95%", false),
        ("≥", "95%", "%", "≥95%", true),
        ("≥", "≥95", "%", "≥95%", true),
        ("≤", "≤2820.81万元", "万元", "≤2820.81万元", true),
        ("文字描述", "按时完成", "", "按时完成", true),
        ("", "95", "%", "95%", false),
    ])
    func valueColumnsSayEachPartOnce(_ symbol: String, _ number: String, _ unit: String, _ expected: String, _ keepsSplit: Bool) {
        let value = ValueColumns.value(symbol: symbol, number: number, unit: unit)
        #expect(value.raw == expected)
        #expect((value.split != nil) == keepsSplit)
        if keepsSplit { #expect(value.split == SplitValue(symbol: symbol, number: number, unit: unit)) }
    }

    @Test func natureNoVocabularyKnowsIsKeptAndWarnedAbout() throws {
        let path = repositoryRoot.appendingPathComponent("Tests/BridgeTests/Fixtures/foreign/unknown-value-nature.xlsx").path
        let result = sharedImporter.importFile(path)
        guard case .project(let table) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        let first = try #require(table.indicatorSets.first?.rows.first)
        // The seed's `≤1000 万元` with 指标性质 `正向指标`: the value is read without the unknown word …
        #expect(first.value.raw == "1000万元")
        #expect(first.weight != nil && first.description == "本项目项目总成本")
        // … which is kept, with its cell, and named in a warning.
        let warning = try #require(result.diagnostics.first { $0.code == "unknown-value-nature" })
        #expect(warning.cell == "E11" && warning.message.contains("正向指标"))
        #expect(table.extras.contains { $0.value == "正向指标" && $0.source?.cell == "E11" })
        #expect(result.diagnostics.filter { $0.severity == .warning }.count == 1)
    }
}

/// A 序号 column a clerk puts before the indicators (xinhua-row-numbers, openpyxl from the seed text: 新华's form with
/// the column inserted before 一级指标). Each of its cells was a warning (“没有对应字段”), seven on a six-row table.
struct RowNumberColumnTests {
    /// One sheet of the fixture as `writer` saved it, imported alone, and the fixture's expected document.
    static func importSheet(_ sheet: String, _ writer: String) throws -> (ImportResult, GoalDocument) {
        let path = ForeignFormTests.directory + "/\(writer)xinhua-row-numbers.xlsx"
        var workbook = try XLSXReader().read(path: path)
        workbook.sheets.removeAll { $0.name != sheet }
        return (sharedImporter.importWorkbook(workbook, file: path), try loadDocument(ForeignFormTests.directory + "/xinhua-row-numbers.json"))
    }

    /// Counted 1, 2, 3 … anew under each 一级指标 (Sheet1): row numbers, read as such — the table exact, no warning,
    /// nothing kept as an extra, one note naming the column. As written, and re-saved by LibreOffice and gnumeric.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aColumnCountingTheRowsIsRowNumbers(_ writer: String) throws {
        let (result, expected) = try Self.importSheet("Sheet1", writer)
        #expect(CorpusComparison.misses(expected: [expected.tables[0]], imported: result.tables).isEmpty)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
        let t = try #require(result.tables.first?.project)
        #expect(t.extras.isEmpty)
        let note = try #require(result.diagnostics.first { $0.code == "row-numbers" })
        #expect(note.cell == "A9" && note.sheet == "Sheet1")
        #expect(note.message.contains("共 6 行"))
    }

    /// Codes (`ZB01` …, Sheet2) are no count: the column is unknown, its header and every cell said and kept.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aColumnOfCodesIsKeptAndSaid(_ writer: String) throws {
        let (result, expected) = try Self.importSheet("Sheet2", writer)
        let t = try #require(result.tables.first?.project)
        var withoutExtras = t
        withoutExtras.extras = []
        #expect(CorpusComparison.misses(expected: [expected.tables[1]], imported: [.project(withoutExtras)]).isEmpty)
        let codes: [String] = (1...6).map { String(format: "ZB%02d", $0) }
        #expect(t.extras.map(\.value) == codes)
        #expect(t.extras.first?.label == "序号（指标“安装设备数”）" && t.extras.first?.source?.cell == "A10")
        let columnCells: [String] = result.diagnostics.filter { $0.code == "unknown-column" }.map { $0.cell ?? "" }
        #expect(columnCells == ["A9"])
        let valueCells: [String] = result.diagnostics.filter { $0.code == "unknown-column-value" }.map { $0.cell ?? "" }
        let rows: [String] = (10...15).map { "A\($0)" }
        #expect(valueCells == rows)
        #expect(!result.diagnostics.contains { $0.code == "row-numbers" })
    }

    @Test(arguments: [
        (["1", "2", "3"], 3), (["1", "2", "1", "2", "3", "1"], 6), (["01", " 2 "], 2),
        (["1", "3"], nil), (["2", "3"], nil), (["1", "1.5"], nil), (["A01"], nil), ([], nil), (["0"], nil),
    ] as [([String], Int?)])
    func aCountStartsAtOneAndGoesUpByOne(_ texts: [String], _ rows: Int?) {
        #expect(TableParser.countedRowNumbers(texts) == rows)
    }
}
