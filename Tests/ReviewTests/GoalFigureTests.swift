import Foundation
import Testing
import GoalBridgeModel
import GoalBridge
@testable import GoalBridgeReview

/// Q28 (issue 15): a goal whose figures the indicators contradict, on the seed tables (the corpus's workbooks, written
/// by openpyxl/XlsxWriter from the seed text, as the importer reads them). Over every single-table document of the corpus it finds two, both real: 聊城's
/// 配制杂交组合 (goal 800 个, indicator ≥80 个) and 新华's 参保人员补助 (goal 160 万元, indicator 172 万元). The 平阴
/// water project's goal states five figures its indicators repeat: silent, and loud once one indicator is changed.
struct GoalFigureTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BridgeTests/Fixtures/corpus")

    static let importer = try! GoalImporter()

    /// The tables of a corpus workbook (named by its expected document, `x-single.json` → `x-single.xlsx`), as the
    /// importer reads them: the review runs on what a bureau's import gives (canonical levels included).
    static func tables(_ name: String) throws -> [GoalTable] {
        let result = importer.importFile(corpus.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".xlsx")).path)
        try #require(!result.tables.isEmpty, "\(name): \(result.diagnostics.map(\.message))")
        return result.tables
    }

    static func q28(_ tables: [GoalTable]) -> [Finding] { Reviewer().review(tables).filter { $0.rule == "Q28" } }

    @Test func aGoalContradictedByItsIndicatorIsFound() throws {
        let found = Self.q28(try Self.tables("liaocheng-13-single.json"))
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.message.contains("配制杂交组合800个") == true && found.first?.message.contains("≥80个") == true)
        #expect(found.first?.figures == ["目标中": "800个", "指标值": "≥80个"])
        #expect(found.first?.action == .advice)
        if case .indicator(.annual, _, "value")? = found.first?.location {} else { Issue.record("not on the indicator's value: \(String(describing: found.first?.location))") }
    }

    @Test func aGoalItsIndicatorsRepeatIsSilentUntilOneDisagrees() throws {
        let tables = try Self.tables("pingyin-02-single.json")
        #expect(Self.q28(tables).isEmpty)
        guard case .project(var t) = tables[0] else { Issue.record("not a project table"); return }
        let k = try #require(t.indicatorSets[0].rows.firstIndex { $0.name == "沿线用户满意度" })
        t.indicatorSets[0].rows[k].value = IndicatorValue(raw: "≥90%")
        let found = Self.q28([.project(t)])
        #expect(found.count == 1 && found.first?.message.contains("沿线用户满意率95%以上") == true, "\(found.map(\.message))")
        // Another figure of the goal: the pipe's length.
        t.indicatorSets[0].rows[k].value = IndicatorValue(raw: "≥95%")
        let pipe = try #require(t.indicatorSets[0].rows.firstIndex { $0.name == "管网建设" })
        t.indicatorSets[0].rows[pipe].value = IndicatorValue(raw: "≥15000 米")
        #expect(Self.q28([.project(t)]).map(\.figures["目标中"]) == ["15826 米"])
    }

    /// Precision on the seeds: every finding over the corpus's single-table documents, each checked by hand.
    @Test func onTheSeedsEveryFindingIsReal() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix("-single.json") }.sorted()
        #expect(names.count > 100)
        var found: [String] = []
        for name in names {
            found += Self.q28(try Self.tables(name)).map { "\(name): \($0.figures["目标中"] ?? "") / \($0.figures["指标值"] ?? "")" }
        }
        #expect(found == ["liaocheng-13-single.json: 800个 / ≥80个", "xinhua-25-single.json: 160万元 / 172万元"])
    }
}

/// Q29 (issue 15): two rows whose descriptions are swapped. On the seeds (the corpus's expected documents) it finds one,
/// real: 永清's department table describes 政府工作效率提高情况 as 制度及实施方案健全程度 and the other way round (their
/// values, 健全 and 提高, are swapped too). Every other seed table stays silent.
struct SwappedDescriptionTests {
    @Test func theSwappedPairIsFound() throws {
        let found = Reviewer().review(try GoalFigureTests.tables("yongqing-35-single.json")).filter { $0.rule == "Q29" }
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.message.contains("政府工作效率提高情况") == true && found.first?.message.contains("制度及实施方案健全程度") == true)
        #expect(found.first?.action == .mustChange)
    }

    @Test func everyOtherSeedTableIsSilent() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: GoalFigureTests.corpus.path).filter { $0.hasSuffix("-single.json") }.sorted()
        var found: [String] = []
        for name in names {
            found += Reviewer().review(try GoalFigureTests.tables(name)).filter { $0.rule == "Q29" }.map { "\(name): \($0.figures.keys.sorted())" }
        }
        #expect(found.count == 1 && found[0].hasPrefix("yongqing-35-single.json"), "\(found)")
    }

    @Test func descriptionsThatSayLittleOfEitherNameAreSilent() {
        var rows = ReviewRuleTests.clean
        rows.append(("产出指标", "数量指标", "培训人数", "≥140人", "按年度计划组织"))
        rows.append(("产出指标", "质量指标", "考核合格率", "≥95%", "按年度计划考核"))
        #expect(Reviewer().review([.project(ReviewRuleTests.table(fundsText: "2022年财政拨款136万元", rows: rows))]).filter { $0.rule == "Q29" }.isEmpty)
        // Swapped, they are found.
        rows[rows.count - 2].4 = "参加考核合格的人员比例"
        rows[rows.count - 1].4 = "参加培训人数"
        let found = Reviewer().review([.project(ReviewRuleTests.table(fundsText: "2022年财政拨款136万元", rows: rows))]).filter { $0.rule == "Q29" }
        #expect(found.count == 1, "\(found.map(\.message))")
    }
}
