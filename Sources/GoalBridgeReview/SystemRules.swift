import Foundation
import GoalBridgeModel

/// The checks the 预算管理一体化 system runs when a goal table is submitted (rules S1–S7 in review-rules.json): a
/// table that fails them is sent back by the system, so a review says so first.
///
/// - S1 一级、二级、三级指标 all present;
/// - S2 a quantity without a 计算符号 (≥ ＞ ＝ ＜ ≤), which the system asks for (a hint);
/// - S3 with a 计算符号, the value is a number with its unit;
/// - S4 a value that is a placeholder (`*`, `-`, `无`, `null` …), not content;
/// - S5 三级指标 names unique within a set;
/// - S6 where weights are given, they total 100;
/// - S7 names, values and texts within the system's lengths.
struct SystemRules {
    let configuration: ReviewConfiguration
    let inputs: RuleInputs

    func review(_ set: IndicatorSet, into sink: inout FindingSink) {
        let setName = set.scope == .annual ? "年度" : "中期"
        let placeholders = Set(configuration.words("placeholderValues"))
        let t = configuration.thresholds
        var byName: [String: [Int]] = [:]
        var weights: [Decimal] = []
        var anyWeight = false
        for (k, r) in set.rows.enumerated() {
            let at = { (field: String) in ModelLocation.indicator(scope: set.scope, row: k, field: field) }
            let cell = r.sources?["value"] ?? r.sources?["name"]
            let name = r.name.isEmpty ? r.level2Raw : r.name
            // S1
            let missing = [(r.level1Raw, "一级指标"), (r.level2Raw, "二级指标"), (r.name, "三级指标")].filter { $0.0.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.1)
            if !missing.isEmpty && !(r.value.raw.isEmpty && r.name.isEmpty) {
                sink.add("S1", at: at(missing.contains("三级指标") ? "name" : "level2"), cell: r.sources?["name"] ?? cell, ["missing": missing.joined(separator: "、")])
            }
            let v = r.value
            let raw = v.raw.trimmingCharacters(in: .whitespaces)
            if !raw.isEmpty {
                if placeholders.contains(raw) {
                    sink.add("S4", at: at("value"), cell: cell, ["name": name, "value": raw])          // S4
                } else if let comparator = v.comparator {
                    if v.number == nil || (v.unit ?? "").isEmpty {
                        sink.add("S3", at: at("value"), cell: cell, ["name": name, "symbol": comparator.symbol, "value": raw])   // S3
                    }
                } else if v.kind == .quantitative, v.number != nil {
                    sink.add("S2", at: at("value"), cell: cell, ["name": name, "value": raw])          // S2
                }
            }
            // S7
            for (field, text, limit) in [("三级指标", r.name, t.systemNameMaxLength), ("指标值", v.raw, t.systemValueMaxLength),
                                         ("绩效指标描述", r.description ?? "", t.systemTextMaxLength), ("指标值确定依据", r.basis ?? "", t.systemTextMaxLength)] {
                guard let limit, text.count > limit else { continue }
                sink.add("S7", at: at(field == "三级指标" ? "name" : field == "指标值" ? "value" : field == "绩效指标描述" ? "description" : "basis"),
                         cell: cell, ["field": field, "text": String(text.prefix(20)) + "…", "length": "\(text.count)", "limit": "\(limit)"])
            }
            if !r.name.isEmpty { byName[TextNormalizer.labelKey(r.name), default: []].append(k) }
            if let w = r.weight?.trimmingCharacters(in: .whitespaces), !w.isEmpty {
                anyWeight = true
                if let n = Decimal(string: w.replacingOccurrences(of: "%", with: "")) { weights.append(n) }
            }
        }
        // S5: a name given twice with different values (the same value twice is Q18's).
        for (_, rows) in byName.sorted(by: { $0.value[0] < $1.value[0] }) where rows.count > 1 {
            let values = rows.map { set.rows[$0].value.raw }
            guard Set(values).count > 1, let first = rows.first else { continue }
            sink.add("S5", at: .indicator(scope: set.scope, row: rows[1], field: "name"), cell: set.rows[rows[1]].sources?["name"],
                     ["name": set.rows[first].name, "set": setName, "count": "\(rows.count)", "values": values.map { "“\($0)”" }.joined(separator: "、")])
        }
        // S6
        if anyWeight {
            let total = weights.reduce(0, +)
            if total != 100 {
                sink.add("S6", at: .table, ["set": setName, "total": "\(total)"], figures: ["权重合计": "\(total)"])
            }
        }
    }
}
