import Foundation
import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing

/// A clerk who copies last year's table often hides the old indicators instead of deleting them. The hidden rows are
/// read (nothing is dropped by guessing), but nobody sees them on screen or on paper: import says so, naming the rows,
/// so the bureau's dataset never holds indicators the department's signed printout does not show without a word.
/// Workbooks written by openpyxl (scripts/corpus/foreign.py), expected document from the seed text plus the two rows.
struct HiddenContentTests {
    /// As openpyxl wrote it (`hidden="1"`), and re-saved by LibreOffice (`hidden="true"`) and gnumeric.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func hiddenRowsAreReadAndWarnedAbout(_ writer: String) throws {
        let path = ForeignFormTests.directory + "/\(writer)pingyin-hidden-rows.xlsx"
        let workbook = try XLSXReader().read(path: path)
        #expect(workbook.sheets[0].hiddenRows == [20, 21])
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-hidden-rows.json", quiet: false)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.code) == ["hidden-cells"], "\(result.diagnostics.map(\.message))")
        let warning = try #require(warnings.first)
        #expect(warning.cell == "B21")
        #expect(warning.message.contains("第 21、22 行是隐藏的"))
        #expect(warning.message.contains("删除这些行"))
    }

    @Test func aHiddenColumnIsNamed() throws {
        let path = ForeignFormTests.directory + "/pingyin-hidden-column.xlsx"
        let workbook = try XLSXReader().read(path: path)
        #expect(workbook.sheets[0].hiddenColumns == [5...5])
        #expect(workbook.sheets[0].hiddenRows.isEmpty)
        let result = sharedImporter.importFile(path)
        let hidden = result.diagnostics.filter { $0.code == "hidden-cells" }
        #expect(hidden.count == 1)
        #expect(hidden.first?.message.contains("第 F 列是隐藏的") == true)
        #expect(hidden.first?.message.contains("等 2 个单元格") == true)
        // The column itself is kept as an extra, as any column the layout does not know.
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.extras.map(\.value).contains("≤900 万元"))
    }

    /// The same table with nothing hidden: no word about hidden cells.
    @Test func nothingHiddenNothingSaid() throws {
        let result = sharedImporter.importFile(ForeignFormTests.directory + "/pingyin-column-numbers.xlsx")
        #expect(!result.diagnostics.contains { $0.code == "hidden-cells" })
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-column-numbers.xlsx")
        #expect(workbook.sheets[0].hiddenRows.isEmpty && workbook.sheets[0].hiddenColumns.isEmpty)
    }
}
