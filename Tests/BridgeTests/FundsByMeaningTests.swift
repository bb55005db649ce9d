import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel

/// Funds placed by meaning, not by order (issue 12, §2). The workbooks (scripts/corpus/variants.py, openpyxl and
/// XlsxWriter) are the standard template as departments retype it; the expected documents come from the seed text
/// and the generator's own figures, mid-term and annual funds distinct so a value in the wrong period shows.
struct FundsByMeaningTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/BridgeTests/Fixtures/variants").path

    @Test(arguments: ["standard-funds-swapped", "standard-funds-by-label"])
    func fundsLandInThePeriodTheFormNames(_ name: String) throws {
        let expected = try loadDocument(Self.directory + "/\(name).json")
        let result = sharedImporter.importFile(Self.directory + "/\(name).xlsx")
        #expect(result.tables.count == 1)
        let misses = CorpusComparison.misses(expected: expected.tables, imported: result.tables)
        #expect(misses.isEmpty, "\(misses)")
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    /// Columns swapped against the layout: both moves are said, once per column, at the column's first amount.
    @Test func aColumnReadAgainstTheLayoutOrderIsNoted() {
        let result = sharedImporter.importFile(Self.directory + "/standard-funds-swapped.xlsx")
        let notes = result.diagnostics.filter { $0.code == "funds-by-header" }
        #expect(notes.map(\.cell) == ["F7", "H7"])
        #expect(notes.first?.message.contains("年度资金") == true && notes.last?.message.contains("中期资金") == true)
    }

    @Test func periodWords() {
        #expect(FundPeriod.ofHeader("年度资金") == .annual)
        #expect(FundPeriod.ofHeader("中期资金") == .midTerm)
        #expect(FundPeriod.ofHeader("项目期预算数") == .midTerm)
        #expect(FundPeriod.ofHeader("中期资金（2024年度—2026年度）") == nil)   // names both
        #expect(FundPeriod.ofHeader("年度绩效目标") == nil)                      // not money
        #expect(FundPeriod.ofHeader("资金来源") == nil)
        #expect(FundPeriod.splitLabel("年度财政拨款")! == (.annual, "财政拨款"))
        #expect(FundPeriod.splitLabel("中期资金总额")! == (.midTerm, "资金总额"))
        #expect(FundPeriod.splitLabel("资金总额") == nil)
    }
}
