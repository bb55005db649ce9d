/// A party named in a table: 主管部门 or 实施单位, with its code when given (`001002`, `[001000]`).
public struct Party: Codable, Hashable, Sendable {
    public var name: String
    public var code: String?

    /// A department or unit, with its code when the form has one.
    ///
    ///     Party(name: "平阴县公安局", code: "301001")
    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}

/// Funds of one period (annual or mid-term), in `ProjectGoalTable.amountUnit`.
///
/// The sources are those the forms name: 财政拨款 (the 一体化 system's 财政资金), 上年结转, 财政专户管理资金, 单位资金 and
/// 其他资金. A form gives some of them; none is derived from the others.
public struct Funds: Codable, Hashable, Sendable {
    /// 资金总额 / 年度预算资金总额 / 预算数 / 年度资金总额.
    public var total: Amount?
    /// 其中：财政拨款 / 财政资金.
    public var fiscal: Amount?
    /// 上年结转资金.
    public var carryover: Amount?
    /// 其他资金.
    public var other: Amount?
    /// 财政专户管理资金 (the 一体化 system's funds held in a special fiscal account).
    public var specialAccount: Amount?
    /// 单位资金 (the unit's own funds).
    public var unitOwn: Amount?
    /// The department-wide 年度预算申请 by 收入性质: 一般公共预算 and 政府性基金 (其他 is `other`) …
    public var generalBudget: Amount?
    public var governmentFund: Amount?
    /// … and by 支出性质: 基本支出 and 项目支出. A second breakdown of the same total, not more sources.
    public var basicExpenditure: Amount?
    public var projectExpenditure: Amount?
    /// Free text when the table states funds in a sentence (长清: `2022年财政拨款108万元`).
    public var text: String?

    /// A project's funds by source; any may be absent.
    ///
    ///     Funds(total: Amount(text: "120"), fiscal: Amount(text: "100"), carryover: Amount(text: "20"))
    public init(total: Amount? = nil, fiscal: Amount? = nil, carryover: Amount? = nil, other: Amount? = nil, text: String? = nil,
                specialAccount: Amount? = nil, unitOwn: Amount? = nil, generalBudget: Amount? = nil, governmentFund: Amount? = nil,
                basicExpenditure: Amount? = nil, projectExpenditure: Amount? = nil) {
        self.generalBudget = generalBudget
        self.governmentFund = governmentFund
        self.basicExpenditure = basicExpenditure
        self.projectExpenditure = projectExpenditure
        self.total = total
        self.fiscal = fiscal
        self.carryover = carryover
        self.other = other
        self.specialAccount = specialAccount
        self.unitOwn = unitOwn
        self.text = text
    }

    public var isEmpty: Bool {
        total == nil && fiscal == nil && carryover == nil && other == nil && specialAccount == nil && unitOwn == nil && text == nil
            && generalBudget == nil && governmentFund == nil && basicExpenditure == nil && projectExpenditure == nil
    }
}

/// One point of the spending plan (资金支出计划): `3月底` → `20%` or `40.00`.
public struct SpendingPoint: Codable, Hashable, Sendable {
    public var label: String
    public var value: Amount?

    /// One point of a spending plan, its label as the form prints it (`第一季度`, `6月底`).
    ///
    ///     SpendingPoint(label: "第一季度", value: Amount(text: "30"))
    public init(label: String, value: Amount?) {
        self.label = label
        self.value = value
    }
}

public enum SpendingPlanKind: String, Codable, Hashable, Sendable {
    /// Cumulative percentages of the total (新华区 `资金支出计划（%）`).
    case percent
    /// Cumulative amounts (聊城 `资金支出计划`, 万元).
    case amount
}

public struct SpendingPlan: Codable, Hashable, Sendable {
    public var kind: SpendingPlanKind
    public var points: [SpendingPoint]

    /// A spending plan: amounts or shares (`kind`) by quarter or month.
    ///
    ///     SpendingPlan(kind: .amount, points: [SpendingPoint(label: "第一季度", value: Amount(text: "30"))])
    public init(kind: SpendingPlanKind, points: [SpendingPoint]) {
        self.kind = kind
        self.points = points
    }
}

/// A numbered goal item (`目标1：…`).
public struct GoalItem: Codable, Hashable, Sendable {
    public var label: String
    public var text: String

    /// One numbered goal of a goal cell with sub-labels (`目标1`, `目标2` …).
    ///
    ///     GoalItem(label: "目标1", text: "完成辅警招录120人")
    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}

/// 绩效目标: mid-term (总体/中长期/中期) and annual goals.
public struct Goals: Codable, Hashable, Sendable {
    public var midTerm: String?
    public var annual: String?
    /// Numbered items when the table lists them in separate rows.
    public var items: [GoalItem]
    /// The years the mid-term goal covers, as the form prints them over it (`中期目标（2024年－2026年）`).
    public var midTermPeriod: String?

    /// A table's goals: mid-term, annual, and the numbered items when the form splits them.
    ///
    ///     Goals(midTerm: "三年内…", annual: "2024年完成…", midTermPeriod: "2024年－2026年")
    public init(midTerm: String? = nil, annual: String? = nil, items: [GoalItem] = [], midTermPeriod: String? = nil) {
        self.midTerm = midTerm
        self.annual = annual
        self.items = items
        self.midTermPeriod = midTermPeriod
    }
}

/// A project goal table (项目支出绩效目标表): every field of every known layout.
public struct ProjectGoalTable: Codable, Hashable, Sendable {
    /// The title as printed (`县级电子政务外网安全监测平台建设项目绩效目标表`).
    public var title: String?
    /// The table's number in its document (`（3）`, `12.`).
    public var serial: String?
    public var fiscalYear: Int?
    public var region: String?
    /// 发布单位 (`聊城市财政局`), 发布日期 (`2022 年 5 月`), and the section of the document the table sits in
    /// (`第一部分 其他运转类项目`), when the table comes from a published compilation.
    public var publisher: String?
    public var publishDate: String?
    public var section: String?
    public var projectCode: String?
    /// 项目名称 / 专项资金名称.
    public var projectName: String?
    /// 项目类别: 特定目标类, 其他运转类 …
    public var projectCategory: String?
    /// 项目属性: 新增, 延续.
    public var projectAttribute: String?
    /// 项目期 / 项目起止时间.
    public var projectPeriod: String?
    public var supervisingDepartment: Party?
    public var implementingUnit: Party?
    /// 项目负责人 and 联系电话, on the national 申报表.
    public var projectLead: String?
    public var contactPhone: String?
    /// 金额单位 (万元 unless stated).
    public var amountUnit: String?
    public var annualFunds: Funds?
    public var midTermFunds: Funds?
    /// 资金用途 / 项目资金主要用途.
    public var fundUse: String?
    public var spendingPlan: SpendingPlan?
    public var goals: Goals
    public var indicatorSets: [IndicatorSet]
    public var remark: String?
    /// Labelled content that no field takes.
    public var extras: [ExtraField]
    public var source: TableSource?
    /// Where each table-level field was read (`projectName` → 项目!B3).
    public var sources: [String: SourceCell]?

    /// A project goal table. Only the name is needed; every other field is absent until read or set.
    ///
    ///     var table = ProjectGoalTable(fiscalYear: 2024, projectName: "辅警经费")
    ///     table.indicatorSets = [IndicatorSet(scope: .annual, rows: rows)]
    public init(title: String? = nil, serial: String? = nil, fiscalYear: Int? = nil, region: String? = nil,
                publisher: String? = nil, publishDate: String? = nil, section: String? = nil, projectCode: String? = nil, projectName: String? = nil, projectCategory: String? = nil,
                projectAttribute: String? = nil, projectPeriod: String? = nil, supervisingDepartment: Party? = nil,
                implementingUnit: Party? = nil, amountUnit: String? = nil, annualFunds: Funds? = nil,
                midTermFunds: Funds? = nil, fundUse: String? = nil, spendingPlan: SpendingPlan? = nil,
                goals: Goals = Goals(), indicatorSets: [IndicatorSet] = [], remark: String? = nil,
                extras: [ExtraField] = [], source: TableSource? = nil, sources: [String: SourceCell]? = nil,
                projectLead: String? = nil, contactPhone: String? = nil) {
        self.title = title
        self.serial = serial
        self.fiscalYear = fiscalYear
        self.region = region
        self.publisher = publisher
        self.publishDate = publishDate
        self.section = section
        self.projectCode = projectCode
        self.projectName = projectName
        self.projectCategory = projectCategory
        self.projectAttribute = projectAttribute
        self.projectPeriod = projectPeriod
        self.supervisingDepartment = supervisingDepartment
        self.implementingUnit = implementingUnit
        self.projectLead = projectLead
        self.contactPhone = contactPhone
        self.amountUnit = amountUnit
        self.annualFunds = annualFunds
        self.midTermFunds = midTermFunds
        self.fundUse = fundUse
        self.spendingPlan = spendingPlan
        self.goals = goals
        self.indicatorSets = indicatorSets
        self.remark = remark
        self.extras = extras
        self.source = source
        self.sources = sources
    }

    /// The indicator set of one period, or nil when the table has none for it.
    ///
    ///     table.indicators(.annual)?.rows.count
    public func indicators(_ scope: IndicatorScope) -> IndicatorSet? { indicatorSets.first { $0.scope == scope } }
}

/// One line of a summary list of projects (平阴 B0: 部分县直部门绩效目标申报表).
public struct ProjectListEntry: Codable, Hashable, Sendable {
    public var seq: String?
    /// 预算部门（单位）名称
    public var budgetUnitName: String?
    public var projectName: String
    /// 项目金额（万元）
    public var amount: Amount?
    public var remark: String?
    public var sources: [String: SourceCell]?

    /// One line of a summary list of projects.
    ///
    ///     ProjectListEntry(seq: "1", budgetUnitName: "平阴县公安局", projectName: "辅警经费", amount: Amount(text: "300"))
    public init(seq: String? = nil, budgetUnitName: String? = nil, projectName: String, amount: Amount? = nil,
                remark: String? = nil, sources: [String: SourceCell]? = nil) {
        self.seq = seq
        self.budgetUnitName = budgetUnitName
        self.projectName = projectName
        self.amount = amount
        self.remark = remark
        self.sources = sources
    }
}

/// A summary list of projects with their amounts, published before the goal tables (平阴 B0).
public struct ProjectListTable: Codable, Hashable, Sendable {
    public var title: String?
    public var fiscalYear: Int?
    public var amountUnit: String?
    public var rows: [ProjectListEntry]
    public var extras: [ExtraField]
    public var source: TableSource?

    /// A summary list of projects (平阴's 部分县直部门绩效目标申报表).
    ///
    ///     ProjectListTable(fiscalYear: 2024, amountUnit: "万元", rows: [entry])
    public init(title: String? = nil, fiscalYear: Int? = nil, amountUnit: String? = nil, rows: [ProjectListEntry] = [],
                extras: [ExtraField] = [], source: TableSource? = nil) {
        self.title = title
        self.fiscalYear = fiscalYear
        self.amountUnit = amountUnit
        self.rows = rows
        self.extras = extras
        self.source = source
    }
}
