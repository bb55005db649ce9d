import Foundation
import GoalBridgeModel

/// Q30: a year before the table's own in a cell that states this year's target — an indicator's name, value or
/// description, the annual goal, a basis naming a year's plan (`考察2021年公积金业务办理综合离柜率` and `2021年工作计划`
/// in a 2022 table whose other rows say 2022). Text carried over from last year's table is the commonest way this
/// happens; the department knows whether the year is meant, so the finding is a hint.
///
/// A past year is not stale where the text says why it is there, and those readings are data
/// (`review-rules.json` → words):
/// - a baseline or a history (`较2021年增长`, `结合2021年度…情况`, `2021年11月启动`, `2021年以来`):
///   `staleYearWordsBefore` within four characters before the year, `staleYearWordsAfter` within ten after it;
/// - a document's title (`《…实施方案（2019-2022年）》`, `（2018年修订）`), and a range reaching the table's year;
/// - a reward for last year's results (`奖励2021年国家级工业设计中心个数`; `stalePastRewardWords`), in the text itself
///   or in the table's name, use or goal, where every indicator counts what happened the year before;
/// - a cut-off date (`为2015年1月1日前达到60周岁的乡医`), which says who is eligible, not when the work is due.
/// A deadline in a value (`2021年底前`) is Q16's; a project's registered name is not the department's to change.
struct StaleYearRule {
    let before: [String]
    let after: [String]
    let rewards: [String]

    init(_ configuration: ReviewConfiguration) {
        before = configuration.words("staleYearWordsBefore")
        after = configuration.words("staleYearWordsAfter")
        rewards = configuration.words("stalePastRewardWords")
    }

    /// A year or a range of years followed by 年: `2021年`, `2021 年度`, `2019-2022年`, `2019年至2022年`.
    static let pattern = try? NSRegularExpression(
        pattern: #"(?<![0-9.])(20[0-9]{2})\s*(?:年\s*)?(?:(?:[-—－~～至到])\s*(20[0-9]{2})\s*)?年"#)
    /// A year's plan named as a basis: `2021年工作计划`, `2021年度重点工作安排`.
    static let planPattern = try? NSRegularExpression(
        pattern: #"(?<![0-9.])(20[0-9]{2})\s*年度?(?:重点)?(?:工作)?(?:计划|要点|部署|任务|安排)"#)

    /// A past year found in a text, and where the text is.
    struct Sighting {
        var text: String
        var year: Int
        var field: String
        var location: ModelLocation
        var cell: SourceCell?
    }

    func review(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        guard let year = t.fiscalYear else { return }
        var found: [Sighting] = []
        if let goal = t.goals.annual, let y = staleYear(in: goal, before: year) {
            found.append(Sighting(text: goal, year: y, field: "年度目标", location: .field("goals.annual"), cell: t.sources?["goals.annual"]))
        }
        if let set = t.indicators(.annual) { collect(set, year, into: &found) }
        // Asked only once something is found: most tables name no past year.
        guard !found.isEmpty, !rewardsPastResults([t.projectName, t.fundUse, t.goals.annual]) else { return }
        report(found, year, into: &sink)
    }

    func review(_ t: DepartmentIndicatorTable, into sink: inout FindingSink) {
        guard let year = t.fiscalYear else { return }
        var found: [Sighting] = []
        if let goal = t.overallGoal, let y = staleYear(in: goal, before: year) {
            found.append(Sighting(text: goal, year: y, field: "年度总体目标", location: .field("overallGoal"), cell: t.sources?["overallGoal"]))
        }
        collect(t.indicators, year, into: &found)
        report(found, year, into: &sink)
    }

    func review(_ t: DepartmentPerformanceTable, into sink: inout FindingSink) {
        guard let year = t.fiscalYear else { return }
        var found: [Sighting] = []
        for (k, r) in t.rows.enumerated() {
            if let y = staleYear(in: r.indicator, before: year) {
                found.append(Sighting(text: r.indicator, year: y, field: "指标", location: .field("rows[\(k)].indicator"), cell: r.sources?["indicator"]))
            }
            if let text = r.explanation, let y = staleYear(in: text, before: year) {
                found.append(Sighting(text: text, year: y, field: "指标解释", location: .field("rows[\(k)].explanation"), cell: r.sources?["explanation"]))
            }
            if let text = r.reference.currentStandardSource, let y = plannedYear(in: text, before: year) {
                found.append(Sighting(text: text, year: y, field: "当年标准值依据", location: .field("rows[\(k)].reference.currentStandardSource"), cell: r.sources?["reference.currentStandardSource"]))
            }
        }
        report(found, year, into: &sink)
    }

    /// An indicator's name, value (a deadline is Q16's), description (unless it repeats the name) and basis.
    private func collect(_ set: IndicatorSet, _ year: Int, into found: inout [Sighting]) {
        // Through the buffer: iterating the rows would copy each one (a retain per field) only to read it.
        set.rows.withUnsafeBufferPointer { rows in for k in rows.indices {
            if let y = staleYear(in: rows[k].name, before: year) {
                found.append(Sighting(text: rows[k].name, year: y, field: "三级指标", location: .indicator(scope: set.scope, row: k, field: "name"), cell: rows[k].sources?["name"]))
            }
            if rows[k].value.kind != .date, let y = staleYear(in: rows[k].value.raw, before: year) {
                found.append(Sighting(text: rows[k].value.raw, year: y, field: "指标值", location: .indicator(scope: set.scope, row: k, field: "value"), cell: rows[k].sources?["value"]))
            }
            if let text = rows[k].description, text != rows[k].name, let y = staleYear(in: text, before: year) {
                found.append(Sighting(text: text, year: y, field: "绩效指标描述", location: .indicator(scope: set.scope, row: k, field: "description"), cell: rows[k].sources?["description"]))
            }
            if let text = rows[k].basis, let y = plannedYear(in: text, before: year) {
                found.append(Sighting(text: text, year: y, field: "指标值确定依据", location: .indicator(scope: set.scope, row: k, field: "basis"), cell: rows[k].sources?["basis"]))
            }
        } }
    }

    private func report(_ found: [Sighting], _ year: Int,
                        into sink: inout FindingSink) {
        for f in found {
            sink.add("Q30", at: f.location, cell: f.cell, ["field": f.field, "found": "\(f.year)", "year": "\(year)", "text": String(f.text.prefix(40))],
                     figures: ["本表年度": "\(year)", f.field: f.text])
        }
    }

    /// A look at the bytes before a pattern runs (matching is most of the rule's cost, and most texts name no
    /// year): `20` and two more digits, not after a digit or a point, and a 年 somewhere after them.
    static func mayHoldYear(_ text: String) -> Bool {
        let nian: (UInt8, UInt8, UInt8) = (0xE5, 0xB9, 0xB4)  // 年 in UTF-8
        return text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard b.count >= 7 else { return false }
            var i = 0
            while i + 3 < b.count {
                if b[i] == 0x32, b[i + 1] == 0x30, (0x30...0x39).contains(b[i + 2]), (0x30...0x39).contains(b[i + 3]),
                   i == 0 || !((0x30...0x39).contains(b[i - 1]) || b[i - 1] == 0x2E) {
                    var j = i + 4
                    while j + 2 < b.count {
                        if b[j] == nian.0, b[j + 1] == nian.1, b[j + 2] == nian.2 { return true }
                        j += 1
                    }
                    return false
                }
                i += 1
            }
            return false
        } ?? true
    }

    func rewardsPastResults(_ texts: [String?]) -> Bool {
        texts.contains { text in text.map { t in rewards.contains { t.containsText($0) } } ?? false }
    }

    /// The first year before `year` in `text` that nothing around it explains.
    func staleYear(in text: String, before year: Int) -> Int? {
        guard Self.mayHoldYear(text), let regex = Self.pattern else { return nil }
        let ns = text as NSString
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            guard let first = Int(ns.substring(with: m.range(at: 1))) else { continue }
            let last = m.range(at: 2).location == NSNotFound ? first : Int(ns.substring(with: m.range(at: 2))) ?? first
            guard last < year else { continue }
            let head = ns.substring(to: m.range.location)
            // Inside a document's title.
            if head.filter({ $0 == "《" }).count > head.filter({ $0 == "》" }).count { continue }
            let lead = String(head.suffix(4)), tail = String(ns.substring(from: m.range.location + m.range.length).prefix(10))
            if before.contains(where: { lead.containsText($0) }) || after.contains(where: { tail.containsText($0) }) { continue }
            return rewardsPastResults([text]) ? nil : last
        }
        return nil
    }

    /// The year of a plan named as a basis (`2021年工作计划`) when it is before `year`: last year's plan cannot set this
    /// year's target.
    func plannedYear(in text: String, before year: Int) -> Int? {
        guard Self.mayHoldYear(text), let regex = Self.planPattern else { return nil }
        let ns = text as NSString
        guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              let found = Int(ns.substring(with: m.range(at: 1))), found < year else { return nil }
        return found
    }
}
