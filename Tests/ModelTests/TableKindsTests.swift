import Foundation
import Testing
@testable import GoalBridgeModel

/// Every table kind of the seeds survives JSON, with rows taken from the seeds.
struct TableKindsTests {
    static let strategic = DepartmentStrategicTable(
        title: "2022 年度聊城市消防救援支队整体战略目标表", fiscalYear: 2022, departmentName: "聊城市消防救援支队",
        strategicGoal: "加强消防救援队伍建设",
        rows: [StrategicIndicator(seq: "2", indicator: "新增政府专职消防队员(人数)", explanation: "全市新增政府专职消防队员人数。",
                                  annualTarget: IndicatorValue(raw: "41 人"),
                                  reference: ReferenceValues(planned: "204 人", currentStandard: "41 人",
                                                             currentStandardSource: "《山东省“十四五”消防事业发展规划》",
                                                             threeYearAverage: "223 人", lastYear: "119 人", historySource: "内部统计"),
                                  remark: "---", sources: ["indicator": SourceCell(sheet: "战略", cell: "B7")])])

    static let performance = DepartmentPerformanceTable(
        title: "2022 年度聊城市住房公积金管理中心整体绩效目标表", fiscalYear: 2022, departmentName: "聊城市住房公积金管理中心",
        officeCaption: "填报科室",
        rows: [DutyIndicator(dutySeq: "3", duty: "持续扩展公积金缴存覆盖面", dutyDetail: "以建设“服务型机关”…加强服务标准化、规范化建设",
                             dutyGoal: "持续加强政策宣传解读…", indicator: "归集金额数量", explanation: "当年归集金额",
                             annualTarget: IndicatorValue(raw: "47亿元"),
                             reference: ReferenceValues(planned: "47亿元", currentStandard: "47亿元", currentStandardSource: "《关于2022年工作部署的报告》",
                                                        threeYearAverage: "42.71亿元", lastYear: "50.26亿元", historySource: "内部统计"),
                             remark: "——", workActivities: "创新归集扩面工作方式…", budgetProjects: "住房公积金管理", office: "归集管理科、各管理部")])

    static let list = ProjectListTable(title: "部分县直部门2024年绩效目标申报表", fiscalYear: 2024, amountUnit: "万元",
                                       rows: [ProjectListEntry(seq: "1", budgetUnitName: "平阴县公安局", projectName: "警务辅助人员专项经费",
                                                               amount: Amount(text: "2820.81"))])

    @Test func everyKindRoundTripsThroughJSON() throws {
        let doc = GoalDocument(tables: [.departmentStrategic(Self.strategic), .departmentPerformance(Self.performance), .projectList(Self.list),
                                        .project(ProjectGoalTable(publisher: "聊城市财政局", publishDate: "2022 年 5 月", section: "第一部分 其他运转类项目",
                                                                  projectCode: "37150022P99001810047B", projectName: "农业技术推广"))])
        let data = try JSONEncoder().encode(doc)
        #expect(try JSONDecoder().decode(GoalDocument.self, from: data) == doc)
        #expect(String(decoding: data, as: UTF8.self).contains("\"kind\":\"projectList\""))
    }

    @Test func provenanceIsSetAside() {
        let t = Self.strategic.strippingProvenance()
        #expect(t.rows[0].sources == nil)
        #expect(t.rows[0].reference.historySource == "内部统计")
    }

    @Test func valuesInDepartmentTablesParse() {
        #expect(Self.performance.rows[0].annualTarget.number == 47 && Self.performance.rows[0].annualTarget.unit == "亿元")
        #expect(Self.strategic.rows[0].annualTarget.unit == "人")
    }
}
