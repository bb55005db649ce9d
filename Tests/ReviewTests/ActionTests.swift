import Foundation
import Testing
import GoalBridgeModel
@testable import GoalBridgeReview

/// Every finding carries an action (退回修改 / 提示) and a standard opinion, both from review-rules.json, checked
/// when the file is loaded (issue 15).
struct ActionTests {
    @Test func theShippedRulesAreSound() {
        let c = ReviewConfiguration.standard
        #expect(c.problems.isEmpty, "\(c.problems)")
        #expect(c.rules.values.allSatisfy { $0.action != nil && $0.opinion != nil })
        #expect((c.opinions ?? []).contains("指标不够细化、量化"))
    }

    @Test func anOpinionNotInTheVocabularyIsCaughtOnLoad() throws {
        var c = ReviewConfiguration.standard
        c.rules["Q1"]?.opinion = "随便写的意见"
        c.rules["Q2"]?.category = "不清楚"
        #expect(c.problems.count == 2 && c.problems[0].contains("Q1") && c.problems[1].contains("Q2"))
    }

    @Test func findingsCarryTheirRulesActionAndOpinion() throws {
        let doc = try JSONDecoder().decode(GoalDocument.self, from: Data(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/xinhua-2023-enterprise-relief.json")))
        let findings = Reviewer().review(doc.tables)
        #expect(!findings.isEmpty)
        for f in findings {
            let rule = try #require(ReviewConfiguration.standard.rules[f.rule])
            #expect(f.action == rule.effectiveAction && f.opinion == rule.opinion, "\(f.rule)")
        }
        #expect(findings.contains { $0.action == .mustChange } && findings.contains { $0.action == .advice })
    }
}
