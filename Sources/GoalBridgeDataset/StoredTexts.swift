import Foundation
import GoalBridgeReview

/// What the rule on other projects' names (Q22) reads of a stored table — the annual goal, the fund use, each
/// indicator's name, description and basis — decoded from its `model_json` without the rest. The second pass of
/// `Dataset.reviewAcrossTables` reads every current table again for these; decoding whole tables for them was a
/// quarter of `check --db` (docs/benchmarks.md).
struct StoredTexts: Decodable {
    private struct Row: Decodable {
        var name: String
        var description: String?
        var basis: String?
    }
    private struct IndicatorSet: Decodable { var rows: [Row] }
    private struct Goals: Decodable { var annual: String? }
    private struct Project: Decodable {
        var goals: Goals?
        var fundUse: String?
        var indicatorSets: [IndicatorSet]?
    }
    private enum CodingKeys: String, CodingKey { case kind, table }

    /// Q22's texts (`BatchFacts.texts`); empty for a table that is not a project's.
    let texts: [(field: String, text: String)]

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard try c.decode(String.self, forKey: .kind) == "project" else { texts = []; return }
        let p = try c.decode(Project.self, forKey: .table)
        let rows = (p.indicatorSets ?? []).flatMap { $0.rows.map { (name: $0.name, description: $0.description, basis: $0.basis) } }
        texts = BatchFacts.texts(goal: p.goals?.annual, fundUse: p.fundUse, rows: rows)
    }
}
