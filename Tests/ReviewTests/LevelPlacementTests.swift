import Foundation
import Testing
import GoalBridgeModel
@testable import GoalBridgeReview

/// Q27 (issue 15): an amount of money filed under 数量指标 (it is a cost) and a count filed under 质量指标 (it is a
/// quantity), from the seed rows that have them; the seeds' legitimate cases stay silent.
struct LevelPlacementTests {
    typealias Row = ReviewRuleTests.Row

    func q27(_ row: Row) -> [Finding] {
        var rows = ReviewRuleTests.clean
        rows.append(row)
        return Reviewer().review([.project(ReviewRuleTests.table(fundsText: "2022年财政拨款136万元", rows: rows))]).filter { $0.rule == "Q27" }
    }

    @Test(arguments: [
        ("产出指标", "数量指标", "按参保人员每人153元给予补助", "400万元", "成本指标"),        // 新华 (S2)
        ("产出指标", "数量指标", "疫情防控经费标准", "<=45万元", "成本指标"),                  // 永清 (S4)
        ("产出指标", "质量指标", "基本公共卫生服务覆盖村街个数", "=17个", "数量指标"),          // 永清 (S4)
    ])
    func misplacedRowsAreFound(_ l1: String, _ l2: String, _ name: String, _ value: String, _ should: String) throws {
        let found = q27((l1, l2, name, value, nil))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.suggestion?.contains(should) == true)
        #expect(found.first?.location == .indicator(scope: .annual, row: ReviewRuleTests.clean.count, field: "level2"))
    }

    @Test(arguments: [
        ("产出指标", "数量指标", "创业担保贷款发放量", "≥6亿元"),        // 聊城: money that is the project's output
        ("产出指标", "质量指标", "全年逾期支付次数", "≤0次"),            // 新华: zero occurrences is a quality target
        ("产出指标", "数量指标", "培训人数", "≥140人"),
        ("产出指标", "质量指标", "合格率", "≥95%"),
    ])
    func legitimatePlacementsAreSilent(_ l1: String, _ l2: String, _ name: String, _ value: String) {
        #expect(q27((l1, l2, name, value, nil)).isEmpty)
    }
}

/// Q20 in words (issue 15): `计划培训人数占实际培训人数比率` (永清, S4) is plan over actual, as `计划/实际` is;
/// `实际发放数占应发总数的比率` is the right way round.
struct RatioWordingTests {
    func q20(name: String, description: String?) -> [Finding] {
        var rows = ReviewRuleTests.clean
        rows.append(("产出指标", "质量指标", name, "≥95%", description))
        return Reviewer().review([.project(ReviewRuleTests.table(fundsText: "2022年财政拨款136万元", rows: rows))]).filter { $0.rule == "Q20" }
    }

    @Test func planOverActualInWords() {
        let found = q20(name: "培训参与度", description: "计划培训人数占实际培训人数比率")
        #expect(found.count == 1 && found.first?.message.contains("计划培训人数/实际培训人数") == true, "\(found)")
        // In the name itself, with no description.
        #expect(q20(name: "应发放安置补助占实际发放总数比率", description: nil).first?.location
                == .indicator(scope: .annual, row: ReviewRuleTests.clean.count, field: "name"))
    }

    @Test(arguments: ["实际发放数占应发总数的比率", "已补助人数占应补助人群的比率", "得到应急医疗救助的患者数量占符合条件应救助患者总数的比例",
                      "自主知识产权所占比重"])
    func theRightWayRoundIsSilent(_ text: String) {
        #expect(q20(name: "完成率", description: text).isEmpty)
    }
}
