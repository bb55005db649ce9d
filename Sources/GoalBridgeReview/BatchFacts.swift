import Foundation
import GoalBridgeModel

/// What the rules across tables need of one table: its names, totals, texts, bodies and a digest of its content.
/// A dataset is reviewed by keeping these instead of its decoded tables (100,000 tables: 194 MiB with the texts
/// handed over separately, not 2.9 GB).
public struct BatchFacts: Sendable {
    let source: TableSource?
    /// The project's name; nil for other kinds of table.
    let projectName: String?
    /// Q18, the same table twice: 128 bits of hash over the table without provenance (nil when not compared).
    let digest: Digest?
    /// Q18, the same indicator twice in a set (same level 2, name and value as written): the repeats, found here
    /// because they concern one table only.
    let repeatedRows: [(scope: IndicatorScope, row: Int, name: String, value: String, cell: SourceCell?)]
    /// Q24: the project's annual total; a summary list's title and rows.
    let total: Decimal?
    let listTitle: String?
    let listRows: [(projectName: String, amount: Decimal?, cell: SourceCell?)]
    /// Q22: the texts where another project's name would show copying (empty when not compared, or when the
    /// caller hands them over one table at a time instead: see `Reviewer.reviewAcrossTables(_:texts:)`).
    let texts: [(field: String, text: String)]
    /// Q17: 主管部门 and 实施单位 with their model field and cell.
    let bodies: [(field: String, name: String, cell: SourceCell?)]
    /// Q34: the table's year and the cell it was read from.
    let fiscalYear: Int?
    let yearCell: SourceCell?

    struct Digest: Hashable, Sendable { let a: Int, b: Int }

    /// - Parameters:
    ///   - comparing: whether the table is compared with others (more than one table): only then are the
    ///     digest and the texts made.
    ///   - keepingTexts: false to leave the texts out (they are most of a table's facts); the caller then hands
    ///     them to `Reviewer.reviewAcrossTables(_:texts:)` one table at a time (`BatchFacts.texts(of:)`).
    public init(_ table: GoalTable, comparing: Bool = true, keepingTexts: Bool = true) {
        if table.isReadWithCertainty {
            self.init(read: table, comparing: comparing, keepingTexts: keepingTexts)
        } else {
            // A table no layout fitted clearly is not reviewed (Q0), nor compared: its fields may sit in the wrong
            // place, and two scratch sheets with the same copied header row are no table “submitted twice”.
            self.init(unreadFrom: table.source)
        }
    }

    private init(read table: GoalTable, comparing: Bool, keepingTexts: Bool) {
        source = table.source
        projectName = table.project?.projectName
        digest = comparing ? BatchFacts.digest(table.strippingProvenance()) : nil
        var repeated: [(scope: IndicatorScope, row: Int, name: String, value: String, cell: SourceCell?)] = []
        var texts: [(field: String, text: String)] = []
        var bodies: [(field: String, name: String, cell: SourceCell?)] = []
        if case .project(let p) = table {
            total = p.annualFunds?.total?.value
            if comparing && keepingTexts { texts = BatchFacts.texts(of: p) }
            for set in p.indicatorSets {
                var seen: [LabelKey: Int] = [:]
                // Fields read in place: binding the row would copy it (a retain per field) for every row.
                set.rows.withUnsafeBufferPointer { r in
                    for k in r.indices {
                        guard !r[k].name.isEmpty else { continue }
                        // Compared as written, byte for byte (LabelKey hashes bytes, without String's Unicode normalisation).
                        let key = LabelKey(normalized: "\(r[k].level2Raw)|\(r[k].name)|\(r[k].value.raw)")
                        if seen[key] != nil { repeated.append((set.scope, k, r[k].name, r[k].value.raw, r[k].sources?["name"])) }
                        else { seen[key] = k }
                    }
                }
            }
            for (field, name) in [("supervisingDepartment.name", p.supervisingDepartment?.name), ("implementingUnit.name", p.implementingUnit?.name)] {
                if let name { bodies.append((field, name, p.sources?[field])) }
            }
        } else {
            total = nil
        }
        if case .projectList(let list) = table {
            listTitle = list.title
            listRows = list.rows.map { ($0.projectName, $0.amount?.value, $0.sources?["amount"]) }
        } else {
            listTitle = nil
            listRows = []
        }
        repeatedRows = repeated
        self.texts = texts
        self.bodies = bodies
        switch table {
        case .project(let t): (fiscalYear, yearCell) = (t.fiscalYear, t.sources?["fiscalYear"])
        case .departmentIndicators(let t): (fiscalYear, yearCell) = (t.fiscalYear, t.sources?["fiscalYear"])
        // (These keep no field sources: the finding names the table.)
        case .projectList(let t): (fiscalYear, yearCell) = (t.fiscalYear, nil)
        case .departmentStrategic(let t): (fiscalYear, yearCell) = (t.fiscalYear, nil)
        case .departmentPerformance(let t): (fiscalYear, yearCell) = (t.fiscalYear, nil)
        }
    }

    /// Facts of a table read without certainty: nothing any rule across tables compares.
    private init(unreadFrom source: TableSource?) {
        self.source = source
        (projectName, digest, repeatedRows, total, listTitle, listRows) = (nil, nil, [], nil, nil, [])
        (texts, bodies, fiscalYear, yearCell) = ([], [], nil, nil)
    }

    /// The texts rule Q22 searches for other projects' names: the goal, the fund use, each indicator's
    /// description and basis. Empty for a table that is not a project's.
    public static func texts(of table: GoalTable) -> [(field: String, text: String)] {
        table.project.map(texts(of:)) ?? []
    }

    static func texts(of p: ProjectGoalTable) -> [(field: String, text: String)] {
        var rows: [(name: String, description: String?, basis: String?)] = []
        for set in p.indicatorSets {
            // Fields read in place: binding the row would copy it (a retain per field) for every row.
            set.rows.withUnsafeBufferPointer { r in
                for k in r.indices { rows.append((r[k].name, r[k].description, r[k].basis)) }
            }
        }
        return texts(goal: p.goals.annual, fundUse: p.fundUse, rows: rows)
    }

    /// The same from the parts a stored table can be read for without the rest (the dataset decodes only these).
    public static func texts(goal: String?, fundUse: String?, rows: [(name: String, description: String?, basis: String?)])
        -> [(field: String, text: String)] {
        var texts: [(field: String, text: String)] = [("绩效目标", goal ?? ""), ("资金用途", fundUse ?? "")]
        for r in rows { texts.append(("指标“\(r.name)”", (r.description ?? "") + (r.basis ?? ""))) }
        return texts
    }

    /// Two hashes of the table with different salts: equal tables always agree; different ones agree by
    /// chance about once in 2^128.
    private static func digest(_ table: GoalTable) -> Digest {
        var a = Hasher(), b = Hasher()
        a.combine(0 as UInt8)
        b.combine(1 as UInt8)
        a.combine(table)
        b.combine(table)
        return Digest(a: a.finalize(), b: b.finalize())
    }
}
