import Foundation
import Testing
import GoalBridgeModel
@testable import GoalBridgeReview

/// Q25 (issue 15): words typed twice and confused characters inside one table, from the seeds' real slips; the seeds'
/// legitimate repeats stay silent.
struct TypoRuleTests {
    let typos = TypoRules(configuration: .standard)

    @Test(arguments: [
        ("参加初任培训培训人数", "培训培训"),                               // S3:1367
        ("“美丽渔场”渔业品牌基地基地个数", "基地基地"),                     // S3:236
        ("到2022年年底全市全市农村电商从业人数", "全市全市"),                 // S3:1904
        ("城乡公益性岗位岗位及社保补贴", "岗位岗位"),                         // S1:25
        ("危险废物危险废物规范管理抽查合格率", "危险废物危险废物"),           // S3:2619, four characters
        ("反映本年度办理法律援助案件合格律", "合格律"),                       // a confused character
    ])
    func slipsAreFound(_ text: String, _ found: String) throws {
        let slip = try #require(typos.slip(in: text), "\(text)")
        #expect(slip.found == found)
    }

    @Test(arguments: [
        "关于2022年聊城市城市形象宣传项目的工作计划",                        // S3:2441: 聊城市 + 城市形象
        "高新技术产业产值占规模以上工业产业产值比重",                        // S3:2665: 产业 + 产值
        "奖励2021年山东省小型微型企业创业创新示范基地个数",                  // S3:2286: 创业 + 创新
        "法律援助案件标准达标率",
        "年年开展，天天巡查",
    ])
    func legitimateRepeatsAreSilent(_ text: String) {
        #expect(typos.slip(in: text) == nil, "\(String(describing: typos.slip(in: text)))")
    }

    @Test func aFindingNamesTheFieldAndTheWordsAround() throws {
        var t = ReviewRuleTests.table(fundsText: "2022年财政拨款136万元", rows: ReviewRuleTests.clean)
        t.indicatorSets[0].rows[0].description = "参加初任培训培训人数"
        let findings = Reviewer().review([.project(t)]).filter { $0.rule == "Q25" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("绩效指标描述中的“培训培训”疑为重复录入，应为“培训”") == true, "\(findings)")
        #expect(findings.first?.location == .indicator(scope: .annual, row: 0, field: "description"))
    }
}

/// Department-wide rows are checked too (the seeds' 工作工作 and 危险废物危险废物 are in 聊城 E1/E2 tables).
struct DepartmentTypoTests {
    @Test func aStrategicRowWithADoubledWord() {
        let row = StrategicIndicator(indicator: "开展社会组织评估等级工作工作完成率", annualTarget: IndicatorValue(raw: "100%"))   // S3:3157
        let table = DepartmentStrategicTable(fiscalYear: 2022, departmentName: "聊城市民政局", rows: [row])
        let findings = Reviewer().review([.departmentStrategic(table)]).filter { $0.rule == "Q25" }
        #expect(findings.count == 1 && findings.first?.message.contains("工作工作") == true)
        #expect(findings.first?.location == .field("rows[0].indicator"))
    }
}
