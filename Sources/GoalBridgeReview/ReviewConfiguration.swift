import Foundation

/// Everything the rules need that is not code: messages, severities, thresholds, word lists
/// (`Resources/review-rules.json`).
public struct ReviewConfiguration: Codable, Sendable {
    public struct Rule: Codable, Sendable {
        public var category: String
        public var severity: ReviewSeverity
        public var message: String
        public var suggestion: String?
        /// What the department must do: 退回修改 (change and resubmit) or 提示 (advice). Without one, an error is
        /// 退回修改 and anything else 提示.
        public var action: ReviewAction?
        /// The reviewer's standard opinion (one of `opinions`): 指标不够细化、量化, 成本指标未细化 …
        public var opinion: String?

        /// The action, given or derived from the severity.
        public var effectiveAction: ReviewAction { action ?? (severity == .error ? .mustChange : .advice) }
    }

    public struct Thresholds: Codable, Sendable {
        /// A satisfaction target below this (in %) is implausible (seed: `≥9%` where 90 % was meant).
        public var satisfactionMinimumPercent: Double
        /// Money compared within ± this many 万元.
        public var moneyTolerance: Double
        /// From this fiscal year cost is a level-1 indicator (the 2024 cost reform).
        public var costFromYear: Int
        /// Share of qualitative values in one table above which the table is reported.
        public var vagueShareWarning: Double
        /// Unit cost × quantity may differ from the budget by this share before it is reported.
        public var unitCostTolerance: Double
        /// Lengths the 预算管理一体化 system accepts (characters): 三级指标 name, 指标值, descriptions and bases.
        public var systemNameMaxLength: Int?
        public var systemValueMaxLength: Int?
        public var systemTextMaxLength: Int?
    }

    public var rules: [String: Rule]
    /// The short standard phrases reviewers write, one per finding where one fits.
    public var opinions: [String]?
    public var thresholds: Thresholds
    public var words: [String: [String]]
    /// Kinds of project and the words that belong to each (`燃料和能源`: 煤, 燃油, 电价 …), for Q31: a basis that
    /// names a subject the rest of its table never touches was copied from another kind of project.
    public var subjects: [String: [String]]?

    /// Mistakes in the declarations, checked when a configuration is loaded: a rule's opinion that is not among
    /// `opinions`, a category that is not one of the four. Empty when the configuration is sound.
    public var problems: [String] {
        var out: [String] = []
        let known = Set(opinions ?? [])
        for (id, rule) in rules.sorted(by: { $0.key < $1.key }) {
            if let o = rule.opinion, !known.contains(o) { out.append("规则 \(id) 的审核意见“\(o)”不在 opinions 中") }
            if ReviewCategory(rawValue: rule.category) == nil { out.append("规则 \(id) 的类别“\(rule.category)”无效") }
        }
        return out
    }

    public static let standard: ReviewConfiguration = {
        guard let url = Bundle.module.url(forResource: "review-rules", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url),
              let config = try? JSONDecoder().decode(ReviewConfiguration.self, from: data), config.problems.isEmpty else {
            preconditionFailure("review-rules.json missing or invalid in the GoalBridgeReview bundle")
        }
        return config
    }()

    /// A word list of the rules file by key (`satisfaction`, `rates` …); empty when the file has none.
    ///
    /// ```swift
    /// ReviewConfiguration.standard.words("satisfaction")   // ["满意度", "满意率"]
    /// ```
    public func words(_ key: String) -> [String] { words[key] ?? [] }
}
