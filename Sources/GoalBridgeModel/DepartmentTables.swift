/// Reference values of a department-wide indicator (指标参考值), as in 聊城's nested header.
public struct ReferenceValues: Codable, Hashable, Sendable {
    /// 标准值 · 规划值
    public var planned: String?
    /// 标准值 · 当年标准值 · 标准值
    public var currentStandard: String?
    /// 标准值 · 当年标准值 · 来源
    public var currentStandardSource: String?
    /// 历史值 · 前三年均值
    public var threeYearAverage: String?
    /// 历史值 · 上年值
    public var lastYear: String?
    /// 历史值 · 来源/其他
    public var historySource: String?

    /// Reference values as the form states them, each as written.
    ///
    ///     ReferenceValues(planned: "≥95%", lastYear: "93%")
    public init(planned: String? = nil, currentStandard: String? = nil, currentStandardSource: String? = nil,
                threeYearAverage: String? = nil, lastYear: String? = nil, historySource: String? = nil) {
        self.planned = planned
        self.currentStandard = currentStandard
        self.currentStandardSource = currentStandardSource
        self.threeYearAverage = threeYearAverage
        self.lastYear = lastYear
        self.historySource = historySource
    }
}

/// A row of a department strategic table (部门整体战略目标表, layout E1).
public struct StrategicIndicator: Codable, Hashable, Sendable {
    public var seq: String?
    public var indicator: String
    public var explanation: String?
    public var annualTarget: IndicatorValue
    public var reference: ReferenceValues
    public var remark: String?
    public var sources: [String: SourceCell]?

    /// One indicator of a department's strategic table.
    ///
    ///     StrategicIndicator(seq: "1", indicator: "案件办结率", annualTarget: IndicatorValue(raw: "≥95%"))
    public init(seq: String? = nil, indicator: String, explanation: String? = nil, annualTarget: IndicatorValue,
                reference: ReferenceValues = ReferenceValues(), remark: String? = nil, sources: [String: SourceCell]? = nil) {
        self.seq = seq
        self.indicator = indicator
        self.explanation = explanation
        self.annualTarget = annualTarget
        self.reference = reference
        self.remark = remark
        self.sources = sources
    }
}

/// 部门整体战略目标表 (E1).
public struct DepartmentStrategicTable: Codable, Hashable, Sendable {
    public var title: String?
    public var fiscalYear: Int?
    public var departmentName: String?
    public var strategicGoal: String?
    public var rows: [StrategicIndicator]
    public var extras: [ExtraField]
    public var source: TableSource?

    /// A department's strategic goal table (聊城 整体战略目标表).
    ///
    ///     DepartmentStrategicTable(fiscalYear: 2022, departmentName: "聊城市司法局", strategicGoal: "…", rows: [row])
    public init(title: String? = nil, fiscalYear: Int? = nil, departmentName: String? = nil, strategicGoal: String? = nil,
                rows: [StrategicIndicator] = [], extras: [ExtraField] = [], source: TableSource? = nil) {
        self.title = title
        self.fiscalYear = fiscalYear
        self.departmentName = departmentName
        self.strategicGoal = strategicGoal
        self.rows = rows
        self.extras = extras
        self.source = source
    }
}

/// A row of a department performance table (部门整体绩效目标表, E2): an indicator in its duty's context.
public struct DutyIndicator: Codable, Hashable, Sendable {
    public var dutySeq: String?
    public var duty: String?
    /// The second 部门职责 sub-column of the 17-column form.
    public var dutyDetail: String?
    public var dutyGoal: String?
    public var indicator: String
    public var explanation: String?
    public var annualTarget: IndicatorValue
    public var reference: ReferenceValues
    public var remark: String?
    public var workActivities: String?
    public var budgetProjects: String?
    public var office: String?
    public var sources: [String: SourceCell]?

    /// One indicator of a department's performance table, under its duty.
    ///
    ///     DutyIndicator(duty: "法治宣传", indicator: "普法活动场次", annualTarget: IndicatorValue(raw: "≥20场"))
    public init(dutySeq: String? = nil, duty: String? = nil, dutyDetail: String? = nil, dutyGoal: String? = nil,
                indicator: String, explanation: String? = nil, annualTarget: IndicatorValue,
                reference: ReferenceValues = ReferenceValues(), remark: String? = nil, workActivities: String? = nil,
                budgetProjects: String? = nil, office: String? = nil, sources: [String: SourceCell]? = nil) {
        self.dutySeq = dutySeq
        self.duty = duty
        self.dutyDetail = dutyDetail
        self.dutyGoal = dutyGoal
        self.indicator = indicator
        self.explanation = explanation
        self.annualTarget = annualTarget
        self.reference = reference
        self.remark = remark
        self.workActivities = workActivities
        self.budgetProjects = budgetProjects
        self.office = office
        self.sources = sources
    }
}

/// 部门整体绩效目标表 (E2).
public struct DepartmentPerformanceTable: Codable, Hashable, Sendable {
    public var title: String?
    public var fiscalYear: Int?
    public var departmentName: String?
    /// 对应科室 or 填报科室, as the header says.
    public var officeCaption: String?
    public var rows: [DutyIndicator]
    public var extras: [ExtraField]
    public var source: TableSource?

    /// A department's performance table (聊城 整体绩效目标表, 16 or 17 columns): indicators by duty.
    ///
    ///     DepartmentPerformanceTable(fiscalYear: 2022, departmentName: "聊城市司法局", rows: [row])
    public init(title: String? = nil, fiscalYear: Int? = nil, departmentName: String? = nil, officeCaption: String? = nil,
                rows: [DutyIndicator] = [], extras: [ExtraField] = [], source: TableSource? = nil) {
        self.title = title
        self.fiscalYear = fiscalYear
        self.departmentName = departmentName
        self.officeCaption = officeCaption
        self.rows = rows
        self.extras = extras
        self.source = source
    }
}

/// A 年度主要任务 row of the national 部门（单位）整体支出绩效目标申报表: 任务名称 and 主要内容.
public struct AnnualTask: Codable, Hashable, Sendable {
    public var name: String
    public var content: String?
    public var sources: [String: SourceCell]?

    /// One annual task of a department-wide table, its name and what it holds.
    ///
    ///     AnnualTask(name: "法治宣传", content: "开展普法宣传活动20场")
    public init(name: String, content: String? = nil, sources: [String: SourceCell]? = nil) {
        self.name = name
        self.content = content
        self.sources = sources
    }
}

/// 部门整体支出绩效指标 (永清 F1) and the department-wide template: goals plus an indicator set
/// whose rows use the shared `IndicatorRow` (with 符号/值/单位 split values and scoring rules).
public struct DepartmentIndicatorTable: Codable, Hashable, Sendable {
    public var title: String?
    public var fiscalYear: Int?
    public var departmentName: String?
    /// 年度主要任务 / 部门职责 text.
    public var duties: String?
    public var overallGoal: String?
    public var annualFunds: Funds?
    public var amountUnit: String?
    public var indicators: IndicatorSet
    /// 年度主要任务 as rows (任务名称, 主要内容), when the form lists them; nil when it has none.
    public var tasks: [AnnualTask]?
    public var extras: [ExtraField]
    public var source: TableSource?
    public var sources: [String: SourceCell]?

    /// A department-wide goal table (永清 部门整体绩效目标表): duties, overall goal, funds and indicators.
    ///
    ///     DepartmentIndicatorTable(fiscalYear: 2021, departmentName: "永清县财政局", overallGoal: "…",
    ///                              indicators: IndicatorSet(scope: .annual, rows: rows))
    public init(title: String? = nil, fiscalYear: Int? = nil, departmentName: String? = nil, duties: String? = nil,
                overallGoal: String? = nil, annualFunds: Funds? = nil, amountUnit: String? = nil,
                indicators: IndicatorSet = IndicatorSet(scope: .annual), extras: [ExtraField] = [], source: TableSource? = nil,
                sources: [String: SourceCell]? = nil, tasks: [AnnualTask]? = nil) {
        self.tasks = tasks
        self.title = title
        self.fiscalYear = fiscalYear
        self.departmentName = departmentName
        self.duties = duties
        self.overallGoal = overallGoal
        self.annualFunds = annualFunds
        self.amountUnit = amountUnit
        self.indicators = indicators
        self.extras = extras
        self.source = source
        self.sources = sources
    }
}
