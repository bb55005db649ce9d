import Foundation
import GoalBridgeModel

/// Reviews goal tables the way a third-party reviewer does (DOMAIN.md §5), table by table and across a batch.
///
/// ```swift
/// let findings = Reviewer().review(result.tables)
/// findings.filter { $0.severity == .error }.forEach { print($0) }
/// ```
public struct Reviewer: Sendable {
    public let configuration: ReviewConfiguration
    public let vocabulary: Vocabulary
    /// Thresholds and word lists as the rules use them, prepared once.
    let inputs: RuleInputs
    /// Also run the checks of the 预算管理一体化 system (S1–S7, `SystemRules`): for tables about to go into it. Off by
    /// default: the regional forms allow what the system refuses (长清's 满意度 rows without a 三级指标, values
    /// without a 计算符号), and a review of a form is not a rejection by the system.
    public let systemChecks: Bool
    /// The fields each layout's form asks for (layout id → field names, `LayoutCatalog.formFields`): Q5 says a
    /// 主管部门, 实施单位 or funds total is missing only where the table's form has a place for it (新华's form has no
    /// 主管部门, 永清's project form no funds). Empty: those checks are off.
    public let formFields: [String: Set<String>]

    /// A reviewer with the shipped rules by default; `systemChecks` adds the 一体化 system's checks, `formFields`
    /// (from `LayoutCatalog.formFields`) lets Q5 ask only for fields a table's form has.
    ///
    /// ```swift
    /// let reviewer = Reviewer(formFields: try LayoutCatalog.current().formFields)
    /// let findings = reviewer.review(result.tables)
    /// ```
    public init(configuration: ReviewConfiguration = .standard, vocabulary: Vocabulary = .standard, systemChecks: Bool = false,
                formFields: [String: Set<String>] = [:]) {
        self.configuration = configuration
        self.vocabulary = vocabulary
        self.systemChecks = systemChecks
        self.formFields = formFields
        inputs = RuleInputs(configuration)
    }

    /// Findings for every table, then the rules that compare tables with each other.
    public func review(_ tables: [GoalTable]) -> [Finding] {
        var findings: [Finding] = []
        for (i, table) in tables.enumerated() {
            var context = FindingSink(configuration: configuration, table: i, source: table.source)
            if !table.isReadWithCertainty {
                // Fields may sit in the wrong place: reviewing them would tell the department that targets are
                // missing when the importer could not place them. Say why the table was not reviewed instead.
                context.add("Q0", at: .table)
                findings += context.findings
                continue
            }
            switch table {
            case .project(let t):
                context.tableName = t.projectName
                TableRules(configuration: configuration, vocabulary: vocabulary, inputs: inputs,
                           formFields: formFields[t.source?.layout ?? ""] ?? []).review(t, into: &context)
                if systemChecks { for set in t.indicatorSets { SystemRules(configuration: configuration, inputs: inputs).review(set, into: &context) } }
            case .departmentIndicators(let t):
                context.tableName = t.departmentName
                let rows = RowRules(configuration: configuration, vocabulary: vocabulary, inputs: inputs, fiscalYear: t.fiscalYear, budget: nil)
                for (k, row) in t.indicators.rows.enumerated() { rows.review(row, scope: .annual, index: k, into: &context) }
                SwappedDescriptionRule().review(t.indicators, into: &context)
                if systemChecks { SystemRules(configuration: configuration, inputs: inputs).review(t.indicators, into: &context) }
                inputs.typos.review(t.indicators, into: &context)
                inputs.staleYears.review(t, into: &context)
            case .departmentStrategic(let t):
                context.tableName = t.departmentName
                inputs.typos.review(t.rows.map { ($0.indicator, $0.explanation, $0.sources) }, into: &context)
            case .departmentPerformance(let t):
                context.tableName = t.departmentName
                inputs.typos.review(t.rows.map { ($0.indicator, $0.explanation, $0.sources) }, into: &context)
                inputs.staleYears.review(t, into: &context)
            default:
                break
            }
            findings += context.findings
        }
        findings += BatchRules(configuration: configuration, inputs: inputs).review(tables)
        return findings
    }
}

extension Reviewer {
    /// Only the rules that compare tables with each other (Q17, Q18 duplicates, Q22, Q24): for a whole dataset,
    /// where each table's own rules already ran when it was collected.
    public func reviewAcrossTables(_ tables: [GoalTable]) -> [Finding] {
        BatchRules(configuration: configuration, inputs: inputs).review(tables)
    }

    /// The same over tables already reduced to what these rules read (a dataset keeps these, not its tables).
    /// `texts`, when given, hands over each table's texts for Q22 (`BatchFacts.texts(of:)`), asked for in table
    /// order, for facts made without them.
    public func reviewAcrossTables(_ facts: [BatchFacts], texts: ((Int) -> [(field: String, text: String)])? = nil) -> [Finding] {
        BatchRules(configuration: configuration, inputs: inputs).review(facts, texts: texts)
    }

    /// Rule ids that `reviewAcrossTables` can produce.
    public static let acrossTableRules: Set<String> = ["Q17", "Q18", "Q22", "Q24", "Q34"]
}

/// Collects findings for one table, filling in rule metadata from the configuration.
struct FindingSink {
    let configuration: ReviewConfiguration
    let table: Int
    let source: TableSource?
    var tableName: String?
    var findings: [Finding] = []

    init(configuration: ReviewConfiguration, table: Int, source: TableSource?) {
        self.configuration = configuration
        self.table = table
        self.source = source
    }

    /// `action` overrides the rule's for this finding (a missing cost indicator is advice before the 2024 reform).
    mutating func add(_ rule: String, at location: ModelLocation, cell: SourceCell? = nil, _ values: [String: String] = [:],
                      figures: [String: String] = [:], severity: ReviewSeverity? = nil, action: ReviewAction? = nil) {
        guard let meta = configuration.rules[rule] else { return }
        func fill(_ template: String) -> String { FindingSink.fill(template, values) }
        findings.append(Finding(rule: rule, category: ReviewCategory(rawValue: meta.category) ?? .format, severity: severity ?? meta.severity,
                                message: fill(meta.message), suggestion: meta.suggestion.map(fill), table: table, tableName: tableName,
                                location: location, file: source?.file, sheet: cell?.sheet ?? source?.sheet, cell: cell?.cell, figures: figures,
                                action: action ?? meta.effectiveAction, opinion: meta.opinion))
    }
}

extension FindingSink {
    /// `{name}` placeholders replaced by their values in one pass; unknown ones are left as written.
    /// (Foundation's replacingOccurrences per value was a tenth of reviewing a table.)
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}

/// What two amounts in 万元 that differ by ten thousand times almost surely are — one typed in 元, the other in
/// 万元 — said after a finding that compares them (`{slip}` in Q2, Q15, Q24); empty for any other pair.
///
/// ```swift
/// unitSlip(6_527_100, 652.71)   // "两者正好相差一万倍，可能一处按“元”、一处按“万元”填写。"
/// unitSlip(300, 146)            // ""
/// ```
func unitSlip(_ a: Decimal, _ b: Decimal) -> String {
    let (big, small) = (max(abs(a), abs(b)), min(abs(a), abs(b)))
    guard small > 0, abs(big / small - 10_000) <= 10 else { return "" }
    return "两者正好相差一万倍，可能一处按“元”、一处按“万元”填写。"
}

/// Money in 万元 from an indicator value (`≤146万元`, `5000元`), nil for anything else.
func moneyInWan(_ v: IndicatorValue) -> Decimal? {
    guard v.kind == .quantitative, let n = v.number, let unit = v.unit else { return nil }
    switch unit {
    case "万元": return n
    case "元": return n / 10_000
    case "亿元": return n * 10_000
    default: return nil
    }
}

func format(_ d: Decimal) -> String {
    var v = d
    var rounded = Decimal()
    NSDecimalRound(&rounded, &v, 2, .plain)
    return "\(rounded)"
}
