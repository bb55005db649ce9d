import Testing
@testable import GoalBridge

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
}
