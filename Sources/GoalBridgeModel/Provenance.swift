/// Tables compared for content alone: where they were read from is set aside.
/// A round trip through a workbook moves every cell, so equality of content is what must hold.
public protocol ProvenanceCarrying {
    /// The same value without where it was read from (sources, table source); extras keep their text.
    ///
    ///     #expect(stripped(imported) == expected.strippingProvenance())
    func strippingProvenance() -> Self
}

extension IndicatorRow: ProvenanceCarrying {
    public func strippingProvenance() -> IndicatorRow { var r = self; r.sources = nil; return r }
}

extension ProjectGoalTable: ProvenanceCarrying {
    public func strippingProvenance() -> ProjectGoalTable {
        var t = self
        t.source = nil
        t.sources = nil
        t.extras = t.extras.withoutSources
        t.indicatorSets = t.indicatorSets.map { IndicatorSet(scope: $0.scope, rows: $0.rows.map { $0.strippingProvenance() }) }
        return t
    }
}

extension DepartmentIndicatorTable: ProvenanceCarrying {
    public func strippingProvenance() -> DepartmentIndicatorTable {
        var t = self
        t.source = nil
        t.sources = nil
        t.extras = t.extras.withoutSources
        t.indicators = IndicatorSet(scope: t.indicators.scope, rows: t.indicators.rows.map { $0.strippingProvenance() })
        t.tasks = t.tasks?.map { AnnualTask(name: $0.name, content: $0.content) }
        return t
    }
}

/// Tables made of rows that remember their cells (聊城 E1/E2, 平阴 B0): set aside the same way.
protocol RecordTable: ProvenanceCarrying {
    associatedtype Row: SourcedRow
    var source: TableSource? { get set }
    var extras: [ExtraField] { get set }
    var rows: [Row] { get set }
}

extension RecordTable {
    public func strippingProvenance() -> Self {
        var t = self
        t.source = nil
        t.extras = t.extras.withoutSources
        t.rows = t.rows.map { $0.strippingSources() }
        return t
    }
}

extension DepartmentStrategicTable: RecordTable {}
extension DepartmentPerformanceTable: RecordTable {}
extension ProjectListTable: RecordTable {}

extension GoalTable: ProvenanceCarrying {
    public func strippingProvenance() -> GoalTable {
        switch self {
        case .project(let t): return .project(t.strippingProvenance())
        case .departmentStrategic(let t): return .departmentStrategic(t.strippingProvenance())
        case .departmentPerformance(let t): return .departmentPerformance(t.strippingProvenance())
        case .departmentIndicators(let t): return .departmentIndicators(t.strippingProvenance())
        case .projectList(let t): return .projectList(t.strippingProvenance())
        }
    }
}

extension Array where Element == ExtraField {
    /// The extras without the cells they were read from.
    var withoutSources: [ExtraField] { map { ExtraField(label: $0.label, value: $0.value) } }
}

/// Rows that remember their cells.
protocol SourcedRow {
    var sources: [String: SourceCell]? { get set }
}

extension SourcedRow {
    func strippingSources() -> Self { var r = self; r.sources = nil; return r }
}

extension StrategicIndicator: SourcedRow {}
extension DutyIndicator: SourcedRow {}
extension ProjectListEntry: SourcedRow {}
