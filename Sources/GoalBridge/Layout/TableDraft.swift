import GoalBridgeModel

/// A field value as the layout engine moves it between cells and the model.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case amount(Amount)
    case year(Int)
}

/// The engine's table-agnostic view of a table: named fields, indicator sets, spending plan, extras.
/// Each table kind maps to and from it in one place (below), so layouts never need Swift code.
struct TableDraft {
    var fields: [String: FieldValue] = [:]
    var fieldSources: [String: SourceCell] = [:]
    var indicatorSets: [IndicatorSet] = []
    var spendingPlan: SpendingPlan?
    /// Numbered goal items (`目标1`, `目标2` … rows under 绩效目标).
    var goalItems: [GoalItem] = []
    var extras: [ExtraField] = []
    /// How many of `extras` are note or signature lines (`填报人：张三`, `表号：绩效01表`): kept, but no sign that the
    /// table itself was filled.
    var knownLineCount = 0
    /// Records of a record block, field name → text, with where each was read.
    var records: [[String: String]] = []
    var recordSources: [[String: SourceCell]] = []

    func text(_ f: String) -> String? { if case .text(let s)? = fields[f] { return s } else { return nil } }
    func amount(_ f: String) -> Amount? { if case .amount(let a)? = fields[f] { return a } else { return nil } }
    func year(_ f: String) -> Int? { if case .year(let y)? = fields[f] { return y } else { return nil } }

    /// A field's value as text (a year as its digits, an amount as written).
    func displayText(_ f: String) -> String? {
        switch fields[f] {
        case .text(let s)?: return s
        case .year(let y)?: return String(y)
        case .amount(let a)?: return a.raw
        case nil: return nil
        }
    }

    /// The title a layout's `titleTemplate` makes of these fields; nil when one of them is missing.
    func title(from template: TextTemplate) -> String? {
        guard template.fields.allSatisfy({ displayText($0) != nil }) else { return nil }
        return template.render { displayText($0) }
    }

    /// Fields the form itself prints — its title, the year and unit in the title or a unit line, a serial, a caption
    /// — which a blank form has as much as a filled one.
    static let printedFields: Set<String> = ["title", "serial", "fiscalYear", "region", "publisher", "publishDate", "section",
                                          "amountUnit", "goals.midTermPeriod", "officeCaption"]
    /// Record fields a blank form prints (the row numbers down a record block).
    static let printedRecordFields: Set<String> = ["seq", "dutySeq"]

    /// True when nothing in the table was filled in: no field but those the form prints, no indicator row, no
    /// record, no spending-plan figure, no goal item, no extra cell but note and signature lines. A blank form: the
    /// other sheet of a template the department did not need (signed or not), or the template sent back as it came.
    var isUnfilled: Bool {
        fields.keys.allSatisfy { Self.printedFields.contains($0) }
            && indicatorSets.allSatisfy { $0.rows.isEmpty }
            && records.allSatisfy { $0.allSatisfy { key, value in Self.printedRecordFields.contains(key) || value.isEmpty } }
            && (spendingPlan?.points.allSatisfy { $0.value == nil } ?? true)
            && goalItems.isEmpty && extras.count == knownLineCount
    }

    /// Keeps a note or signature line as an extra.
    mutating func keepKnownLine(_ label: String, _ value: String, source: SourceCell?) {
        extras.append(ExtraField(label: label, value: value, source: source))
        knownLineCount += 1
    }

    mutating func set(_ f: String, _ s: String?) { if let s { fields[f] = .text(s) } }
    mutating func set(_ f: String, _ a: Amount?) { if let a { fields[f] = .amount(a) } }
    mutating func set(_ f: String, year: Int?) { if let year { fields[f] = .year(year) } }

    func funds(_ prefix: String) -> Funds? {
        let f = Funds(total: amount(prefix + ".total"), fiscal: amount(prefix + ".fiscal"), carryover: amount(prefix + ".carryover"),
                      other: amount(prefix + ".other"), text: text(prefix + ".text"),
                      specialAccount: amount(prefix + ".specialAccount"), unitOwn: amount(prefix + ".unitOwn"),
                      generalBudget: amount(prefix + ".generalBudget"), governmentFund: amount(prefix + ".governmentFund"),
                      basicExpenditure: amount(prefix + ".basicExpenditure"), projectExpenditure: amount(prefix + ".projectExpenditure"))
        return f.isEmpty ? nil : f
    }

    mutating func setFunds(_ prefix: String, _ funds: Funds?) {
        guard let funds else { return }
        set(prefix + ".total", funds.total)
        set(prefix + ".fiscal", funds.fiscal)
        set(prefix + ".carryover", funds.carryover)
        set(prefix + ".other", funds.other)
        set(prefix + ".specialAccount", funds.specialAccount)
        set(prefix + ".unitOwn", funds.unitOwn)
        set(prefix + ".generalBudget", funds.generalBudget)
        set(prefix + ".governmentFund", funds.governmentFund)
        set(prefix + ".basicExpenditure", funds.basicExpenditure)
        set(prefix + ".projectExpenditure", funds.projectExpenditure)
        set(prefix + ".text", funds.text)
    }

    static let fundParts: [(String, FieldType)] = [("total", .amount), ("fiscal", .amount), ("carryover", .amount), ("other", .amount),
                                                   ("specialAccount", .amount), ("unitOwn", .amount), ("generalBudget", .amount),
                                                   ("governmentFund", .amount), ("basicExpenditure", .amount), ("projectExpenditure", .amount),
                                                   ("text", .text)]
}

/// The fields each table kind offers to layouts, with their types.
enum TableFieldCatalog {
    static let project: [String: FieldType] = {
        var f: [String: FieldType] = [
            "title": .text, "serial": .text, "fiscalYear": .year, "region": .text, "publisher": .text, "publishDate": .text,
            "section": .text, "projectCode": .text, "projectName": .text,
            "projectCategory": .text, "projectAttribute": .text, "projectPeriod": .text,
            "supervisingDepartment.name": .text, "supervisingDepartment.code": .text,
            "implementingUnit.name": .text, "implementingUnit.code": .text, "amountUnit": .text, "fundUse": .text,
            "projectLead": .text, "contactPhone": .text,
            "goals.midTerm": .text, "goals.annual": .text, "goals.midTermPeriod": .text, "remark": .text,
        ]
        for (p, t) in TableDraft.fundParts { f["annualFunds." + p] = t; f["midTermFunds." + p] = t }
        return f
    }()

    static let departmentIndicators: [String: FieldType] = {
        var f: [String: FieldType] = ["title": .text, "fiscalYear": .year, "departmentName": .text, "duties": .text,
                                      "overallGoal": .text, "amountUnit": .text]
        for (p, t) in TableDraft.fundParts { f["annualFunds." + p] = t }
        return f
    }()

    static let departmentStrategic: [String: FieldType] = ["title": .text, "fiscalYear": .year, "departmentName": .text, "strategicGoal": .text]
    static let departmentPerformance: [String: FieldType] = ["title": .text, "fiscalYear": .year, "departmentName": .text, "officeCaption": .text]
    static let projectList: [String: FieldType] = ["title": .text, "fiscalYear": .year, "amountUnit": .text]

    static let referenceFields = ["reference.planned", "reference.currentStandard", "reference.currentStandardSource",
                                  "reference.threeYearAverage", "reference.lastYear", "reference.historySource"]

    /// Fields a record block of each kind can hold.
    static func recordFields(for kind: TableKind) -> Set<String> {
        switch kind {
        case .departmentStrategic: return Set(["seq", "indicator", "explanation", "annualTarget", "remark"] + referenceFields)
        case .departmentPerformance:
            return Set(["dutySeq", "duty", "dutyDetail", "dutyGoal", "indicator", "explanation", "annualTarget", "remark",
                        "workActivities", "budgetProjects", "office"] + referenceFields)
        case .projectList: return ["seq", "budgetUnitName", "projectName", "amount", "remark"]
        case .departmentIndicators: return ["taskName", "taskContent"]
        case .project: return []
        }
    }

    static func fields(for kind: TableKind) -> [String: FieldType] {
        switch kind {
        case .project: return project
        case .departmentIndicators: return departmentIndicators
        case .departmentStrategic: return departmentStrategic
        case .departmentPerformance: return departmentPerformance
        case .projectList: return projectList
        }
    }
}

extension ProjectGoalTable {
    init(draft d: TableDraft, source: TableSource?) {
        var sup: Party?
        if d.text("supervisingDepartment.name") != nil || d.text("supervisingDepartment.code") != nil {
            sup = Party(name: d.text("supervisingDepartment.name") ?? "", code: d.text("supervisingDepartment.code"))
        }
        var impl: Party?
        if d.text("implementingUnit.name") != nil || d.text("implementingUnit.code") != nil {
            impl = Party(name: d.text("implementingUnit.name") ?? "", code: d.text("implementingUnit.code"))
        }
        self.init(title: d.text("title"), serial: d.text("serial"), fiscalYear: d.year("fiscalYear"), region: d.text("region"),
                  publisher: d.text("publisher"), publishDate: d.text("publishDate"), section: d.text("section"), projectCode: d.text("projectCode"), projectName: d.text("projectName"),
                  projectCategory: d.text("projectCategory"), projectAttribute: d.text("projectAttribute"),
                  projectPeriod: d.text("projectPeriod"), supervisingDepartment: sup, implementingUnit: impl,
                  amountUnit: d.text("amountUnit"), annualFunds: d.funds("annualFunds"), midTermFunds: d.funds("midTermFunds"),
                  fundUse: d.text("fundUse"), spendingPlan: d.spendingPlan,
                  goals: Goals(midTerm: d.text("goals.midTerm"), annual: d.text("goals.annual"), items: d.goalItems,
                                midTermPeriod: d.text("goals.midTermPeriod")),
                  indicatorSets: d.indicatorSets, remark: d.text("remark"), extras: d.extras, source: source,
                  sources: d.fieldSources.isEmpty ? nil : d.fieldSources,
                  projectLead: d.text("projectLead"), contactPhone: d.text("contactPhone"))
    }

    var draft: TableDraft {
        var d = TableDraft()
        d.set("title", title)
        d.set("serial", serial)
        d.set("fiscalYear", year: fiscalYear)
        d.set("region", region)
        d.set("publisher", publisher)
        d.set("publishDate", publishDate)
        d.set("section", section)
        d.set("projectCode", projectCode)
        d.set("projectName", projectName)
        d.set("projectCategory", projectCategory)
        d.set("projectAttribute", projectAttribute)
        d.set("projectPeriod", projectPeriod)
        d.set("supervisingDepartment.name", supervisingDepartment?.name)
        d.set("supervisingDepartment.code", supervisingDepartment?.code)
        d.set("implementingUnit.name", implementingUnit?.name)
        d.set("implementingUnit.code", implementingUnit?.code)
        d.set("projectLead", projectLead)
        d.set("contactPhone", contactPhone)
        d.set("amountUnit", amountUnit)
        d.setFunds("annualFunds", annualFunds)
        d.setFunds("midTermFunds", midTermFunds)
        d.set("fundUse", fundUse)
        d.set("goals.midTerm", goals.midTerm)
        d.set("goals.annual", goals.annual)
        d.set("goals.midTermPeriod", goals.midTermPeriod)
        d.set("remark", remark)
        d.indicatorSets = indicatorSets
        d.spendingPlan = spendingPlan
        d.extras = extras
        return d
    }
}

extension DepartmentIndicatorTable {
    init(draft d: TableDraft, source: TableSource?) {
        self.init(title: d.text("title"), fiscalYear: d.year("fiscalYear"), departmentName: d.text("departmentName"),
                  duties: d.text("duties"), overallGoal: d.text("overallGoal"), annualFunds: d.funds("annualFunds"),
                  amountUnit: d.text("amountUnit"),
                  indicators: d.indicatorSets.first ?? IndicatorSet(scope: .annual), extras: d.extras, source: source,
                  sources: d.fieldSources.isEmpty ? nil : d.fieldSources,
                  tasks: d.records.isEmpty ? nil : d.records.enumerated().map { i, r in
                      AnnualTask(name: r["taskName"] ?? "", content: r["taskContent"], sources: recordSources(d, i))
                  })
    }

    var draft: TableDraft {
        var d = TableDraft()
        d.set("title", title)
        d.set("fiscalYear", year: fiscalYear)
        d.set("departmentName", departmentName)
        d.set("duties", duties)
        d.set("overallGoal", overallGoal)
        d.set("amountUnit", amountUnit)
        d.setFunds("annualFunds", annualFunds)
        d.indicatorSets = [indicators]
        d.records = (tasks ?? []).map { t in
            var r = ["taskName": t.name]
            r["taskContent"] = t.content
            return r
        }
        d.extras = extras
        return d
    }
}

// MARK: Record tables

extension ReferenceValues {
    init(record r: [String: String]) {
        self.init(planned: r["reference.planned"], currentStandard: r["reference.currentStandard"],
                  currentStandardSource: r["reference.currentStandardSource"], threeYearAverage: r["reference.threeYearAverage"],
                  lastYear: r["reference.lastYear"], historySource: r["reference.historySource"])
    }

    var record: [String: String] {
        var r: [String: String] = [:]
        r["reference.planned"] = planned
        r["reference.currentStandard"] = currentStandard
        r["reference.currentStandardSource"] = currentStandardSource
        r["reference.threeYearAverage"] = threeYearAverage
        r["reference.lastYear"] = lastYear
        r["reference.historySource"] = historySource
        return r
    }
}

/// The fields 聊城's strategic and performance rows share: indicator, explanation, target, remark, reference values.
private func indicatorRecord(_ indicator: String, _ explanation: String?, _ target: IndicatorValue, _ remark: String?,
                             _ reference: ReferenceValues) -> [String: String] {
    var r = reference.record
    r["indicator"] = indicator
    r["explanation"] = explanation
    r["annualTarget"] = target.raw
    r["remark"] = remark
    return r
}

private func recordSources(_ d: TableDraft, _ i: Int) -> [String: SourceCell]? {
    guard d.recordSources.indices.contains(i), !d.recordSources[i].isEmpty else { return nil }
    return d.recordSources[i]
}

extension DepartmentStrategicTable {
    init(draft d: TableDraft, source: TableSource?) {
        self.init(title: d.text("title"), fiscalYear: d.year("fiscalYear"), departmentName: d.text("departmentName"),
                  strategicGoal: d.text("strategicGoal"),
                  rows: d.records.enumerated().map { i, r in
                      StrategicIndicator(seq: r["seq"], indicator: r["indicator"] ?? "", explanation: r["explanation"],
                                         annualTarget: IndicatorValue(raw: r["annualTarget"] ?? ""), reference: ReferenceValues(record: r),
                                         remark: r["remark"], sources: recordSources(d, i))
                  }, extras: d.extras, source: source)
    }

    var draft: TableDraft {
        var d = TableDraft()
        d.set("title", title)
        d.set("fiscalYear", year: fiscalYear)
        d.set("departmentName", departmentName)
        d.set("strategicGoal", strategicGoal)
        d.records = rows.map { row in
            var r = indicatorRecord(row.indicator, row.explanation, row.annualTarget, row.remark, row.reference)
            r["seq"] = row.seq
            return r
        }
        d.extras = extras
        return d
    }
}

extension DepartmentPerformanceTable {
    init(draft d: TableDraft, source: TableSource?) {
        self.init(title: d.text("title"), fiscalYear: d.year("fiscalYear"), departmentName: d.text("departmentName"),
                  officeCaption: d.text("officeCaption"),
                  rows: d.records.enumerated().map { i, r in
                      DutyIndicator(dutySeq: r["dutySeq"], duty: r["duty"], dutyDetail: r["dutyDetail"], dutyGoal: r["dutyGoal"],
                                    indicator: r["indicator"] ?? "", explanation: r["explanation"],
                                    annualTarget: IndicatorValue(raw: r["annualTarget"] ?? ""), reference: ReferenceValues(record: r),
                                    remark: r["remark"], workActivities: r["workActivities"], budgetProjects: r["budgetProjects"],
                                    office: r["office"], sources: recordSources(d, i))
                  }, extras: d.extras, source: source)
    }

    var draft: TableDraft {
        var d = TableDraft()
        d.set("title", title)
        d.set("fiscalYear", year: fiscalYear)
        d.set("departmentName", departmentName)
        d.set("officeCaption", officeCaption)
        d.records = rows.map { row in
            var r = indicatorRecord(row.indicator, row.explanation, row.annualTarget, row.remark, row.reference)
            r["dutySeq"] = row.dutySeq
            r["duty"] = row.duty
            r["dutyDetail"] = row.dutyDetail
            r["dutyGoal"] = row.dutyGoal
            r["workActivities"] = row.workActivities
            r["budgetProjects"] = row.budgetProjects
            r["office"] = row.office
            return r
        }
        d.extras = extras
        return d
    }
}

extension ProjectListTable {
    init(draft d: TableDraft, source: TableSource?) {
        self.init(title: d.text("title"), fiscalYear: d.year("fiscalYear"), amountUnit: d.text("amountUnit"),
                  rows: d.records.enumerated().map { i, r in
                      ProjectListEntry(seq: r["seq"], budgetUnitName: r["budgetUnitName"], projectName: r["projectName"] ?? "",
                                       amount: r["amount"].map { Amount(text: $0) }, remark: r["remark"], sources: recordSources(d, i))
                  }, extras: d.extras, source: source)
    }

    var draft: TableDraft {
        var d = TableDraft()
        d.set("title", title)
        d.set("fiscalYear", year: fiscalYear)
        d.set("amountUnit", amountUnit)
        d.records = rows.map { row in
            var r: [String: String] = [:]
            r["seq"] = row.seq
            r["budgetUnitName"] = row.budgetUnitName
            r["projectName"] = row.projectName
            r["amount"] = row.amount?.raw
            r["remark"] = row.remark
            return r
        }
        d.extras = extras
        return d
    }
}
