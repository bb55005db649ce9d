import GoalBridgeModel

/// Every table's indicators as the dataset's `indicator` rows see them (the 指标 sheet, the CSV, `apply`).
///
/// Project tables and department indicator tables have indicator sets already. The rows of department-wide strategic
/// and performance tables (聊城 E1/E2) are indicators too — a name, an annual target, an explanation — in their
/// duty's context: they are shown with 一级指标 = 部门职责 and 二级指标 = 职责目标 (performance; empty for strategic),
/// 三级指标 = 指标, 指标值 = 年度指标值, 绩效指标描述 = 指标解释, 备注 = 备注. Corrections to those columns go back
/// into the rows; the reference values and the other columns of these forms stay in the stored model.
extension GoalTable {
    var indicatorView: [IndicatorSet] {
        switch self {
        case .project(let t): return t.indicatorSets
        case .departmentIndicators(let t): return [t.indicators]
        case .departmentStrategic(let t):
            return [IndicatorSet(scope: .annual, rows: t.rows.map { r in
                IndicatorRow(level1Raw: "", level2Raw: "", name: r.indicator, description: r.explanation, value: r.annualTarget,
                             remark: r.remark, sources: GoalTable.viewSources(r.sources))
            })]
        case .departmentPerformance(let t):
            return [IndicatorSet(scope: .annual, rows: t.rows.map { r in
                IndicatorRow(level1Raw: r.duty ?? "", level2Raw: r.dutyGoal ?? "", name: r.indicator, description: r.explanation,
                             value: r.annualTarget, remark: r.remark, sources: GoalTable.viewSources(r.sources))
            })]
        case .projectList: return []
        }
    }

    /// A record's cells under the names the indicator view uses (`annualTarget` is the value, `indicator` the name).
    private static func viewSources(_ s: [String: SourceCell]?) -> [String: SourceCell]? {
        guard let s else { return nil }
        var out: [String: SourceCell] = [:]
        if let v = s["annualTarget"] { out["value"] = v }
        if let n = s["indicator"] { out["name"] = n }
        return out.isEmpty ? nil : out
    }

    /// Changes one indicator of the view in place; for department-wide rows, the change goes back into the row's own
    /// fields. Fields the rows do not have (basis, weight) are left as they are; false when the row does not exist.
    @discardableResult
    mutating func update(scope: IndicatorScope, row: Int, _ change: (inout IndicatorRow) -> Void) -> Bool {
        switch self {
        case .project(var t):
            guard let s = t.indicatorSets.firstIndex(where: { $0.scope == scope }), t.indicatorSets[s].rows.indices.contains(row) else { return false }
            change(&t.indicatorSets[s].rows[row])
            self = .project(t)
        case .departmentIndicators(var t):
            guard t.indicators.rows.indices.contains(row) else { return false }
            change(&t.indicators.rows[row])
            self = .departmentIndicators(t)
        case .departmentStrategic(var t):
            guard t.rows.indices.contains(row), var view = indicatorView.first?.rows[row] else { return false }
            change(&view)
            t.rows[row].indicator = view.name
            t.rows[row].explanation = view.description
            t.rows[row].annualTarget = view.value
            t.rows[row].remark = view.remark
            self = .departmentStrategic(t)
        case .departmentPerformance(var t):
            guard t.rows.indices.contains(row), var view = indicatorView.first?.rows[row] else { return false }
            change(&view)
            t.rows[row].duty = view.level1Raw.isEmpty ? nil : view.level1Raw
            t.rows[row].dutyGoal = view.level2Raw.isEmpty ? nil : view.level2Raw
            t.rows[row].indicator = view.name
            t.rows[row].explanation = view.description
            t.rows[row].annualTarget = view.value
            t.rows[row].remark = view.remark
            self = .departmentPerformance(t)
        case .projectList:
            return false
        }
        return true
    }
}
