import GoalBridgeReview
import Testing
@testable import GoalBridge

/// What a form states outside a field's own cell (FormText): each rule with the titles of the seeds.
struct FormTextTests {
    @Test(arguments: [
        ("2022年预算项目支出绩效目标表（1）", 2022),
        ("（2024 年度）", 2024),
        ("(2024年度)", 2024),
        ("2022 年度聊城市消防救援支队整体战略目标表", 2022),
        ("部门整体支出绩效指标（河北永清经济开发区管理委员会 2021 年）", 2021),
        ("部分县直部门2024年绩效目标申报表", 2024),
        ("３．２０２３年预算项目支出绩效目标表", 2023),
        // Chinese numerals, as official documents date themselves.
        ("（二〇二四年度）", 2024),
        ("二零二二年度聊城市消防救援支队整体战略目标表", 2022),
    ])
    func yearStatedByTheTitle(_ title: String, _ year: Int) {
        #expect(FormText.year(inTitle: title) == year)
    }

    @Test(arguments: [
        "25.廊财行【2020】38号经开区提前下达2021年市级村级组织运转经费-服务群众专项经费绩效目标表", // the project's year
        "30.2020-2021取暖季双代运行补贴资金绩效目标表",
        "2003年以前退休人员生活补贴绩效目标表",
        "项目支出绩效目标表",
        "资金总额12345年",       // not a year: five digits
        "1890年老区建设项目绩效目标表", // out of range
        "十四五规划项目绩效目标表",       // numerals, but no year
        "一二三年级营养餐项目绩效目标表",   // three numerals
    ])
    func noYearWhereTheTitleDoesNotStateOne(_ title: String) {
        #expect(FormText.year(inTitle: title) == nil)
    }

    @Test(arguments: [
        ("1.经开区编外人员资金绩效目标表", "经开区编外人员资金"),
        ("12、经开区招商经费绩效目标表", "经开区招商经费"),
        ("（3）县级电子政务外网安全监测平台建设项目绩效目标表", "县级电子政务外网安全监测平台建设项目"),
        ("30.2020-2021取暖季双代运行补贴资金绩效目标表", "2020-2021取暖季双代运行补贴资金"),
    ])
    func projectNamedByTheTitle(_ title: String, _ name: String) {
        #expect(FormText.projectName(inTitle: title) == name)
    }

    /// A year field's text: digits of either width or four Chinese numerals.
    @Test(arguments: [("2024", 2024), ("２０２４", 2024), ("二〇二四", 2024), ("二零二四", 2024), (" 2024 ", 2024),
                      ("二〇二", nil), ("十四五", nil), ("20240", nil), ("", nil)] as [(String, Int?)])
    func yearFieldText(_ text: String, _ year: Int?) {
        #expect(FormText.yearNumber(text) == year)
    }

    /// A unit line's unit without the instruction a template puts after it.
    @Test(arguments: [("万元（保留两位小数）", "万元"), ("元(精确到元)", "元"), ("万元", "万元"), (" 万元 ", "万元"),
                      ("人民币万元", "人民币万元"), ("（万元）", "（万元）")])
    func unitStatedByAUnitLine(_ text: String, _ unit: String) {
        #expect(FormText.amountUnit(stated: text) == unit)
    }

    /// Titles that name only the form: 聊城's `项目绩效目标表` gave the name “项目” to every table whose 项目名称 was blank.
    @Test(arguments: ["项目支出绩效目标表", "绩效目标表", "2022年预算项目支出绩效目标表（1）", "项目绩效目标表", "2024年度项目支出绩效目标表",
                      "2022年预算项目绩效目标表", "专项资金绩效目标表", "2024 年度项目绩效目标表"])
    func noProjectNameInAFormTitle(_ title: String) {
        #expect(FormText.projectName(inTitle: title) == nil)
    }

    @Test(arguments: [("项目资金（万元）", "万元"), ("项目资金(万元)", "万元"), ("项目金额（万元）", "万元"), ("预算数（元）", "元"),
                      ("资金总额（亿元）", "亿元")])
    func unitInALabelsQualifier(_ label: String, _ unit: String) {
        #expect(FormText.amountUnit(inLabel: label) == unit)
    }

    @Test func noUnitWithoutAQualifier() {
        #expect(FormText.amountUnit(inLabel: "年度预算资金总额") == nil)
        #expect(FormText.amountUnit(inLabel: "资金支出计划（%）") == nil)
    }
}

/// 聊城's table with its 项目名称 left blank (liaocheng-fullwidth-digits, openpyxl, D4 cleared): the project was named
/// “项目”, what is left of the form's title `项目绩效目标表`, and the review never asked for the name. It has none now.
struct GenericTitleTests {
    @Test func aBlankProjectNameIsNotTakenFromTheFormsTitle() throws {
        let (_, table) = try importReplacing("D4", with: "", in: "liaocheng-fullwidth-digits.xlsx")
        #expect(table.projectName == nil)
        #expect(Reviewer().review([.project(table)]).contains { $0.rule == "Q5" && $0.message.contains("项目名称") })
    }
}

/// A note a department puts after the title of a revised submission (title-notes, openpyxl from the seed text):
/// 永清's project table, whose only name is its title (`4.经开区新冠病毒防疫资金绩效目标表（修改稿）`), lost its name
/// without a word; 聊城's performance table, found by a title ending in 整体绩效目标表 (`…(调整后)`), was not found.
struct TitleNoteTests {
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aTitleWithANoteIsThatTitle(_ writer: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(writer)title-notes.xlsx", expected: ForeignFormTests.directory + "/title-notes.json")
        let fund = try #require(result.tables.first?.project)
        #expect(fund.projectName == "经开区新冠病毒防疫资金" && fund.sources?["projectName"]?.cell == "A1")
        guard case .departmentPerformance(let performance)? = result.tables.last else { Issue.record("no performance table"); return }
        #expect(performance.fiscalYear == 2022 && performance.departmentName == "聊城市住房公积金管理中心")
    }

    /// A title that does not end with the form's name gives no name: said, at the title's cell.
    @Test func aTitleThatGivesNoNameIsSaid() throws {
        let (result, table) = try importReplacing("A1", with: "4.经开区新冠病毒防疫资金绩效目标表——修改稿", in: "title-notes.xlsx")
        #expect(table.projectName == nil)
        let said = result.diagnostics.filter { $0.code == "name-not-in-title" }
        #expect(said.map { $0.cell ?? "" } == ["A1"] && said.allSatisfy { $0.severity == .warning && $0.sheet == "永清" })
    }

    @Test(arguments: [
        ("9.经开区招商经费绩效目标表（修改稿）", "9.经开区招商经费绩效目标表"),
        ("2022 年度聊城市XX整体绩效目标表(调整后)", "2022 年度聊城市XX整体绩效目标表"),
        ("项目支出绩效目标表（续）", nil), ("项目资金（万元）", nil), ("（修改稿）", nil), ("绩效目标表", nil),
    ] as [(String, String?)])
    func aNoteIsABracketAfterTheFormsName(_ text: String, _ bare: String?) {
        #expect(FormText.withoutTitleNote(text) == bare)
    }
}
