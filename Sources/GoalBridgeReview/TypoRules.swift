import Foundation
import GoalBridgeModel

/// Q25: typing slips inside one table — a word typed twice (`培训培训人数`, `危险废物危险废物`) and a character
/// confused with one that sounds alike (`合格律` for 合格率). Both lists are data (review-rules.json `doubledWords`,
/// `confusables`), no dictionary: a two-character word counts as doubled only when it is listed (聊城市城市形象 and
/// 产业产值 repeat two characters legitimately); three or more characters repeated back to back always count.
struct TypoRules: Sendable {
    let doubled: Set<String>
    /// Wrong spelling → right one.
    let confusables: [(wrong: String, right: String)]
    /// The scalars the wrong spellings end with (律, 绿 …): a text holding none of them is not searched.
    let confusableLast: Set<UInt32>

    init(configuration: ReviewConfiguration) {
        doubled = Set(configuration.words("doubledWords"))
        confusables = configuration.words("confusables").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        confusableLast = Set(confusables.compactMap { $0.wrong.unicodeScalars.last?.value })
    }

    /// The first slip in `text`: what was found, what it should be, and which kind of slip. One pass over the
    /// scalars with the last eight kept on the stack (this runs on every text of every collected table: arrays and
    /// Character-wise comparison made it a third of reviewing a table).
    func slip(in text: String) -> (found: String, right: String, kind: String)? {
        @inline(__always) func isHan(_ v: UInt32) -> Bool { v >= 0x4E00 && v <= 0x9FFF }
        var maybeConfused = false
        var doubledAt: (end: Int, length: Int)?
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { window in
            window.initialize(repeating: 0)
            var n = 0
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if confusableLast.contains(v) { maybeConfused = true }
                window[n & 7] = v
                n += 1
                guard doubledAt == nil, isHan(v) else { continue }
                // A unit of 4, 3 or 2 Han characters ending here, just after the same unit.
                for length in stride(from: 4, through: 2, by: -1) where n >= 2 * length {
                    var same = true
                    for k in 0..<length {
                        let a = window[(n - 1 - k) & 7], b = window[(n - 1 - length - k) & 7]
                        if a != b || !isHan(a) { same = false; break }
                    }
                    if same { doubledAt = (n, length); break }
                }
            }
        }
        if maybeConfused {
            for (wrong, right) in confusables where text.containsText(wrong) { return (wrong, right, "错别字") }
        }
        guard let (end, length) = doubledAt else { return nil }
        let scalars = Array(text.unicodeScalars)
        let word = String(String.UnicodeScalarView(scalars[(end - length)..<end]))
        if length >= 3 || doubled.contains(word) { return (word + word, word, "重复录入") }
        // An unlisted two-character repeat (聊城市城市): look on past it for a listed one.
        return slip(in: String(String.UnicodeScalarView(scalars[(end - 1)...])))
    }

    /// The words around `found` in `text` (`…人员，工贸资产资产等…`), for the clerk to find the place.
    static func excerpt(_ text: String, around found: String) -> String {
        guard text.count > 24, let range = text.range(of: found) else { return text }
        let start = text.index(range.lowerBound, offsetBy: -8, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 8, limitedBy: text.endIndex) ?? text.endIndex
        return (start == text.startIndex ? "" : "…") + text[start..<end] + (end == text.endIndex ? "" : "…")
    }

    func check(_ text: String?, _ field: String, at location: ModelLocation, cell: SourceCell?, into sink: inout FindingSink) {
        guard let text, let s = slip(in: text) else { return }
        sink.add("Q25", at: location, cell: cell, ["field": field, "found": s.found, "right": s.right, "kind": s.kind,
                                                   "excerpt": TypoRules.excerpt(text, around: s.found)])
    }

    /// The rows of department-wide tables (indicator sets, or strategic and performance records).
    func review(_ rows: [(indicator: String, explanation: String?, sources: [String: SourceCell]?)], into sink: inout FindingSink) {
        for (k, r) in rows.enumerated() {
            check(r.indicator, "指标", at: .field("rows[\(k)].indicator"), cell: r.sources?["indicator"], into: &sink)
            check(r.explanation, "指标解释", at: .field("rows[\(k)].explanation"), cell: r.sources?["explanation"], into: &sink)
        }
    }

    /// The rows of an indicator set (department indicator tables).
    func review(_ set: IndicatorSet, into sink: inout FindingSink) {
        for (k, r) in set.rows.enumerated() {
            let at = { (f: String) in ModelLocation.indicator(scope: set.scope, row: k, field: f) }
            check(r.name, "三级指标", at: at("name"), cell: r.sources?["name"], into: &sink)
            check(r.description, "绩效指标描述", at: at("description"), cell: r.sources?["description"], into: &sink)
            check(r.basis, "指标值确定依据", at: at("basis"), cell: r.sources?["basis"], into: &sink)
        }
    }

    func review(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        func check(_ text: String?, _ field: String, at location: ModelLocation, cell: SourceCell?) {
            self.check(text, field, at: location, cell: cell, into: &sink)
        }
        check(t.projectName, "项目名称", at: .field("projectName"), cell: t.sources?["projectName"])
        check(t.goals.annual, "年度目标", at: .field("goals.annual"), cell: t.sources?["goals.annual"])
        check(t.goals.midTerm, "中期目标", at: .field("goals.midTerm"), cell: t.sources?["goals.midTerm"])
        check(t.fundUse, "资金用途", at: .field("fundUse"), cell: t.sources?["fundUse"])
        for set in t.indicatorSets { review(set, into: &sink) }
    }
}
