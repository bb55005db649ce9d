import Foundation
import Testing
import GoalBridgeModel
@testable import GoalBridgeReview

/// Q31 (issue 15, "a basis that belongs to another kind of project"), on the seed tables as the importer reads them.
/// The seeds hold one: 新华's 支持科技创新资金 gives `按往年煤价估算` (last year's coal price) as the basis of its
/// 财政补贴资金 — a line from a heating-subsidy table; nothing else in the table speaks of fuel. The education tables'
/// `设计在校生人数` and `在校师生人数` sit in tables about schools and pupils, and stay silent.
struct ForeignBasisTests {
    static func rule(_ id: String, _ tables: [GoalTable], _ configuration: ReviewConfiguration = .standard) -> [Finding] {
        Reviewer(configuration: configuration).review(tables).filter { $0.rule == id }
    }

    @Test func aCoalPriceInAnInnovationFundIsFound() throws {
        let found = Self.rule("Q31", try GoalFigureTests.tables("xinhua-21-single.json"))
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.cell == "G13" && found.first?.action == .mustChange)
        #expect(found.first?.message.contains("“按往年煤价估算”说的是燃料和能源（“煤”）") == true)
        #expect(found.first?.figures == ["指标值确定依据": "按往年煤价估算", "项目名称": "支持科技创新资金"])
    }

    @Test func aBasisTheTableSpeaksOfIsSilentUntilItComesFromElsewhere() throws {
        let tables = try GoalFigureTests.tables("xinhua-17-single.json")
        #expect(Self.rule("Q31", tables).isEmpty)
        guard case .project(var school) = tables[0] else { Issue.record("not a project table"); return }
        #expect(school.indicatorSets[0].rows.contains { $0.basis == "设计在校生人数" })
        let k = try #require(school.indicatorSets[0].rows.firstIndex { $0.basis == "采购数量" })
        school.indicatorSets[0].rows[k].basis = "按往年油价估算"
        #expect(Self.rule("Q31", [.project(school)]).map(\.figures["指标值确定依据"]) == ["按往年油价估算"])

        // The other way round: a school's basis in the innovation fund.
        guard case .project(var fund)? = try GoalFigureTests.tables("xinhua-21-single.json").first else { Issue.record("not a project table"); return }
        let c = try #require(fund.indicatorSets[0].rows.firstIndex { $0.basis == "按往年煤价估算" })
        fund.indicatorSets[0].rows[c].basis = "设计在校生人数"
        #expect(Self.rule("Q31", [.project(fund)]).first?.message.contains("说的是教育（“在校生”）") == true)
        // Once the fund's own texts speak of the subject, the basis belongs.
        fund.fundUse = "用于学校科技创新教育"
        #expect(Self.rule("Q31", [.project(fund)]).isEmpty)
    }

    /// The subjects are data: a configuration without them raises nothing.
    @Test func theSubjectsAreData() throws {
        var configuration = ReviewConfiguration.standard
        configuration.subjects = nil
        #expect(Self.rule("Q31", try GoalFigureTests.tables("xinhua-21-single.json"), configuration).isEmpty)
    }

    /// Precision on the seeds: every Q30 and Q31 finding over the corpus's single-table documents, each checked by hand
    /// (docs/review-precision.tsv): all real.
    @Test func onTheSeedsEveryFindingIsReal() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: GoalFigureTests.corpus.path).filter { $0.hasSuffix("-single.json") }.sorted()
        #expect(names.count > 100)
        var found: [String] = []
        for name in names {
            found += Reviewer().review(try GoalFigureTests.tables(name)).filter { $0.rule == "Q30" || $0.rule == "Q31" }
                .map { "\(name) \($0.rule) \($0.cell ?? "")" }
        }
        #expect(found == ["liaocheng-84-single.json Q30 F6", "liaocheng-84-single.json Q30 F7", "liaocheng-84-single.json Q30 J7",
                          "liaocheng-85-single.json Q30 E6", "liaocheng-85-single.json Q30 E7", "liaocheng-85-single.json Q30 I7",
                          "xinhua-21-single.json Q31 G13"])
    }
}
