import GoalBridgeModel

/// Which period a funds header or label names (issue 12, §2: funds placed by meaning, not by order): `年度资金`,
/// `年度资金总额`, `当年预算` are annual; `中期资金`, `总体资金`, `项目期资金总额` are mid-term. A text naming both, or
/// neither, says nothing. The one place where these words are listed.
enum FundPeriod: String, Sendable {
    case annual = "annualFunds"
    case midTerm = "midTermFunds"

    static let annualWords = ["年度", "当年", "本年"]
    static let midTermWords = ["中期", "总体", "项目期", "中长期", "实施期", "项目周期"]
    /// A header over a column of amounts names money (`年度资金`, `中期预算数`), not some other thing of the year.
    static let moneyWords = ["资金", "预算", "金额", "拨款"]

    /// The period a funds header names (`年度资金` over a column of amounts); nil for any other text.
    static func ofHeader(_ text: String) -> FundPeriod? {
        guard text.count <= 20, moneyWords.contains(where: { text.contains($0) }) else { return nil }
        return of(text)
    }

    /// The period a text names by its words, when it names exactly one.
    static func of(_ text: String) -> FundPeriod? {
        let annual = annualWords.contains { text.contains($0) }
        let midTerm = midTermWords.contains { text.contains($0) }
        if annual == midTerm { return nil }
        return annual ? .annual : .midTerm
    }

    /// A label key that starts with a period word, split into the period and the rest (`年度财政拨款` →
    /// (.annual, `财政拨款`)); nil when it starts with none.
    static func splitLabel(_ key: String) -> (period: FundPeriod, rest: String)? {
        for (words, period) in [(annualWords, FundPeriod.annual), (midTermWords, .midTerm)] {
            for w in words where key.hasPrefix(w) {
                let rest = String(key.dropFirst(w.count))
                return rest.isEmpty ? nil : (period, rest)
            }
        }
        return nil
    }

    /// The field of this period for a funds part (`total` → `annualFunds.total`).
    func field(_ part: String) -> String { rawValue + "." + part }

    /// The period and part of a funds field name (`midTermFunds.fiscal` → (.midTerm, `fiscal`)).
    static func parse(field: String) -> (period: FundPeriod, part: String)? {
        guard let dot = field.firstIndex(of: "."), let period = FundPeriod(rawValue: String(field[..<dot])) else { return nil }
        return (period, String(field[field.index(after: dot)...]))
    }

    /// How a clerk names the period.
    var name: String { self == .annual ? "年度资金" : "中期资金" }
}
