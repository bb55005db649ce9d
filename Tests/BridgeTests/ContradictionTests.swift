import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeReview

/// A table that contradicts the layout it fits best is uncertain, whatever its score (issue 12, §4): a 平阴 table whose
/// 指标值 header was retyped 预期成效 fits the 平阴 layout at 97 %, but its value column is empty and a column the layout
/// does not know is full. Read anyway, every target would be "missing" in review.
struct ContradictionTests {
    static let variants = repositoryRoot.appendingPathComponent("Tests/BridgeTests/Fixtures/variants").path
    static let path = variants + "/pingyin-value-unknown.xlsx"

    @Test func anEmptyValueColumnBesideAFullUnknownOneIsSaidLoudly() throws {
        let result = sharedImporter.importFile(Self.path)
        let error = try #require(result.diagnostics.first { $0.code == "layout-uncertain" })
        #expect(error.severity == .error && error.message.contains("预期成效") && error.message.contains("E 列"))
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

    /// Headers retyped the way any form spells them (`目标值` for 指标值, `指标名称` for 三级指标, `一级`, `二级`:
    /// vocabulary `indicatorColumns`) are those columns: the table reads exactly, nothing said. Before, `目标值` made the
    /// table uncertain and `指标名称` or `一级` made the file “没有找到绩效目标表”.
    @Test(arguments: ["pingyin-value-renamed", "pingyin-headers-retyped", "pingyin-value-annual", "changqing-headers-retyped"])
    func headersSpelledAsAnyFormSpellsThemAreThoseColumns(_ name: String) throws {
        let result = try importExactly(Self.variants + "/\(name).xlsx", expected: Self.variants + "/\(name).json")
        #expect(result.tables.first?.source?.layout == (name.hasPrefix("changqing") ? "changqing-2022" : "pingyin-2024"))
    }
}
