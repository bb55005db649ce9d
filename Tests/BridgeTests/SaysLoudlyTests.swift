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

    @Test func openpyxlFormulasWithoutResultsAreNamedFromTheFile() throws {
        // openpyxl writes formulas with an empty <v/>: the reader notes each one.
        let wb = try XLSXReader().read(path: repositoryRoot.appendingPathComponent("Tests/SpreadsheetTests/Fixtures/openpyxl.xlsx").path)
        #expect(wb.sheets.flatMap(\.notes).contains { $0.kind == .formulaWithoutResult })
    }
}
