import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// The provincial 项目支出绩效目标申报表 (one 指标值 column, 分值, 评（扣）分标准) ships as a layout (issue 16): the workbook
/// written by openpyxl (scripts/corpus/foreign.py) imports exactly to the document derived from the seed text, wins
/// detection by a margin, exports back in its own look, and converts to the standard layout saying what has no place.
struct ShippedFormTests {
    static let workbook = ForeignFormTests.directory + "/provincial-declaration.xlsx"

    @Test func importsExactly() throws {
        let expected = try loadDocument(ForeignFormTests.directory + "/provincial-declaration.json")
        let result = sharedImporter.importFile(Self.workbook)
        #expect(result.tables.first?.source?.layout == "provincial-declaration")
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty,
                "\(CorpusComparison.misses(expected: expected.tables, imported: result.tables))")
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func winsDetectionByAMargin() throws {
        let book = try XLSXReader().read(path: Self.workbook)
        let fits = try #require(sharedImporter.explain(book).first?.fits)
        #expect(fits.first?.fit.layout == "provincial-declaration")
        #expect(fits.count > 1 && fits[0].fit.score - fits[1].fit.score > 0.3, "\(fits.map { ($0.fit.layout, $0.fit.score) })")
    }

    @Test func exportsBackInItsOwnLookAndConverts() throws {
        let tables = sharedImporter.importFile(Self.workbook).tables
        let (grid, back) = try roundTrip(tables, layout: "provincial-declaration")
        #expect(stripped(back.tables) == stripped(tables))
        // The project's name spans the five columns after its label, as on the form.
        #expect(grid.sheets[0].merges.contains { $0.description == "B2:F2" }, "\(grid.sheets[0].merges.map(\.description))")
        // In the standard layout, 分值 and 评（扣）分标准 have no column: said, not dropped silently.
        let out = temporaryFile()
        let warnings = try sharedExporter.export(tables, to: out, layout: "standard")
        #expect(warnings.contains { $0.message.contains("分值") || $0.message.contains("weight") || $0.message.contains("权重") }, "\(warnings.map(\.message))")
    }
}
