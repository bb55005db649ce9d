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
    var extras: [ExtraField] = []

    func text(_ f: String) -> String? { if case .text(let s)? = fields[f] { return s } else { return nil } }
    func amount(_ f: String) -> Amount? { if case .amount(let a)? = fields[f] { return a } else { return nil } }
    func year(_ f: String) -> Int? { if case .year(let y)? = fields[f] { return y } else { return nil } }

    mutating func set(_ f: String, _ s: String?) { if let s { fields[f] = .text(s) } }
    mutating func set(_ f: String, _ a: Amount?) { if let a { fields[f] = .amount(a) } }
    mutating func set(_ f: String, year: Int?) { if let year { fields[f] = .year(year) } }

    func funds(_ prefix: String) -> Funds? {
        let f = Funds(total: amount(prefix + ".total"), fiscal: amount(prefix + ".fiscal"), carryover: amount(prefix + ".carryover"),
                      other: amount(prefix + ".other"), text: text(prefix + ".text"))
        return f.isEmpty ? nil : f
    }

    mutating func setFunds(_ prefix: String, _ funds: Funds?) {
        guard let funds else { return }
        set(prefix + ".total", funds.total)
        set(prefix + ".fiscal", funds.fiscal)
        set(prefix + ".carryover", funds.carryover)
        set(prefix + ".other", funds.other)
        set(prefix + ".text", funds.text)
    }

    static let fundParts: [(String, FieldType)] = [("total", .amount), ("fiscal", .amount), ("carryover", .amount), ("other", .amount), ("text", .text)]
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
            "goals.midTerm": .text, "goals.annual": .text, "remark": .text,
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

    static func fields(for kind: TableKind) -> [String: FieldType] {
        switch kind {
        case .project: return project
        case .departmentIndicators: return departmentIndicators
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
                  goals: Goals(midTerm: d.text("goals.midTerm"), annual: d.text("goals.annual")),
                  indicatorSets: d.indicatorSets, remark: d.text("remark"), extras: d.extras, source: source,
                  sources: d.fieldSources.isEmpty ? nil : d.fieldSources)
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
        d.set("amountUnit", amountUnit)
        d.setFunds("annualFunds", annualFunds)
        d.setFunds("midTermFunds", midTermFunds)
        d.set("fundUse", fundUse)
        d.set("goals.midTerm", goals.midTerm)
        d.set("goals.annual", goals.annual)
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
                  sources: d.fieldSources.isEmpty ? nil : d.fieldSources)
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
        d.extras = extras
        return d
    }
}
