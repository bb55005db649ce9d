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
