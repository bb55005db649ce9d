import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeReview

/// A table that contradicts the layout it fits best is uncertain, whatever its score (issue 12, §4): a 平阴 table whose
/// 指标值 header was retyped 目标值 fits the 平阴 layout at 97 %, but its value column is empty and a column the layout
/// does not know is full. Read anyway, every target would be "missing" in review.
struct ContradictionTests {
    static let path = repositoryRoot.appendingPathComponent("Tests/BridgeTests/Fixtures/variants/pingyin-value-renamed.xlsx").path

    @Test func anEmptyValueColumnBesideAFullUnknownOneIsSaidLoudly() throws {
        let result = sharedImporter.importFile(Self.path)
        let error = try #require(result.diagnostics.first { $0.code == "layout-uncertain" })
        #expect(error.severity == .error && error.message.contains("目标值") && error.message.contains("E 列"))
        let table = try #require(result.tables.first?.project)
        #expect(table.source?.layoutUncertain == true)
        // Review does not report 12 missing targets: it says the table was not reviewed, and why.
        let findings = Reviewer().review(result.tables)
        #expect(findings.map(\.rule) == ["Q0"], "\(findings.map(\.rule))")
    }

    /// Named by hand, the layout is read as asked (the values stay in extras, each warned about).
    @Test func aLayoutNamedByHandIsNotSecondGuessed() throws {
        let result = sharedImporter.importFile(Self.path, layout: "pingyin-2024")
        #expect(!result.diagnostics.contains { $0.code == "layout-uncertain" })
        #expect(result.tables.first?.source?.layoutUncertain == nil)
    }
}
