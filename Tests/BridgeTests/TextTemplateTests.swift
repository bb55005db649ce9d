import Testing
@testable import GoalBridge
import GoalBridgeModel

struct TextTemplateTests {
    @Test func fieldsAreTakenOutOfATitleAsTyped() throws {
        let template = try #require(TextTemplate("{fiscalYear:year} 年度{departmentName}整体绩效目标表"))
        #expect(template.match("2024年度聊城市财政局整体绩效目标表") == ["fiscalYear": "2024", "departmentName": "聊城市财政局"])
        #expect(template.match("2024 年度 聊城市财政局 整体绩效目标表") == ["fiscalYear": "2024", "departmentName": "聊城市财政局"])
        #expect(template.match("项目支出绩效目标表") == nil)
    }

    /// Found by the random 聊城 E2 round trip: a department name typed over two lines (Alt+Enter) was
    /// not taken out of the title, which was then kept only as an unmapped cell.
    @Test func aFieldMaySpanALineBreak() throws {
        let template = try #require(TextTemplate("{fiscalYear:year} 年度{departmentName}整体绩效目标表"))
        #expect(template.match("2018 年度聊城市人员\n人员整体绩效目标表") == ["fiscalYear": "2018", "departmentName": "聊城市人员\n人员"])
    }

    /// The pre-check never rejects a cell the pattern would match: spaces, widths and parentheses as typed.
    @Test func preCheckAgreesWithTheMatch() throws {
        let templates = ["（{fiscalYear:year} 年度）", "单位：{amountUnit}", "{implementingUnit.code:digits} {implementingUnit.name}",
                         "{fiscalYear:year} 年度{departmentName}整体绩效目标表"].compactMap { TextTemplate($0) }
        let cells = ["（2024年度）", "(2024 年 度)", "（ 年度 ）", "单位：万元", "单位:元", "单 位 ：", "单位", "123 平阴县公安局",
                     "2024年度聊城市财政局整体绩效目标表", "ＡＢ（2024年度）", "项目名称", "年度", "2024 年度 聊城\n财政局 整体绩效目标表"]
        for t in templates {
            for c in cells where t.match(c) != nil {
                #expect(t.mightMatch(key: TextNormalizer.labelKey(c)), "\(c)")
            }
        }
        #expect(!templates[1].mightMatch(key: TextNormalizer.labelKey("项目名称")))
    }
}
