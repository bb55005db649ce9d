import Foundation
import GoalBridgeModel

/// Rules over one project table: completeness, funds, spending plan, cost against budget, the two sets.
struct TableRules {
    let configuration: ReviewConfiguration
    let vocabulary: Vocabulary
    let inputs: RuleInputs
    var tolerance: Decimal { inputs.tolerance }
    var unitCostTolerance: Decimal { inputs.unitCostTolerance }

    /// The fields the table's form has a place for (empty when its layout is not known).
    let formFields: Set<String>

    init(configuration: ReviewConfiguration, vocabulary: Vocabulary, inputs: RuleInputs, formFields: Set<String> = []) {
        self.configuration = configuration
        self.vocabulary = vocabulary
        self.inputs = inputs
        self.formFields = formFields
    }

    /// The annual budget in 万元: the funds total, or the amount in a funds sentence (`2022年财政拨款108万元`).
    func budget(_ t: ProjectGoalTable) -> Decimal? {
        let scale: Decimal = t.amountUnit == "元" ? 1 / 10_000 : 1
        if let total = t.annualFunds?.total?.value { return total * scale }
        if let text = t.annualFunds?.text,
           let m = text.range(of: #"([0-9]+(\.[0-9]+)?)\s*万元"#, options: .regularExpression) {
            return Decimal(string: String(text[m]).replacingOccurrences(of: "万元", with: "").trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    func review(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        let budget = budget(t)
        let rows = RowRules(configuration: configuration, vocabulary: vocabulary, inputs: inputs, fiscalYear: t.fiscalYear, budget: budget)
        for set in t.indicatorSets {
            // Through the buffer: `for row in set.rows` (and `set.rows[k]`) copy each row — a retain per field —
            // only to read it.
            set.rows.withUnsafeBufferPointer { buffer in
                for k in buffer.indices { rows.review(buffer[k], scope: set.scope, index: k, into: &sink) }
            }
            SwappedDescriptionRule().review(set, into: &sink)
        }
        completeness(t, into: &sink)
        funds(t, into: &sink)
        spendingPlan(t, into: &sink)
        if let annual = t.indicators(.annual) {
            cost(t, annual, budget: budget, into: &sink)
            unitCost(annual, budget: budget, into: &sink)
        }
        goalAmounts(t, budget: budget, into: &sink)
        GoalFigureRule(configuration: configuration).review(t, into: &sink)
        vagueShare(t, into: &sink)
        sets(t, into: &sink)
        residue(t, into: &sink)
        inputs.typos.review(t, into: &sink)
        inputs.staleYears.review(t, into: &sink)
        inputs.foreignBasis.review(t, into: &sink)
    }

    // Q5: required categories and fields.
    func completeness(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        // A table without a name field (永清 F2) names its project in the title.
        if (t.projectName ?? "").isEmpty && (t.title ?? "").isEmpty {
            sink.add("Q5", at: .field("projectName"), ["what": "未填写项目名称。", "suggestion": "请填写预算项目名称。"])
        }
        // Fields the form has a place for, left empty (DOMAIN.md 5.2: name, department, amounts, goal are required).
        func isBlank(_ s: String?) -> Bool { (s ?? "").unicodeScalars.allSatisfy(TextNormalizer.isSpace) }
        if formFields.contains("supervisingDepartment.name") && isBlank(t.supervisingDepartment?.name) {
            sink.add("Q5", at: .field("supervisingDepartment.name"), ["what": "未填写主管部门。", "suggestion": "请填写主管部门全称。"])
        }
        if formFields.contains("implementingUnit.name") && isBlank(t.implementingUnit?.name) {
            sink.add("Q5", at: .field("implementingUnit.name"), ["what": "未填写实施单位。", "suggestion": "请填写实施单位全称。"])
        }
        if formFields.contains("annualFunds.total") && isBlank(t.annualFunds?.total?.raw) {
            let parts = [("财政拨款", t.annualFunds?.fiscal), ("上年结转资金", t.annualFunds?.carryover), ("其他资金", t.annualFunds?.other)]
                .filter { !isBlank($0.1?.raw) }.map(\.0)
            sink.add("Q5", at: .field("annualFunds.total"),
                     ["what": parts.isEmpty ? "未填写项目资金（年度预算资金总额）。" : "未填写年度预算资金总额（\(parts.joined(separator: "、"))已填写）。",
                      "suggestion": parts.isEmpty ? "请填写年度预算资金总额及其来源。" : "请填写年度预算资金总额（各项来源之和）。"])
        }
        // (A form with no place for a goal — the 一体化 flat file — is not asked for one; a table of no known form is.)
        let formHasGoals = formFields.isEmpty || formFields.contains("goals.annual") || formFields.contains("goals.midTerm")
        if formHasGoals && (t.goals.annual ?? "").isEmpty && (t.goals.midTerm ?? "").isEmpty {
            sink.add("Q5", at: .field("goals.annual"), ["what": "未填写绩效目标。", "suggestion": "请概述项目当年要实现的产出和效果。"])
        }
        guard let annual = t.indicators(.annual) else {
            sink.add("Q5", at: .table, ["what": "没有绩效指标。", "suggestion": "请按一级、二级、三级填写绩效指标。"])
            return
        }
        // A table has a dozen rows: arrays searched in place cost less than hashing Chinese strings into sets.
        let level1s = annual.rows.compactMap(\.level1)
        let pairs = annual.rows.map { (level1: $0.level1 ?? "", level2: $0.level2 ?? "") }
        func hasPair(_ l1: String, _ l2: String) -> Bool { pairs.contains { $0.level1 == l1 && $0.level2 == l2 } }
        for required in ["产出指标", "效益指标", "满意度指标"] where !level1s.contains(required) {
            sink.add("Q5", at: .table, ["what": "缺少一级指标“\(required)”。", "suggestion": "请补充\(required)及其二级、三级指标。"])
        }
        for l2 in ["数量指标", "质量指标", "时效指标"] where level1s.contains("产出指标") && !hasPair("产出指标", l2) {
            sink.add("Q5", at: .table, ["what": "产出指标下缺少二级指标“\(l2)”。", "suggestion": "请补充\(l2)。"], severity: .warning)
        }
        let costYear = configuration.thresholds.costFromYear
        if let year = t.fiscalYear, year >= costYear {
            if !level1s.contains("成本指标") {
                sink.add("Q5", at: .table, ["what": "\(year) 年度的表缺少一级指标“成本指标”（\(costYear) 年起成本指标单独列为一级指标）。",
                                            "suggestion": "请将成本指标列为一级指标，细化经济成本指标。"])
            }
        } else if !level1s.contains("成本指标") && !hasPair("产出指标", "成本指标") {
            // Before the 2024 cost reform a table without cost indicators was common practice: worth a hint, not a return.
            sink.add("Q5", at: .table, ["what": "缺少成本指标。", "suggestion": "请在产出指标下补充成本指标（\(costYear) 年起为必填的一级指标）。"],
                     severity: .info, action: .advice)
        }
        // Rows without a value, without a name, without their levels. Through the buffer: a row bound by `for row
        // in set.rows` is copied, a retain per field, only to be looked at.
        for set in t.indicatorSets {
            var unplaced: [Int] = []
            set.rows.withUnsafeBufferPointer { rows in
                for k in rows.indices {
                    if rows[k].value.raw.isEmpty {
                        sink.add("Q5", at: .indicator(scope: set.scope, row: k, field: "value"), cell: rows[k].sources?["value"] ?? rows[k].sources?["name"],
                                 ["what": "指标“\(rows[k].name)”未填写指标值。", "suggestion": "请填写目标值。"])
                    } else if isBlank(rows[k].name) && rows[k].level2 != "服务对象满意度指标" {
                        // A value without a name: the target filled and not what it measures (or the name cleared).
                        // A satisfaction row is named by its level 2 (长清's form: 满意度指标 / 满意度 / — / ≥90%).
                        let group = [rows[k].level1Raw, rows[k].level2Raw].filter { !$0.isEmpty }.joined(separator: "/")
                        sink.add("Q5", at: .indicator(scope: set.scope, row: k, field: "name"), cell: rows[k].sources?["name"] ?? rows[k].sources?["value"],
                                 ["what": (group.isEmpty ? "有一行" : "“\(group)”下有一行") + "填写了指标值“\(rows[k].value.raw)”，但未填写三级指标名称。",
                                  "suggestion": "请填写三级指标名称（这一指标衡量什么）。"], severity: .warning)
                    }
                    if (isBlank(rows[k].level1Raw) || isBlank(rows[k].level2Raw)) && !(rows[k].name.isEmpty && rows[k].value.raw.isEmpty) {
                        unplaced.append(k)
                    }
                }
            }
            // Rows without their level 1 or level 2 (nothing above to fill them from): the other rules cannot place
            // them (a cost row without 成本指标 is “缺少成本指标”). One finding per set, naming the rows.
            if let first = unplaced.first {
                let r = set.rows[first]
                let missing = [(r.level1Raw, "一级指标"), (r.level2Raw, "二级指标")].filter { isBlank($0.0) }.map(\.1)
                let name = r.name.isEmpty ? r.value.raw : r.name
                let which = unplaced.count > 1 ? "“\(name)”等 \(unplaced.count) 个三级指标" : "三级指标“\(name)”"
                sink.add("Q5", at: .indicator(scope: set.scope, row: first, field: missing[0] == "一级指标" ? "level1" : "level2"),
                         cell: r.sources?["name"] ?? r.sources?["value"],
                         ["what": which + "未填写" + missing.joined(separator: "、") + "。",
                          "suggestion": "请为每个三级指标填写所属的一级指标和二级指标（如“成本指标”“经济成本指标”）。"], severity: .warning)
            }
        }
    }

    // Q6: total = the sum of the sources given (财政拨款, 上年结转, 财政专户管理资金, 单位资金, 其他).
    func funds(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        for (prefix, funds) in [("annualFunds", t.annualFunds), ("midTermFunds", t.midTermFunds)] {
            guard let f = funds, let total = f.total?.value else { continue }
            let parts = [f.fiscal, f.carryover, f.specialAccount, f.unitOwn, f.generalBudget, f.governmentFund, f.other].compactMap { $0?.value }
            guard !parts.isEmpty else { continue }
            let sum = parts.reduce(0, +)
            let diff = total - sum
            if abs(diff) > tolerance {
                sink.add("Q6", at: .field(prefix + ".total"), cell: t.sources?[prefix + ".total"],
                         ["total": format(total), "sum": format(sum), "difference": format(abs(diff))],
                         figures: ["资金总额": format(total), "分项合计": format(sum)])
            }
        }
    }

    // Q7: cumulative and reaching the end.
    func spendingPlan(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        guard let plan = t.spendingPlan else { return }
        let values = plan.points.compactMap { $0.value?.value }
        guard values.count >= 2 else { return }
        if zip(values, values.dropFirst()).contains(where: { $1 < $0 }) {
            sink.add("Q7", at: .field("spendingPlan"), ["problem": "不是累计数（后一时点小于前一时点：\(values.map(format).joined(separator: " → "))）"])
            return
        }
        let target: Decimal? = plan.kind == .percent ? 100 : t.annualFunds?.total?.value
        if let target, let last = values.last, abs(last - target) > tolerance {
            let unit = plan.kind == .percent ? "%" : "万元"
            sink.add("Q7", at: .field("spendingPlan"), ["problem": "最后一个时点为 \(format(last))\(unit)，未达到 \(format(target))\(unit)"],
                     figures: ["最后时点": format(last), "应达到": format(target)])
        }
    }

    func isCostRow(_ r: IndicatorRow) -> Bool {
        r.level1?.sameText("成本指标") == true || r.level2?.sameText("成本指标") == true || r.level2?.sameText("经济成本指标") == true
    }

    /// A unit per something (`万元/人`), looked for in bytes (Foundation's `contains` on a String was a tenth of the
    /// cost rules).
    static func hasSlash(_ unit: String?) -> Bool { unit?.utf8.contains(0x2F) ?? false }

    /// A cost stated per person, per unit or per period: a per-unit word in the name (`perUnitWords`) or a unit with `/`.
    func isPerUnit(_ r: IndicatorRow) -> Bool {
        Self.hasSlash(r.value.unit) || inputs.words.perUnit.contains { r.name.containsText($0) }
    }

    // Q2, Q2b, Q4: cost against budget; components against total.
    func cost(_ t: ProjectGoalTable, _ set: IndicatorSet, budget: Decimal?, into sink: inout FindingSink) {
        let costRows = set.rows.enumerated().filter { isCostRow($0.element) }
        // A bare number under cost is in the table's amount unit (新华: `区级财政投入 | 146.12`, 单位：万元).
        let scale: Decimal = t.amountUnit == "元" ? 1 / 10_000 : 1
        // A cost per person, per unit or per month (`人均救助标准 15000元`, `鉴定1人次的费用 ≤100元`) is never the project's.
        let money = costRows.filter { !isPerUnit($0.element) }.compactMap { (k, r) -> (Int, IndicatorRow, Decimal)? in
            if let m = moneyInWan(r.value) { return (k, r, m) }
            if r.value.kind == .quantitative, r.value.unit == nil, let n = r.value.number { return (k, r, n * scale) }
            return nil
        }
        guard !money.isEmpty else { return }
        let totalWords = inputs.words.totalCost
        // A line summing the rows above (`合计`, `小计`) restates them: never a component; a whole sum is the total
        // when no row names one.
        let sumLine = money.map { inputs.words.isSumLine($0.1.name) }
        var total = money.first { (_, r, _) in totalWords.contains { r.name.containsText($0) } }
            ?? money.first { (_, r, _) in inputs.words.isSumLine(r.name) && inputs.words.wholeSumLines.contains(TextNormalizer.labelKey(r.name)) }
        if total == nil && money.count == 1 && [nil, .le, .eq].contains(money[0].1.value.comparator) { total = money[0] }
        guard let (k, row, amount) = total else { return }
        if let budget, abs(amount - budget) > tolerance {
            sink.add("Q2", at: .indicator(scope: set.scope, row: k, field: "value"), cell: row.sources?["value"],
                     ["name": row.name, "cost": row.value.raw, "budget": format(budget) + "万元", "difference": format(abs(amount - budget)) + "万元",
                      "slip": unitSlip(amount, budget)],
                     figures: ["成本指标": row.value.raw, "年度资金总额": format(budget) + "万元"])
        }
        let components = money.indices.filter { !sumLine[$0] }.map { money[$0] }
            .filter { $0.0 != k && $0.1.value.unit == row.value.unit && $0.1.value.unit != nil }
        // A cost row with name and value swapped (Q33) has no figure here: the components would not add up.
        if components.count >= 2, !costRows.contains(where: { RowRules.isSwapped($0.element) }) {
            let sum = components.reduce(Decimal(0)) { $0 + $1.2 }
            if abs(sum - amount) > tolerance {
                sink.add("Q2b", at: .indicator(scope: set.scope, row: k, field: "value"), cell: row.sources?["value"],
                         ["sum": format(sum) + "万元", "total": format(amount) + "万元", "difference": format(abs(sum - amount)) + "万元"],
                         figures: ["分项合计": format(sum) + "万元", "总成本": row.value.raw])
            }
        }
        if costRows.count == 1, let budget, abs(amount - budget) <= tolerance {
            // From the 2024 cost reform a cost indicator must break the budget down; before it, the same is advice.
            if let year = t.fiscalYear, year >= configuration.thresholds.costFromYear {
                sink.add("Q4", at: .indicator(scope: set.scope, row: k, field: "name"), cell: row.sources?["name"])
            } else {
                sink.add("Q4", at: .indicator(scope: set.scope, row: k, field: "name"), cell: row.sources?["name"], severity: .info, action: .advice)
            }
        }
    }

    // Q2c: unit cost × quantity against the budget (`≤21.27万元/村` × `50村`).
    func unitCost(_ set: IndicatorSet, budget: Decimal?, into sink: inout FindingSink) {
        guard let budget, budget > 0 else { return }
        let denominators = inputs.words.unitDenominators
        let unitCosts = set.rows.filter { isCostRow($0) && Self.hasSlash($0.value.unit) }.count
        for k in set.rows.indices where isCostRow(set.rows[k]) {
            let row = set.rows[k]
            guard row.value.kind == .quantitative, let cost = row.value.number, let unit = row.value.unit else { continue }
            let parts = unit.split(separator: "/").map(String.init)
            guard parts.count == 2, ["万元", "元"].contains(parts[0]), denominators.contains(parts[1]) else { continue }
            let perUnit = parts[0] == "元" ? cost / 10_000 : cost
            // The quantity this cost is per: the 数量 row in its unit whose name shares most with the cost's (`奖励标准` ×
            // `奖励个数`); with several and none sharing two characters, the pairing is a guess and nothing is said.
            let quantities = set.rows.filter { $0.level2?.sameText("数量指标") == true && $0.value.unit == parts[1] && $0.value.number != nil }
            let ranked = quantities.map { ($0, $0.name.longestCommonRun(with: row.name)?.count ?? 0) }.sorted { $0.1 > $1.1 }
            guard let (quantity, shared) = ranked.first, let count = quantity.value.number, quantities.count == 1 || shared >= 2 else { continue }
            let product = perUnit * count
            let share = abs(product - budget) / budget
            // With several unit costs each is a part of the budget: only a product over the budget is a contradiction.
            if share > unitCostTolerance && (unitCosts == 1 || product > budget) {
                sink.add("Q2c", at: .indicator(scope: set.scope, row: k, field: "value"), cell: row.sources?["value"],
                         ["name": row.name, "unitCost": row.value.raw, "quantityName": quantity.name, "quantity": quantity.value.raw,
                          "product": format(product) + "万元", "budget": format(budget) + "万元",
                          "share": format(share * 100) + "%"],
                         figures: ["单位成本": row.value.raw, "数量": quantity.value.raw, "乘积": format(product) + "万元", "年度资金总额": format(budget) + "万元"])
            }
        }
    }

    // Q15: the goal states one amount, and it is not the budget.
    func goalAmounts(_ t: ProjectGoalTable, budget: Decimal?, into sink: inout FindingSink) {
        guard let budget, let goal = t.goals.annual else { return }
        // Amounts per person or per month (`每人153元`, `每月 20 元的标准`) are not the project's.
        let amounts = RowRules.figures(goal, skippingPerUnit: inputs.words.perUnit).filter { $0.1 == "万元" || $0.1 == "元" }
            .map { $0.1 == "元" ? $0.0 / 10_000 : $0.0 }
        guard amounts.count == 1, let stated = amounts.first, abs(stated - budget) > tolerance else { return }
        sink.add("Q15", at: .field("goals.annual"), cell: t.sources?["goals.annual"],
                 ["stated": format(stated) + "万元", "budget": format(budget) + "万元", "slip": unitSlip(stated, budget)],
                 figures: ["目标中的金额": format(stated) + "万元", "年度资金总额": format(budget) + "万元"])
    }

    // Q10 for the table: most targets are words, not numbers.
    func vagueShare(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        guard let set = t.indicators(.annual), set.rows.count >= 4 else { return }
        let qualitative = set.rows.withUnsafeBufferPointer { rows in rows.indices.reduce(0) { $0 + (rows[$1].value.kind == .qualitative ? 1 : 0) } }
        let share = Double(qualitative) / Double(set.rows.count)
        if share > configuration.thresholds.vagueShareWarning {
            sink.add("Q10", at: .table, ["what": "本表 \(set.rows.count) 个指标中有 \(qualitative) 个（\(Int((share * 100).rounded()))%）只有定性描述，难以衡量。"],
                     figures: ["定性指标": "\(qualitative)", "指标总数": "\(set.rows.count)"], severity: .warning)
        }
    }

    // Q21: two identical sets.
    func sets(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        guard let a = t.indicators(.annual), let m = t.indicators(.midTerm), !a.rows.isEmpty else { return }
        if a.rows.map({ $0.strippingProvenance() }) == m.rows.map({ $0.strippingProvenance() }) {
            sink.add("Q21", at: .table)
        }
    }

    // Q23 on table texts: Word field codes and bookmarks in titles and goals.
    func residue(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        let markers = inputs.words.wordFieldMarkers
        for (field, text) in [("title", t.title), ("projectName", t.projectName), ("goals.annual", t.goals.annual)] {
            guard let text, let marker = markers.first(where: { text.containsText($0) }) else { continue }
            sink.add("Q23", at: .field(field), cell: t.sources?[field], ["text": String(text.prefix(30)), "what": "Word 域代码“\(marker)”"])
        }
    }
}
