import GoalBridgeModel
import GoalBridgeSpreadsheet

/// What each non-blank cell of a sheet became when its tables were read (`goalbridge layouts try`): a field of the
/// model, a column of an indicator or record row, an extra (kept with a warning or as a known line), or a label, header
/// or title the layout matched. Derived from where the model says each value was read, so it shows what import did.
public struct CellUse: Sendable, Hashable {
    public var sheet: String
    public var cell: CellReference
    public var text: String
    /// `字段 projectName`, `指标 年度 第 3 行 · value`, `附加信息“注”`, `标签、表头或标题`, `被合并单元格遮盖（未读取）`,
    /// on a flat sheet `表头`, `说明或签署行（未读入，已提示）`, `空行（未读入，已提示）`; `表外（未读取）`.
    public var use: String
}

extension GoalImporter {
    /// Every non-blank cell of every sheet that holds a table, with what it became in `result`.
    public static func cellUses(_ workbook: Workbook, _ result: ImportResult) -> [CellUse] {
        var uses: [String: [CellReference: String]] = [:]
        var ranges: [String: [CellRange]] = [:]
        func note(_ s: SourceCell?, _ what: String) {
            guard let s, s.filledDown != true, let ref = CellReference(s.cell) else { return }
            uses[s.sheet, default: [:]][ref] = uses[s.sheet]?[ref] ?? what
        }
        func rows(_ sets: [IndicatorSet]) {
            for set in sets {
                let name = set.scope == .annual ? "年度" : "中期"
                for (k, row) in set.rows.enumerated() {
                    for (role, s) in (row.sources ?? [:]).sorted(by: { $0.key < $1.key }) { note(s, "指标 \(name) 第 \(k + 1) 行 · \(role)") }
                }
            }
        }
        for table in result.tables {
            if let sheet = table.source?.sheet, let range = table.source?.range.flatMap(CellRange.init) { ranges[sheet, default: []].append(range) }
            switch table {
            case .project(let t):
                for (field, s) in (t.sources ?? [:]).sorted(by: { $0.key < $1.key }) { note(s, "字段 \(field)") }
                rows(t.indicatorSets)
                for e in t.extras { note(e.source, "附加信息“\(e.label)”") }
            case .departmentIndicators(let t):
                for (field, s) in (t.sources ?? [:]).sorted(by: { $0.key < $1.key }) { note(s, "字段 \(field)") }
                rows([t.indicators])
                for e in t.extras { note(e.source, "附加信息“\(e.label)”") }
            case .departmentStrategic(let t):
                for (k, r) in t.rows.enumerated() { for (f, s) in (r.sources ?? [:]).sorted(by: { $0.key < $1.key }) { note(s, "记录 第 \(k + 1) 行 · \(f)") } }
                for e in t.extras { note(e.source, "附加信息“\(e.label)”") }
            case .departmentPerformance(let t):
                for (k, r) in t.rows.enumerated() { for (f, s) in (r.sources ?? [:]).sorted(by: { $0.key < $1.key }) { note(s, "记录 第 \(k + 1) 行 · \(f)") } }
                for e in t.extras { note(e.source, "附加信息“\(e.label)”") }
            case .projectList(let t):
                for (k, r) in t.rows.enumerated() { for (f, s) in (r.sources ?? [:]).sorted(by: { $0.key < $1.key }) { note(s, "清单 第 \(k + 1) 行 · \(f)") } }
                for e in t.extras { note(e.source, "附加信息“\(e.label)”") }
            }
        }
        // Text under a merge is not read: the importer names each such cell.
        for d in result.diagnostics where d.code == "covered-cell" {
            if let sheet = d.sheet, let ref = d.cell.flatMap(CellReference.init) { uses[sheet, default: [:]][ref] = "被合并单元格遮盖（未读取）" }
        }
        // A flat sheet: its header row (named by the note that found it) and the rows it said it skipped, whole.
        let flatSheets = Set(result.tables.compactMap { $0.source?.layout == FlatSheetReader.layoutId ? $0.source?.sheet : nil })
        var rowUses: [String: [Int: String]] = [:]
        for d in result.diagnostics {
            guard let sheet = d.sheet, flatSheets.contains(sheet), let ref = d.cell.flatMap(CellReference.init) else { continue }
            switch d.code {
            case "table-found", "flat-header-repeated": rowUses[sheet, default: [:]][ref.row] = "表头"
            case "flat-continued": rowUses[sheet, default: [:]][ref.row] = "续表行（未读入，已提示）"
            case "flat-note-line": rowUses[sheet, default: [:]][ref.row] = "说明或签署行（未读入，已提示）"
            case "flat-empty-row": rowUses[sheet, default: [:]][ref.row] = "空行（未读入，已提示）"
            default: break
            }
        }
        var out: [CellUse] = []
        for sheet in workbook.sheets where ranges[sheet.name] != nil {
            for cell in sheet.cells.sorted(by: { $0.reference < $1.reference }) {
                let text = cell.value.text
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                let inTable = ranges[sheet.name]?.contains { $0.first.row <= cell.reference.row && cell.reference.row <= $0.last.row } ?? false
                let use = uses[sheet.name]?[cell.reference] ?? rowUses[sheet.name]?[cell.reference.row]
                    ?? (inTable ? "标签、表头或标题" : "表外（未读取）")
                out.append(CellUse(sheet: sheet.name, cell: cell.reference, text: text, use: use))
            }
        }
        return out
    }
}
