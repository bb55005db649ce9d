/// Any goal table GoalBridge knows.
public enum GoalTable: Codable, Hashable, Sendable {
    case project(ProjectGoalTable)
    case departmentStrategic(DepartmentStrategicTable)
    case departmentPerformance(DepartmentPerformanceTable)
    case departmentIndicators(DepartmentIndicatorTable)
    case projectList(ProjectListTable)

    private enum CodingKeys: String, CodingKey { case kind, table }
    private enum Kind: String, Codable { case project, departmentStrategic, departmentPerformance, departmentIndicators, projectList }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .project: self = .project(try c.decode(ProjectGoalTable.self, forKey: .table))
        case .departmentStrategic: self = .departmentStrategic(try c.decode(DepartmentStrategicTable.self, forKey: .table))
        case .departmentPerformance: self = .departmentPerformance(try c.decode(DepartmentPerformanceTable.self, forKey: .table))
        case .departmentIndicators: self = .departmentIndicators(try c.decode(DepartmentIndicatorTable.self, forKey: .table))
        case .projectList: self = .projectList(try c.decode(ProjectListTable.self, forKey: .table))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .project(let t): try c.encode(Kind.project, forKey: .kind); try c.encode(t, forKey: .table)
        case .departmentStrategic(let t): try c.encode(Kind.departmentStrategic, forKey: .kind); try c.encode(t, forKey: .table)
        case .departmentPerformance(let t): try c.encode(Kind.departmentPerformance, forKey: .kind); try c.encode(t, forKey: .table)
        case .departmentIndicators(let t): try c.encode(Kind.departmentIndicators, forKey: .kind); try c.encode(t, forKey: .table)
        case .projectList(let t): try c.encode(Kind.projectList, forKey: .kind); try c.encode(t, forKey: .table)
        }
    }

    public var source: TableSource? {
        switch self {
        case .project(let t): return t.source
        case .departmentStrategic(let t): return t.source
        case .departmentPerformance(let t): return t.source
        case .departmentIndicators(let t): return t.source
        case .projectList(let t): return t.source
        }
    }

    /// False when no layout fitted the table clearly on import (`TableSource.layoutUncertain`): its fields may sit in
    /// the wrong place, so it is neither reviewed nor sent on (the exported workbooks, the 一体化 file) until it is
    /// read again with a layout named.
    ///
    /// ```swift
    /// let sendable = document.tables.filter(\.isReadWithCertainty)
    /// ```
    public var isReadWithCertainty: Bool { source?.layoutUncertain != true }

    /// Indicator rows of every set of the table.
    public var indicatorRowCount: Int {
        switch self {
        case .project(let t): return t.indicatorSets.reduce(0) { $0 + $1.rows.count }
        case .departmentStrategic(let t): return t.rows.count
        case .departmentPerformance(let t): return t.rows.count
        case .departmentIndicators(let t): return t.indicators.rows.count
        case .projectList: return 0
        }
    }

    public var project: ProjectGoalTable? { if case .project(let t) = self { return t } else { return nil } }
}

/// The JSON document GoalBridge reads and writes: a versioned list of tables.
/// Schema: docs/goal-document.schema.json.
public struct GoalDocument: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tables: [GoalTable]

    /// A document of tables, in the current schema unless another version is named.
    ///
    ///     let json = try JSONEncoder().encode(GoalDocument(tables: result.tables))
    public init(tables: [GoalTable], schemaVersion: Int = GoalDocument.currentSchemaVersion) {
        self.schemaVersion = schemaVersion
        self.tables = tables
    }
}
