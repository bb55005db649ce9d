import Foundation
import Testing
import GoalBridgeModel
@testable import GoalBridgeReview

/// The 预算管理一体化 submission checks (issue 15), as their own group (`Reviewer(systemChecks: true)`, `check
/// --system`): each one triggered by a seed table made to fail it, and silent on the same table made to pass.
/// Rows from 长清 无违建街镇创建项目 (seed S0:70-86).
struct SystemRulesTests {
    typealias Row = ReviewRuleTests.Row

    /// The clean 长清 table as the system wants it: every level named, every quantity with its 计算符号 and unit.
    static let submittable: [Row] = [
        ("产出指标", "数量指标", "无违建街镇创建个数", "=1个", nil),
        ("产出指标", "质量指标", "违建整改合格率", "≥95%", nil),
        ("产出指标", "时效指标", "完成时限", "2022年12月底前", nil),
        ("产出指标", "成本指标", "控制在预算金额内", "≤136万元", nil),
        ("效益指标", "社会效益指标", "新增违法建设", "≤0处", nil),
        ("满意度指标", "满意度", "群众满意度", "≥95%", nil),
    ]

    func systemRules(_ rows: [Row], weights: [String?]? = nil) -> [Finding] {
        var t = ReviewRuleTests.table(fundsText: "2022年财政拨款136万元", rows: rows)
        if let weights { for (i, w) in weights.enumerated() { t.indicatorSets[0].rows[i].weight = w } }
        return Reviewer(systemChecks: true).review([.project(t)]).filter { $0.rule.hasPrefix("S") }
    }

    @Test func aSubmittableTableIsSilent() {
        #expect(systemRules(Self.submittable).isEmpty, "\(systemRules(Self.submittable))")
        #expect(systemRules(Self.submittable, weights: ["20", "20", "15", "15", "15", "15"]).isEmpty)
    }

    @Test func offByDefault() {
        var rows = Self.submittable
        rows[0].value = "1个"
        #expect(Reviewer().review([.project(ReviewRuleTests.table(rows: rows))]).allSatisfy { !$0.rule.hasPrefix("S") })
    }

    @Test func eachCheckFires() {
        func fires(_ rule: String, _ change: (inout [Row]) -> Void, weights: [String?]? = nil) -> [Finding] {
            var rows = Self.submittable
            change(&rows)
            let found = systemRules(rows, weights: weights)
            #expect(found.map(\.rule) == [rule], "\(rule): \(found.map(\.description))")
            return found
        }
        // S1: the 长清 满意度 row as printed, without a 三级指标.
        _ = fires("S1") { $0[5].name = "" }
        // S2: a count without its 计算符号, as 长清 printed it.
        let s2 = fires("S2") { $0[0].value = "1个" }
        #expect(s2.first?.suggestion?.contains("＝1个") == true)
        // S3: a 计算符号 with no unit.
        let s3 = fires("S3") { $0[1].value = "≥95" }
        #expect(s3.first?.message.contains("≥") == true)
        // S4: a placeholder.
        _ = fires("S4") { $0[4].value = "无" }
        // S5: one name, two values.
        let s5 = fires("S5") { $0[1].name = "无违建街镇创建个数" }
        #expect(s5.first?.message.contains("2 次") == true)
        // S6: weights that do not total 100.
        let s6 = fires("S6", { _ in }, weights: ["20", "20", "15", "15", "15", "10"])
        #expect(s6.first?.figures["权重合计"] == "95")
        // S7: a name longer than the system takes.
        _ = fires("S7") { $0[2].name = String(repeating: "完成", count: 60) }
    }
}
