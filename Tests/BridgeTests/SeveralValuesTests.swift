import Foundation
import GoalBridgeModel
import GoalBridgeReview
import Testing
@testable import GoalBridge

/// Two indicators put in one row with Alt+Enter (平阴's 道路保洁面积 and 绿化养护面积, names and values on two lines of
/// one cell each; XlsxWriter from the seed text, scripts/corpus/foreign.py). The value was read as ≥260.39 万平方米
/// with `≥107万平方米` as text after it, and neither the import nor the review said anything: a dataset would have
/// carried 260.39 as the target of an indicator named after two.
struct SeveralValuesTests {
    static let path = ForeignFormTests.directory + "/pingyin-several-values.xlsx"

    @Test func twoValuesInOneCellGiveNoNumberAndTheReviewAsks() throws {
        let result = try importExactly(Self.path, expected: ForeignFormTests.directory + "/pingyin-several-values.json")
        let table = try #require(result.tables.first?.project)
        let rows = try #require(table.indicatorSets.first?.rows)
        let joined = try #require(rows.first { $0.name == "道路保洁面积\n绿化养护面积" })
        #expect(joined.value.raw == "≥260.39万平方米\n≥107万平方米")
        #expect(joined.value.number == nil && joined.value.flags == ["severalValues"])
        // The wrapped unit and the note after a value are one value each, read as usual.
        #expect(rows.first { $0.name == "项目总成本" }?.value.number == Decimal(string: "853.94"))
        #expect(rows.first { $0.name == "群众满意度" }?.value.number == 95)

        let findings = Reviewer().review(result.tables)
        let q32 = findings.filter { $0.rule == "Q32" }
        #expect(q32.count == 1, "\(findings.map(\.message))")
        #expect(q32.first?.cell == "E16" && q32.first?.severity == .warning)
        #expect(q32.first?.message.contains("指标“道路保洁面积、绿化养护面积”的指标值单元格中分行填写了 2 个值（“≥260.39万平方米”“≥107万平方米”）") == true)
        #expect(q32.first?.message.contains("可能是 2 个指标填在了同一行") == true)
        // No other rule reads a number from the cell (Q13's bare number, Q2's costs).
        #expect(!findings.contains { $0.cell == "E16" && $0.rule != "Q32" }, "\(findings.map(\.message))")
    }
}
