import Foundation

/// Everything the rules need that is not code: messages, severities, thresholds, word lists
/// (`Resources/review-rules.json`).
public struct ReviewConfiguration: Codable, Sendable {
    public struct Rule: Codable, Sendable {
        public var category: String
        public var severity: ReviewSeverity
        public var message: String
        public var suggestion: String?
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
    public var thresholds: Thresholds
    public var words: [String: [String]]

    public static let standard: ReviewConfiguration = {
        guard let url = Bundle.module.url(forResource: "review-rules", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url),
              let config = try? JSONDecoder().decode(ReviewConfiguration.self, from: data) else {
            preconditionFailure("review-rules.json missing or invalid in the GoalBridgeReview bundle")
        }
        return config
    }()

    public func words(_ key: String) -> [String] { words[key] ?? [] }
}
