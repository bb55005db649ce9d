import Foundation
import Testing
import GoalBridgeModel
@testable import GoalBridgeReview

/// Q30 (issue 15, "a year in any cell that is not the table's year"), on the seed tables as the importer reads them.
/// The seeds hold one real case, twice (the 聊城 housing-fund department table appears in two seed files): a 2022
/// table whose explanations say `预算2021年…` and `考察2021年…` and whose basis is `2021年工作计划`, while its other rows
/// say `考察2022年…` and `2022年工作计划`. Every other past year in the seeds is explained by its context — a reward for
/// last year's results, a history, a baseline, a document's title, an eligibility cut-off — and must stay silent.
struct StaleYearTests {
    static func q30(_ tables: [GoalTable]) -> [Finding] { Reviewer().review(tables).filter { $0.rule == "Q30" } }

    static func project(_ name: String) throws -> ProjectGoalTable {
        guard case .project(let t)? = try GoalFigureTests.tables(name).first else { throw TableKindMismatch() }
        return t
    }
    struct TableKindMismatch: Error {}

    @Test func lastYearsTextInADepartmentTableIsFound() throws {
        let found = Self.q30(try GoalFigureTests.tables("liaocheng-84-single.json"))
        #expect(found.map(\.cell) == ["F6", "F7", "J7"], "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.action == .advice && $0.figures["本表年度"] == "2022" })
        #expect(found.first?.message == "指标解释写的是 2021 年，本表是 2022 年度的：“预算2021年住房公积金实现增值收益。”，可能沿用了往年内容。")
        #expect(found.last?.figures["当年标准值依据"] == "2021年工作计划")
    }

    /// A past year with its reason beside it is silent; the same year without one is found. Built on a seed table
    /// (长清's 2022 医保 table), changing one description at a time.
    @Test func aPastYearIsFoundOnlyWithoutAReason() throws {
        var t = try Self.project("changqing-01-single.json")
        #expect(t.fiscalYear == 2022)
        #expect(Self.q30([.project(t)]).isEmpty)
        let k = try #require(t.indicatorSets[0].rows.firstIndex { $0.name == "自助终端" })
        func finds(_ description: String) -> Bool {
            t.indicatorSets[0].rows[k].description = description
            return !Self.q30([.project(t)]).isEmpty
        }
        #expect(finds("反映2021年度自助终端配置数量"))
        #expect(finds("2021 年底前完成自助终端配置"))
        #expect(finds("2020年-2021年配置的自助终端数量"))
        #expect(!finds("反映2022年度自助终端配置数量"))
        #expect(!finds("较2021年新增自助终端数量"))
        #expect(!finds("2021年以来累计配置的自助终端"))
        #expect(!finds("按《山东省医疗保障信息平台建设指南（2019年）》配置"))
        #expect(!finds("依照《实施方案(2021-2023年)》配置"))
        #expect(!finds("2020-2022年配置的自助终端数量"))
        #expect(!finds("为2015年1月1日前参保的人员提供服务"))
        #expect(!finds("2030年前全部配置"))
        // A deadline in the value is Q16's, not said twice.
        t.indicatorSets[0].rows[k].description = nil
        t.indicatorSets[0].rows[k].value = IndicatorValue(raw: "2021年底前")
        let findings = Reviewer().review([.project(t)])
        #expect(findings.contains { $0.rule == "Q16" } && !findings.contains { $0.rule == "Q30" })
    }

    /// 聊城's technology-upgrade fund rewards what enterprises won in 2021 (`奖励2021年国家级工业设计中心个数`): a 2022
    /// table counting last year's results is right, and silent; the same name without the reward is found.
    @Test func aRewardForLastYearsResultsIsSilent() throws {
        var t = try Self.project("liaocheng-74-single.json")
        #expect(Self.q30([.project(t)]).isEmpty)
        let k = try #require(t.indicatorSets[0].rows.firstIndex { $0.name == "奖励2021年国家级工业设计中心个数" })
        t.indicatorSets[0].rows[k].name = "2021年国家级工业设计中心个数"
        t.indicatorSets[0].rows[k].description = nil
        #expect(Self.q30([.project(t)]).map(\.cell) == [t.indicatorSets[0].rows[k].sources?["name"]?.cell])
    }

    /// The words that explain a past year are data: without them, the history in 长清's goal is found.
    @Test func theExplainingWordsAreData() throws {
        let t = try Self.project("changqing-05-single.json")
        #expect(Self.q30([.project(t)]).isEmpty)
        var configuration = ReviewConfiguration.standard
        configuration.words["staleYearWordsAfter"] = []
        let found = Reviewer(configuration: configuration).review([.project(t)]).filter { $0.rule == "Q30" }
        #expect(found.map(\.location) == [.field("goals.annual")])
    }
}
