import Foundation
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
        guard text.utf8.count <= 60, moneyWords.contains(where: { text.containsText($0) }) else { return nil }
        return of(text)
    }

    /// The period a text names by its words, when it names exactly one (compared as bytes: Foundation's `contains`
    /// folds through CFString, a few percent of importing a table when it ran for every funds value).
    static func of(_ text: String) -> FundPeriod? {
        let annual = annualWords.contains { text.containsText($0) }
        let midTerm = midTermWords.contains { text.containsText($0) }
        if annual == midTerm { return nil }
        return annual ? .annual : .midTerm
    }

    /// A label key that starts with a period word, split into the period and the rest (`年度财政拨款` →
    /// (.annual, `财政拨款`)); nil when it starts with none.
    static func splitLabel(_ key: String) -> (period: FundPeriod, rest: String)? {
        // Every label of a table's fixed rows comes here: most start with none of the words' first characters.
        guard let first = key.unicodeScalars.first, firstScalars.contains(first.value) else { return nil }
        // Compared as bytes in place: `hasPrefix` compares Characters (grapheme breaking), and most labels start with
        // 项 (项目名称 …), which passes the first check.
        var utf8 = key
        return utf8.withUTF8 { b -> (FundPeriod, String)? in
            for (period, w) in wordBytes where b.count >= w.count && memcmp(b.baseAddress!, w, w.count) == 0 {
                return b.count == w.count ? nil : (period, String(decoding: UnsafeBufferPointer(rebasing: b[w.count...]), as: UTF8.self))
            }
            return nil
        }
    }

    private static let firstScalars = Set((annualWords + midTermWords).compactMap { $0.unicodeScalars.first?.value })
    /// Each period word as bytes, annual ones first.
    private static let wordBytes: [(FundPeriod, [UInt8])] = annualWords.map { (.annual, Array($0.utf8)) } + midTermWords.map { (.midTerm, Array($0.utf8)) }

    /// The field of this period for a funds part (`total` → `annualFunds.total`).
    func field(_ part: String) -> String { rawValue + "." + part }

    /// The period and part of a funds field name (`midTermFunds.fiscal` → (.midTerm, `fiscal`)).
    static func parse(field: String) -> (period: FundPeriod, part: String)? {
        // By bytes: asked for every field a table has.
        for (period, prefix) in prefixes where field.utf8.count > prefix.count && field.utf8.starts(with: prefix) {
            return (period, String(decoding: field.utf8.dropFirst(prefix.count), as: UTF8.self))
        }
        return nil
    }

    /// `annualFunds.`, `midTermFunds.` as bytes, made once.
    private static let prefixes: [(FundPeriod, [UInt8])] = [(.annual, Array("annualFunds.".utf8)), (.midTerm, Array("midTermFunds.".utf8))]

    /// How a clerk names the period.
    var name: String { self == .annual ? "年度资金" : "中期资金" }
}
