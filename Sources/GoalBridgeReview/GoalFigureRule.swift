import Foundation
import GoalBridgeModel

/// Q28: a goal whose figures the indicators contradict. The annual goal states a figure (`沿线用户满意率 95%以上`,
/// `管网 15826 米`); the indicator that names the same thing (the longest run of characters the clause before the
/// figure shares with an indicator's name, two or more, not a word every goal uses) states another number with the
/// same unit (`≥90%`). One of the two is wrong, and the department knows which: a hint, located on the indicator's
/// value, quoting the goal's clause.
///
/// Silent when the numbers agree, when the unit differs, when no indicator names the same thing, and when two
/// indicators name it equally well with different numbers (the clause does not say which).
struct GoalFigureRule {
    let configuration: ReviewConfiguration

    /// A figure and its unit in a goal, with the clause before it (back to the last comma or full stop).
    static let pattern = try? NSRegularExpression(
        pattern: #"([0-9]+(?:\.[0-9]+)?)\s*(%|％|万元|公里|千米|平方米|米|万亩|亩|个|人次|人|户|村|台|套|所|座|处|次|项|件|辆|名|年|天|小时|册|场|期)"#)

    func review(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        guard let goal = t.goals.annual, goal.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let regex = Self.pattern,
              let set = t.indicators(.annual) else { return }
        let stopwords = Set(configuration.words("goalFigureStopwords"))
        let ns = goal as NSString
        var reported = Set<Int>()
        for m in regex.matches(in: goal, range: NSRange(location: 0, length: ns.length)) {
            guard let number = Decimal(string: ns.substring(with: m.range(at: 1))) else { continue }
            let unit = Self.unit(ns.substring(with: m.range(at: 2)))
            let (before, after) = Self.clause(around: m.range, in: ns)
            let clause = before + after
            // The indicators with this unit and a number, by how much of the clause their name shares.
            var best: (length: Int, rows: [Int]) = (0, [])
            for (k, r) in set.rows.enumerated() {
                guard r.value.number != nil, let u = r.value.unit, Self.unit(u) == unit else { continue }
                guard let common = clause.longestCommonRun(with: r.name), common.count >= 2, !stopwords.contains(common) else { continue }
                if common.count > best.length { best = (common.count, [k]) } else if common.count == best.length { best.rows.append(k) }
            }
            guard !best.rows.isEmpty else { continue }
            let numbers = Set(best.rows.compactMap { set.rows[$0].value.number })
            guard numbers.count == 1, let stated = numbers.first, stated != number, let k = best.rows.first, !reported.contains(k) else { continue }
            reported.insert(k)
            let row = set.rows[k]
            let figure = ns.substring(with: m.range)
            sink.add("Q28", at: .indicator(scope: .annual, row: k, field: "value"), cell: row.sources?["value"],
                     ["name": row.name, "value": row.value.raw, "clause": before + figure + after, "figure": figure],
                     figures: ["目标中": figure, "指标值": row.value.raw])
        }
    }

    /// `％` is `%`.
    static func unit(_ u: String) -> String { u == "％" ? "%" : u }

    /// The clause around a figure: the text before it back to the last break and after it to the next, at most twelve
    /// characters each way, without spaces (`通过实施` | `15826 米` | `供水管网新建及改造项目`).
    static func clause(around range: NSRange, in text: NSString) -> (before: String, after: String) {
        let breaks: Set<Character> = ["，", "。", "；", ";", ",", "、", "：", ":", "\n"]
        let head = text.substring(to: range.location)
        let tail = text.substring(from: range.location + range.length)
        let before = head.split(omittingEmptySubsequences: false, whereSeparator: { breaks.contains($0) }).last.map(String.init) ?? head
        let after = tail.split(omittingEmptySubsequences: false, whereSeparator: { breaks.contains($0) }).first.map(String.init) ?? tail
        return (String(before.filter { !$0.isWhitespace }.suffix(12)), String(after.filter { !$0.isWhitespace }.prefix(12)))
    }
}
