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
    nonisolated(unsafe) static let pattern = try? NSRegularExpression(
        pattern: #"(?<![0-9.])(20[0-9]{2})\s*(?:年\s*)?(?:(?:[-—－~～至到])\s*(20[0-9]{2})\s*)?年"#)
    /// A year's plan named as a basis: `2021年工作计划`, `2021年度重点工作安排`.
    nonisolated(unsafe) static let planPattern = try? NSRegularExpression(
        pattern: #"(?<![0-9.])(20[0-9]{2})\s*年度?(?:重点)?(?:工作)?(?:计划|要点|部署|任务|安排)"#)

    func review(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        guard let year = t.fiscalYear, !rewardsPastResults([t.projectName, t.fundUse, t.goals.annual]) else { return }
        check(t.goals.annual, "年度目标", year, at: .field("goals.annual"), cell: t.sources?["goals.annual"], into: &sink)
        if let set = t.indicators(.annual) { review(set, year, into: &sink) }
    }

    func review(_ t: DepartmentIndicatorTable, into sink: inout FindingSink) {
        guard let year = t.fiscalYear else { return }
        check(t.overallGoal, "年度总体目标", year, at: .field("overallGoal"), cell: t.sources?["overallGoal"], into: &sink)
        review(t.indicators, year, into: &sink)
    }

    func review(_ t: DepartmentPerformanceTable, into sink: inout FindingSink) {
        guard let year = t.fiscalYear else { return }
        for (k, r) in t.rows.enumerated() {
            check(r.indicator, "指标", year, at: .field("rows[\(k)].indicator"), cell: r.sources?["indicator"], into: &sink)
            check(r.explanation, "指标解释", year, at: .field("rows[\(k)].explanation"), cell: r.sources?["explanation"], into: &sink)
            checkPlan(r.reference.currentStandardSource, "当年标准值依据", year, at: .field("rows[\(k)].reference.currentStandardSource"),
                      cell: r.sources?["reference.currentStandardSource"], into: &sink)
        }
    }

    private func review(_ set: IndicatorSet, _ year: Int, into sink: inout FindingSink) {
        for (k, r) in set.rows.enumerated() {
            func at(_ field: String) -> ModelLocation { .indicator(scope: set.scope, row: k, field: field) }
            // A description that repeats the name would only say the same twice.
            check(r.name, "三级指标", year, at: at("name"), cell: r.sources?["name"], into: &sink)
            if r.value.kind != .date { check(r.value.raw, "指标值", year, at: at("value"), cell: r.sources?["value"], into: &sink) }
            if r.description != r.name { check(r.description, "绩效指标描述", year, at: at("description"), cell: r.sources?["description"], into: &sink) }
            checkPlan(r.basis, "指标值确定依据", year, at: at("basis"), cell: r.sources?["basis"], into: &sink)
        }
    }

    func rewardsPastResults(_ texts: [String?]) -> Bool {
        texts.contains { text in text.map { t in rewards.contains { t.containsText($0) } } ?? false }
    }

    /// The first year before `year` in `text` that nothing around it explains.
    func staleYear(in text: String, before year: Int) -> Int? {
        guard text.utf8.count >= 5, text.containsText("20"), let regex = Self.pattern, !rewardsPastResults([text]) else { return nil }
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
            return last
        }
        return nil
    }

    private func check(_ text: String?, _ field: String, _ year: Int, at location: ModelLocation, cell: SourceCell?, into sink: inout FindingSink) {
        guard let text, let found = staleYear(in: text, before: year) else { return }
        sink.add("Q30", at: location, cell: cell, ["field": field, "found": "\(found)", "year": "\(year)", "text": String(text.prefix(40))],
                 figures: ["本表年度": "\(year)", field: text])
    }

    /// A basis names a plan of an earlier year: last year's plan cannot set this year's target.
    private func checkPlan(_ text: String?, _ field: String, _ year: Int, at location: ModelLocation, cell: SourceCell?, into sink: inout FindingSink) {
        guard let text, text.containsText("20"), let regex = Self.planPattern else { return }
        let ns = text as NSString
        guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              let found = Int(ns.substring(with: m.range(at: 1))), found < year else { return }
        sink.add("Q30", at: location, cell: cell, ["field": field, "found": "\(found)", "year": "\(year)", "text": String(text.prefix(40))],
                 figures: ["本表年度": "\(year)", field: text])
    }
}
