import Foundation
import GoalBridgeModel

/// Rules over one indicator row: measurability, direction, units, dates, placement, residue.
struct RowRules {
    let configuration: ReviewConfiguration
    let vocabulary: Vocabulary
    let fiscalYear: Int?
    let budget: Decimal?
    let inputs: RuleInputs
    var words: WordLists { inputs.words }

    init(configuration: ReviewConfiguration, vocabulary: Vocabulary, inputs: RuleInputs, fiscalYear: Int?, budget: Decimal?) {
        self.configuration = configuration
        self.vocabulary = vocabulary
        self.inputs = inputs
        self.fiscalYear = fiscalYear
        self.budget = budget
    }

    func contains(_ text: String, _ list: [String]) -> Bool { list.contains { text.containsText($0) } }

    func isSatisfaction(_ r: IndicatorRow) -> Bool {
        r.level1?.sameText("满意度指标") == true || r.level2?.sameText("服务对象满意度指标") == true || contains(r.name, words.satisfaction)
    }

    /// True when one of the patterns matches the whole text.
    static func matchesWhole(_ text: String, _ patterns: [NSRegularExpression]) -> Bool {
        guard !patterns.isEmpty, text.utf8.count <= 120 else { return false }
        let range = NSRange(location: 0, length: (text as NSString).length)
        return patterns.contains { $0.firstMatch(in: text, options: [.anchored], range: range)?.range == range }
    }

    /// Number-with-unit figures in a text: `10公里`, `12 个`.
    // Compiled once: compiling it for every row cost more than matching it.
    static let figurePattern = try? NSRegularExpression(
        pattern: #"([0-9]+(?:\.[0-9]+)?)\s*(万元|元|公里|平方米|万亩|亩|个|人次|人|户|村|台|套|所|座|处|次|项|件|辆|名)"#)

    /// - Parameter skippingPerUnit: words that, within six characters before a figure or as `/` right after it, make it
    ///   a figure per person, unit or period (`每人153元`, `20 元/月`), left out.
    static func figures(_ text: String, skippingPerUnit perUnit: [String] = []) -> [(Decimal, String)] {
        // No digit, no figure: most names and descriptions are skipped without running the pattern.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let regex = figurePattern else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            if !perUnit.isEmpty {
                let start = max(0, m.range.location - 6)
                let before = ns.substring(with: NSRange(location: start, length: m.range.location - start))
                let after = ns.substring(from: m.range.location + m.range.length)
                if perUnit.contains(where: { before.containsText($0) }) || after.hasPrefix("/") || after.hasPrefix("每") { return nil }
            }
            guard let n = Decimal(string: ns.substring(with: m.range(at: 1))) else { return nil }
            return (n, ns.substring(with: m.range(at: 2)))
        }
    }

    /// The first pair of figures with the same unit and different numbers in name and description.
    static func figureClash(_ name: String, _ description: String) -> (String, String)? {
        let a = figures(name), b = figures(description)
        for (n, u) in a {
            let same = b.filter { $0.1 == u }
            if !same.isEmpty && !same.contains(where: { $0.0 == n }) { return ("\(n)\(u)", "\(same[0].0)\(same[0].1)") }
        }
        return nil
    }

    /// `应发放人数/实际发放人数`, `计划培训人数占实际培训人数比率`: planned over actual, where a completion rate is actual
    /// over planned. The ratio is written with a slash or in words (X占Y的比率/比例/比重).
    func invertedRatio(_ text: String) -> String? {
        let numerator: String, denominator: String
        // Bytes first: walking the Characters of every name and description to find no slash was most of the rule.
        if text.utf8.contains(0x2F) || text.containsText("÷"), let slash = text.firstIndex(where: { $0 == "/" || $0 == "÷" }) {
            numerator = String(text[..<slash].suffix(12))
            denominator = String(text[text.index(after: slash)...].prefix(12))
        } else if text.containsText("占"), let share = text.firstIndex(of: "占"), let ratio = text[share...].firstIndex(of: "比"),
                  ["率", "例", "重"].contains(text[text.index(after: ratio)...].first.map(String.init) ?? "") {
            numerator = String(text[..<share].suffix(12))
            denominator = String(text[text.index(after: share)..<ratio].prefix(12))
        } else {
            return nil
        }
        let planned = words.planned, actual = words.actual
        let numeratorPlanned = contains(numerator, planned) && !contains(numerator, actual)
        let denominatorActual = contains(denominator, actual) && !contains(denominator, planned)
        return numeratorPlanned && denominatorActual ? numerator + "/" + denominator : nil
    }

    /// True when a text is a target by itself: a comparator and a number (`≥95%`, `≤110 万元`, `不少于3次`) or a
    /// percentage. Only texts that start as a target can (a comparator sign, a digit, a full-width form, a comparator
    /// word): names are not parsed as values one by one.
    static func isTarget(_ text: String) -> Bool {
        guard let lead = text.utf8.first,
              lead == UInt8(ascii: ">") || lead == UInt8(ascii: "<") || lead == UInt8(ascii: "=") || (0x30...0x39).contains(lead)
                || lead == 0xE2 || lead == 0xEF || text.utf8.starts(with: "不".utf8) || text.utf8.starts(with: "大于".utf8)
                || text.utf8.starts(with: "小于".utf8) else { return false }
        let v = IndicatorValue(raw: text)
        guard v.number != nil, [.quantitative, .range, .duration].contains(v.kind) else { return false }
        return v.comparator != nil || v.unit == "%"
    }

    /// True when a row's name and value look typed in each other's cells: the name is a target, the value words.
    static func isSwapped(_ r: IndicatorRow) -> Bool { r.value.kind == .qualitative && isTarget(r.name) }

    /// Units of counted things: a value in one of them is a quantity.
    static let countUnits: Set<String> = ["个", "人", "人次", "次", "件", "项", "户", "家", "所", "座", "台", "辆", "名", "村", "套", "处"]

    func review(_ r: IndicatorRow, scope: IndicatorScope, index k: Int, into sink: inout FindingSink) {
        let v = r.value
        let at = { (field: String) in ModelLocation.indicator(scope: scope, row: k, field: field) }
        let valueCell = r.sources?["value"]
        let name = r.name.isEmpty ? r.level2Raw : r.name
        guard !v.raw.isEmpty else { return }

        // Q33: name and value swapped (`≥95%` as the name, `群众满意度` as the value). The other rules would take the
        // words for the target (Q1: “目标值“群众满意度”不合理”); the row is left to this one.
        if Self.isSwapped(r) {
            sink.add("Q33", at: at("name"), cell: r.sources?["name"] ?? valueCell, ["name": r.name, "value": v.raw])
            return
        }

        // Q1: satisfaction targets are percentages of at least ~60 %.
        if isSatisfaction(r) {
            let minimum = inputs.satisfactionMinimum
            let isPercent = v.unit == "%"
            if (isPercent && (v.number ?? 100) < minimum) || v.kind == .qualitative || v.kind == .boolean {
                sink.add("Q1", at: at("value"), cell: valueCell, ["name": name, "value": v.raw, "minimum": "\(minimum)"],
                         figures: ["指标值": v.raw, "下限": "\(minimum)%"])
            }
        }
        // Q3: a cost indicator that is not a cost.
        let isCost = r.level1?.sameText("成本指标") == true || r.level2?.sameText("成本指标") == true || r.level2?.sameText("经济成本指标") == true
        if isCost {
            var reason: String?
            if let word = words.notCost.first(where: { r.name.containsText($0) }) { reason = "“\(word)”是完成情况，不是成本" }
            else if v.unit == "%" { reason = "以百分比表示，不是金额" }
            else if words.notCostValues.contains(where: { v.raw.containsText($0) }) { reason = "只写了“\(v.raw)”，没有金额" }
            if let reason { sink.add("Q3", at: at("name"), cell: r.sources?["name"], ["name": name, "value": v.raw, "reason": reason]) }
        }
        // Q8, Q9: restated names.
        let description = r.description ?? ""
        if !description.isEmpty && !r.name.isEmpty && TextNormalizer.labelKey(description) == TextNormalizer.labelKey(r.name) {
            sink.add("Q8", at: at("description"), cell: r.sources?["description"], ["name": name])
        }
        if v.kind != .quantitative && v.kind != .date {
            let key = TextNormalizer.labelKey(v.raw)
            if !r.name.isEmpty && key == TextNormalizer.labelKey(r.name) {
                sink.add("Q9", at: at("value"), cell: valueCell, ["name": name, "what": "指标名称"])
            } else if !description.isEmpty && key == TextNormalizer.labelKey(description) {
                sink.add("Q9", at: at("value"), cell: valueCell, ["name": name, "what": "指标描述"])
            } else if v.kind == .qualitative, words.vague.contains(TextNormalizer.labelKey(v.raw)) {
                // Q10: a vague word alone where a number is possible.
                sink.add("Q10", at: at("value"), cell: valueCell, ["what": "指标“\(name)”的目标值“\(v.raw)”只是定性描述，难以衡量。"])
            } else if v.kind == .qualitative, Self.matchesWhole(key, words.vagueComparatives) {
                sink.add("Q10", at: at("value"), cell: valueCell, ["what": "指标“\(name)”的目标值“\(v.raw)”只说变好，没有基数和幅度，难以衡量。"])
            } else if v.kind == .qualitative, !isCost, Self.matchesWhole(key, words.restatedObligations) {
                // (Under cost, `按照规定标准控制` is Q3's: no amount.)
                sink.add("Q10", at: at("value"), cell: valueCell, ["what": "指标“\(name)”的目标值“\(v.raw)”只是重申按计划或规定办，没有可检验的标准（完成时限、数量或标准值）。"])
            }
        }
        // Q11: direction.
        let rateLike = contains(r.name, words.rates) && v.unit == "%"
        if rateLike && (v.comparator == .le || v.comparator == .lt) {
            sink.add("Q11", at: at("value"), cell: valueCell,
                     ["name": name, "value": v.raw, "reason": "完成率、合格率类指标应为“≥”", "suggestion": "如“≥95%”或“=100%”。"])
        } else if contains(r.name, words.usefulLife) && (v.comparator == .le || v.comparator == .lt) {
            sink.add("Q11", at: at("value"), cell: valueCell,
                     ["name": name, "value": v.raw, "reason": "使用年限应为“≥”", "suggestion": "如“≥5年”。"])
        } else if isCost, moneyInWan(v) != nil, v.comparator == .ge || v.comparator == .gt, !contains(r.name + description, words.minimumStandard) {
            sink.add("Q11", at: at("value"), cell: valueCell,
                     ["name": name, "value": v.raw, "reason": "成本应控制在上限以内，一般为“≤”", "suggestion": "如“≤50万元”；最低投资标准除外。"])
        }
        // Q12: units that do not fit.
        if let unit = v.unit {
            if r.level2?.sameText("数量指标") == true && words.countWrongUnits.contains(unit) && !r.name.containsText("率") && !r.name.containsText("比例") {
                sink.add("Q12", at: at("value"), cell: valueCell, ["name": name, "unit": unit, "reason": "数量指标应为计数单位"])
            } else if contains(r.name, words.personNames) && !r.name.containsText("人次") && !r.name.containsText("率") && !r.name.containsText("比例")
                        && words.personWrongUnits.contains(unit) {
                sink.add("Q12", at: at("value"), cell: valueCell, ["name": name, "unit": unit, "reason": "人数应以“人”计"])
            }
        }
        // Q13: a bare number.
        if (v.kind == .quantitative || v.kind == .range) && v.flags.contains("missingUnit") && v.number != 0 {
            sink.add("Q13", at: at("value"), cell: valueCell, ["name": name, "value": v.raw])
        }
        // Q14: name and description state different figures for the same unit.
        if !description.isEmpty, let clash = RowRules.figureClash(r.name, description) {
            sink.add("Q14", at: at("description"), cell: r.sources?["description"], ["name": name, "a": clash.0, "b": clash.1],
                     figures: ["名称": clash.0, "描述": clash.1])
        }
        // Q20: a rate defined as planned / actual, in the description or in the name itself.
        if let formula = invertedRatio(description) {
            sink.add("Q20", at: at("description"), cell: r.sources?["description"], ["name": name, "formula": formula])
        } else if let formula = invertedRatio(r.name) {
            sink.add("Q20", at: at("name"), cell: r.sources?["name"], ["name": name, "formula": formula])
        }
        // Q16: a deadline before the budget year.
        if v.kind == .date, let year = v.date?.year, let fiscal = fiscalYear, year < fiscal {
            sink.add("Q16", at: at("value"), cell: valueCell, ["name": name, "value": v.raw, "year": "\(fiscal)"])
        }
        // Q27: an amount of money filed as a quantity (it is a cost), a count filed as quality (it is a quantity).
        // A money flow that is the project's output (贷款发放量) is a quantity; a count of zero under 质量 (`≤0次`
        // overdue payments) is a quality target.
        if r.level2?.sameText("数量指标") == true, moneyInWan(v) != nil, !contains(r.name, words.moneyOutputNames) {
            sink.add("Q27", at: at("level2"), cell: r.sources?["level2"] ?? valueCell,
                     ["name": name, "value": v.raw, "what": "金额", "level2": r.level2Raw, "should": "成本指标（经济成本指标）"])
        } else if r.level2?.sameText("质量指标") == true, v.kind == .quantitative, let unit = v.unit, RowRules.countUnits.contains(unit), (v.number ?? 0) > 0 {
            sink.add("Q27", at: at("level2"), cell: r.sources?["level2"] ?? valueCell,
                     ["name": name, "value": v.raw, "what": "数量（\(unit)）", "level2": r.level2Raw, "should": "数量指标"])
        }
        // Q19: a satisfaction indicator outside the satisfaction block.
        if contains(r.name, words.satisfaction), let l1 = r.level1, l1 != "满意度指标", !(l1 == "部门效果" && r.level2 == "服务对象满意度指标") {
            sink.add("Q19", at: at("level1"), cell: r.sources?["level1"] ?? r.sources?["name"], ["name": name, "level1": r.level1Raw, "level2": r.level2Raw])
        }
        // Q32: several values on lines of one cell (two indicators put in one row, or targets by stage): no number is
        // taken from the value (IndicatorValue's severalValues), so the other rules on numbers do not run on it.
        if v.flags.contains("severalValues") {
            let lines = (v.text ?? v.raw).components(separatedBy: "；")
            let names = r.name.split(whereSeparator: \.isNewline).map { TextNormalizer.trimmed(String($0)) }.filter { !$0.isEmpty }
            sink.add("Q32", at: at("value"), cell: valueCell,
                     ["name": names.count > 1 ? names.joined(separator: "、") : name, "count": String(lines.count), "values": lines.map { "“\($0)”" }.joined(),
                      "what": names.count == lines.count ? "指标名称也分了 \(names.count) 行，可能是 \(names.count) 个指标填在了同一行" : "系统无法判断哪一个是目标值"])
        }
        // Q23: residue of conversions. Full-width signs and spaces (`≥95％`) are how a Chinese input method types, not
        // residue: the value is read all the same (sampled on the seeds, they were false alarms).
        if v.flags.contains("latex") || v.flags.contains("html") {
            sink.add("Q23", at: at("value"), cell: valueCell, ["text": v.raw, "what": v.flags.contains("latex") ? "LaTeX 公式标记" : "HTML 标签"])
        }
    }
}
