import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeSpreadsheet

/// What the importer is not sure of, it says: a table on a hidden sheet is read with a warning (never skipped
/// silently), a formula without a saved result is named, a repeated cell is named.
struct SaysLoudlyTests {
    private func workbook() throws -> Workbook {
        try XLSXReader().read(path: examplePath("regional/pingyin-2024-police-auxiliary.pingyin-2024.xlsx"))
    }

    @Test(arguments: [SheetState.hidden, .veryHidden])
    func aTableOnAHiddenSheetIsReadWithAWarning(_ state: SheetState) throws {
        var wb = try workbook()
        wb.properties.custom = [:]
        wb.sheets[0].state = state
        let result = sharedImporter.importWorkbook(wb, file: "隐藏.xlsx")
        #expect(result.tables.count == 1)
        let warning = try #require(result.diagnostics.first { $0.code == "hidden-sheet" })
        #expect(warning.severity == .warning)
        #expect(warning.sheet == wb.sheets[0].name)
        #expect(warning.message.contains(state == .veryHidden ? "深度隐藏" : "隐藏"))
    }

    @Test func aHiddenSheetWithoutATableIsNotMentioned() throws {
        var wb = try workbook()
        wb.sheets.append(Sheet(name: "下拉选项", state: .hidden, cells: [Cell(CellReference(row: 0, column: 0), .string("特定目标类"))]))
        let result = sharedImporter.importWorkbook(wb, file: "x.xlsx")
        #expect(!result.diagnostics.contains { $0.sheet == "下拉选项" })
    }

    /// The template's spare copy of the form, hidden and never filled (pingyin-blank-copy, openpyxl, its second sheet
    /// hidden here): said blank, as information. Its warning said “其中的绩效目标表已导入” of a table that was skipped.
    @Test func aHiddenBlankFormIsNotSaidImported() throws {
        var wb = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-blank-copy.xlsx")
        #expect(wb.sheets.map(\.name) == ["保洁、降尘、绿化养护及建绿透绿项目", "Sheet2"])
        wb.sheets[1].state = .hidden
        let result = sharedImporter.importWorkbook(wb, file: "x.xlsx")
        #expect(result.tables.count == 1)
        #expect(!result.diagnostics.contains { $0.code == "hidden-sheet" }, "\(result.diagnostics.map(\.message))")
        #expect(result.diagnostics.contains { $0.code == "blank-table" && $0.sheet == "Sheet2" })
        // The filled form hidden instead is still read with the warning, placed before the table's notes.
        wb.sheets[0].state = .hidden
        wb.sheets[1].state = .visible
        let hidden = sharedImporter.importWorkbook(wb, file: "x.xlsx")
        #expect(hidden.diagnostics.filter { $0.code == "hidden-sheet" }.map(\.sheet) == ["保洁、降尘、绿化养护及建绿透绿项目"])
        let order = hidden.diagnostics.map(\.code)
        #expect(order.firstIndex(of: "hidden-sheet")! < order.firstIndex(of: "table-found")!)
    }

    @Test func aFormulaWithoutAResultAndARepeatedCellAreNamed() throws {
        var wb = try workbook()
        wb.sheets[0].notes = [ReaderNote(.formulaWithoutResult, CellReference("C7")!), ReaderNote(.repeatedCell, CellReference("B3")!)]
        let result = sharedImporter.importWorkbook(wb, file: "x.xlsx")
        let formula = try #require(result.diagnostics.first { $0.code == "formula-without-result" })
        #expect(formula.cell == "C7" && formula.message.contains("公式没有计算结果"))
        #expect(result.diagnostics.contains { $0.code == "repeated-cell" && $0.cell == "B3" })
    }

    /// Pictures placed in cells under the indicators (pingyin-pictures-in-cells, openpyxl with the parts WPS and Excel
    /// add, scripts/corpus/foreign.py): WPS's 嵌入单元格 saves a formula `_xlfn.DISPIMG("ID_…",1)` with the text
    /// `=DISPIMG(…)`, Excel's 放置在单元格中 a `#VALUE!` with value metadata. The first was read as one more indicator
    /// with that text as its value, the second told as a formula error. Each is a warning at its cell now, and the
    /// table is the seed's. LibreOffice and gnumeric keep WPS's formula (still a picture) and save Excel's as a plain
    /// `#VALUE!` (the picture is gone): a formula error, kept as an extra of the table like any note under it.
    @Test(arguments: [("", ["picture-in-cell E25", "picture-in-cell F25"]),
                      ("libreoffice/", ["picture-in-cell E25", "formula-error F25", "extra-cell F25"]),
                      ("gnumeric/", ["picture-in-cell E25", "formula-error F25", "extra-cell F25"])])
    func picturesPlacedInCellsAreNamedNotRead(_ resaved: String, _ warnings: [String]) throws {
        let result = sharedImporter.importFile(ForeignFormTests.directory + "/\(resaved)pingyin-pictures-in-cells.xlsx")
        var expected = try loadDocument(ForeignFormTests.directory + "/pingyin-pictures-in-cells.json").tables
        if !resaved.isEmpty, case .project(var t) = expected[0] {
            t.extras = [ExtraField(label: "", value: "#VALUE!")]
            expected[0] = .project(t)
        }
        #expect(CorpusComparison.misses(expected: expected, imported: result.tables).isEmpty)
        #expect(result.diagnostics.filter { $0.severity != .info }.map { "\($0.code) \($0.cell ?? "")" } == warnings)
        #expect(result.tables.first?.project?.indicatorSets.first?.rows.count == 13)
        if let picture = result.diagnostics.first(where: { $0.code == "picture-in-cell" }) {
            #expect(picture.message == "单元格中是嵌入的图片（WPS“嵌入单元格”或 Excel“放置在单元格中”），图片不能读取，该单元格按空白读取。如这里应填写内容，请改为填写文字。")
        }
    }

    /// A row struck through to mark it deleted, and a value whose old figure is struck through before the new one
    /// (pingyin-struck-through, openpyxl: the row's font, an inline rich text; LibreOffice: struck runs in shared
    /// strings; gnumeric: struck fonts). Read as written, as before, and nothing was said; now one warning for the row,
    /// one for the value.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func struckThroughTextIsSaidOnceARow(_ resaved: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(resaved)pingyin-struck-through.xlsx",
                                       expected: ForeignFormTests.directory + "/pingyin-struck-through.json", quiet: false)
        let warnings = result.diagnostics.filter { $0.severity != .info }
        #expect(warnings.map { "\($0.code) \($0.cell ?? "")" } == ["struck-through D12", "struck-through E23"])
        #expect(warnings.first?.message == "本行 2 个单元格（D12–E12）的文字带删除线，可能是要删去的内容，已按原文读入。如已作废，请删除后重新提交；如仍有效，请取消删除线。")
    }

    @Test func openpyxlFormulasWithoutResultsAreNamedFromTheFile() throws {
        // openpyxl writes formulas with an empty <v/>: the reader notes each one.
        let wb = try XLSXReader().read(path: repositoryRoot.appendingPathComponent("Tests/SpreadsheetTests/Fixtures/openpyxl.xlsx").path)
        #expect(wb.sheets.flatMap(\.notes).contains { $0.kind == .formulaWithoutResult })
    }
}
