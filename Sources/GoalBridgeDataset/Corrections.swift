import Foundation
import GRDB
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// An analyst's change read back from the consolidated workbook and applied to the dataset.
public struct Correction: Sendable, Hashable {
    /// The indicator changed; nil for a change to the table (主管部门, 项目名称).
    public var indicator: Int64?
    public var table: Int64
    /// The column's caption in the 指标 sheet (`指标值`, `一级指标`, `主管部门` …).
    public var field: String
    public var old: String
    public var new: String
    /// Where the change was made: `指标!K12`.
    public var cell: String
}

/// A change found in the consolidated workbook that was not applied, with the reason.
public struct RefusedEdit: Sendable, Hashable {
    /// `指标!K12`, or the sheet alone for a row that is missing.
    public var cell: String
    public var field: String
    public var reason: String
}

/// Everything `apply` found: each edit applied or refused. Nothing found in the workbook goes unreported.
public struct CorrectionReport: Sendable {
    public var applied: [Correction] = []
    public var refused: [RefusedEdit] = []
}

extension Dataset {
    /// Columns of the 指标 sheet a correction changes, by caption, with the indicator field each is.
    static let correctableColumns: [String: String] = [
        "一级指标": "level1", "二级指标": "level2", "三级指标": "name", "绩效指标描述": "description", "指标值": "value",
        "指标值确定依据": "basis", "权重": "weight"]
    /// Columns that belong to the table: a change applies to the whole table.
    static let tableColumns: [String: String] = ["主管部门": "department", "项目名称": "projectName"]
    /// Columns made from 指标值 when the workbook is written: read only (a change there is said, not applied).
    static let valuePartColumns = ["符号", "数值", "单位"]

    /// Reads the 指标 sheets of a consolidated workbook and applies every change that can be applied: level names,
    /// 三级指标, description, value, basis and weight of an indicator; 主管部门 and 项目名称 of
    /// its table. The indicator rows and the stored table models change together; the table is marked corrected.
    /// Every other change is refused with its cell and reason: a column that cannot be corrected here, a row without
    /// a known 指标ID, a deleted row, a row of a file collected again since the workbook was made.
    public func applyCorrections(from path: String) throws -> CorrectionReport {
        let reader = XLSXReader()
        // 指标, and 指标 (2), 指标 (3)… when the indicators did not fit on one sheet. Read row by row: the sheets of
        // a large dataset's workbook do not fit in memory (100,000 files: 900,000 rows, 813 MB of XML).
        let sheets = try reader.sheetNames(inFile: path).filter { $0 == "指标" || ($0.hasPrefix("指标 (") && $0.hasSuffix(")")) }
        guard !sheets.isEmpty else { throw CorrectionError.noIndicatorSheet(path) }
        return try pool.write { db in
            var pass = CorrectionPass()
            for sheet in sheets { try pass.read(sheet: sheet, of: path, reader, db) }
            try pass.finish(db)
            return pass.report
        }
    }
}

/// One `apply`: the rows read, the changes gathered by table, then applied table by table.
private struct CorrectionPass {
    struct Stored {
        var table: Int64
        var scope: IndicatorScope
        var seq: Int
        var isCurrent: Bool
        var fileName: String
        /// The table's kind (`project`, `departmentPerformance` …).
        var kind: String
        /// What the 指标 sheet showed for this indicator, by caption.
        var shown: [String: String]
    }
    struct RowChange {
        var id: Int64
        var scope: IndicatorScope
        var seq: Int
        var fields: [(field: String, new: String)]
    }

    var report = CorrectionReport()
    var rowChanges: [Int64: [RowChange]] = [:]
    /// Tables with a change, in the order their first change was read.
    var tableOrder: [Int64] = []
    var ordered = Set<Int64>()
    /// Per table, per table column: the new values proposed, with their cells and the old value.
    var tableChanges: [Int64: [String: [(new: String, old: String, cell: String)]]] = [:]
    /// Indicator ids seen per current table (for rows deleted from the workbook).
    var seen: [Int64: Set<Int64>] = [:]

    static let storedSQL = """
        SELECT i.table_id, i.scope, i.seq, i.level1_raw, i.level2_raw, i.name, i.description, i.value_raw, i.basis,
               \(Dataset.comparatorSymbolSQL("i.comparator")) AS comparator, i.number_decimal AS number, i.unit, i.weight,
               COALESCE(i.sheet || '!' || i.cell, '') AS place, COALESCE(t.department, '') AS department,
               COALESCE(t.project_name, '') AS project_name, f.is_current, f.name AS file_name, t.kind
        FROM indicator i JOIN goal_table t ON t.id = i.table_id JOIN source_file f ON f.id = t.file_id WHERE i.id = ?
        """

    func stored(_ id: Int64, _ db: Database) throws -> Stored? {
        guard let row = try Row.fetchOne(db, sql: Self.storedSQL, arguments: [id]) else { return nil }
        let scope = IndicatorScope(rawValue: row["scope"]) ?? .annual
        let seq: Int = row["seq"]
        let table: Int64 = row["table_id"]
        var shown: [String: String] = [
            "指标ID": String(id), "表ID": String(table), "指标集": scope == .annual ? "年度" : "中期", "序号": String(seq + 1)]
        for (caption, column) in [("一级指标", "level1_raw"), ("二级指标", "level2_raw"), ("三级指标", "name"), ("绩效指标描述", "description"),
                                  ("指标值", "value_raw"), ("指标值确定依据", "basis"), ("符号", "comparator"), ("数值", "number"),
                                  ("单位", "unit"), ("权重", "weight"), ("原表位置", "place"), ("主管部门", "department"), ("项目名称", "project_name")] {
            shown[caption] = ReportText.text(row[column] as DatabaseValue)
        }
        return Stored(table: table, scope: scope, seq: seq, isCurrent: (row["is_current"] as Int) == 1, fileName: row["file_name"],
                      kind: row["kind"], shown: shown)
    }

    /// Why a department-wide row cannot take a change to `field` (its form has no such column); nil when it can.
    static func missingColumn(_ field: String, kind: String) -> String? {
        switch (kind, field) {
        case ("departmentStrategic", "level1"), ("departmentStrategic", "level2"), ("departmentStrategic", "basis"), ("departmentStrategic", "weight"):
            return "部门整体战略目标表没有这一列，本处改动未写回。"
        case ("departmentPerformance", "basis"), ("departmentPerformance", "weight"):
            return "部门整体绩效目标表没有这一列，本处改动未写回。"
        default:
            return nil
        }
    }

    mutating func refuse(_ cell: String, _ field: String, _ reason: String) {
        report.refused.append(RefusedEdit(cell: cell, field: field, reason: reason))
    }

    mutating func read(sheet: String, of path: String, _ reader: XLSXReader, _ db: Database) throws {
        var columns: [String: Int] = [:]
        try reader.forEachRow(ofSheet: sheet, inFile: path) { row in
            guard let rowNumber = row.first?.reference.row else { return }
            func text(_ caption: String) -> String? {
                columns[caption].flatMap { c in row.first { $0.reference.column == c }?.value.text }
            }
            func cell(_ caption: String) -> String {
                "\(sheet)!" + CellReference(row: rowNumber, column: columns[caption] ?? 0).description
            }
            if rowNumber == 0 {
                for c in row { columns[c.value.text] = c.reference.column }
                return
            }
            guard columns["指标ID"] != nil else { return }
            let filled = row.contains { !$0.value.text.trimmingCharacters(in: .whitespaces).isEmpty }
            guard let idText = text("指标ID"), let id = Int64(idText.trimmingCharacters(in: .whitespaces)) else {
                if filled { refuse(cell("指标ID"), "指标ID", "这一行没有指标ID，无法对应到已收录的指标：在汇总表中新增的行不会写回，请在原表中增加指标后重新提交。") }
                return
            }
            guard let stored = try stored(id, db) else {
                refuse(cell("指标ID"), "指标ID", "指标ID \(id) 不在数据集中（可能改动了指标ID，或汇总表来自另一个数据集），本行未写回。")
                return
            }
            if stored.isCurrent { seen[stored.table, default: []].insert(id) }
            // Every column the sheet has, against what the sheet showed when it was written.
            let changed = Dataset.indicatorHeader.filter { caption in
                columns[caption] != nil && (text(caption) ?? "") != (stored.shown[caption] ?? "")
            }
            guard !changed.isEmpty else { return }
            guard stored.isCurrent else {
                for caption in changed {
                    refuse(cell(caption), caption, "文件“\(stored.fileName)”在生成本汇总表之后已收录新版本，这一行的更正未写回；请重新生成汇总表后在新版本上更正。")
                }
                return
            }
            var change = RowChange(id: id, scope: stored.scope, seq: stored.seq, fields: [])
            for caption in changed {
                let new = text(caption) ?? ""
                let old = stored.shown[caption] ?? ""
                if let field = Dataset.correctableColumns[caption], let missing = Self.missingColumn(field, kind: stored.kind) {
                    refuse(cell(caption), caption, missing)
                } else if let field = Dataset.correctableColumns[caption] {
                    change.fields.append((field, new))
                    report.applied.append(Correction(indicator: id, table: stored.table, field: caption, old: old, new: new, cell: cell(caption)))
                } else if Dataset.tableColumns[caption] != nil {
                    tableChanges[stored.table, default: [:]][caption, default: []].append((new, old, cell(caption)))
                } else if Dataset.valuePartColumns.contains(caption) {
                    continue   // below, with the other parts
                } else {
                    refuse(cell(caption), caption, "“\(caption)”列由数据集生成，不能在汇总表中更正；本处改动未写回。")
                }
            }
            // 符号/数值/单位 are made from 指标值 when the workbook is written. Read back, a difference there cannot be
            // told from a column left stale by an earlier correction of 指标值 (applying the same workbook twice):
            // applying it could undo that correction, so it is said and not applied.
            for caption in Dataset.valuePartColumns where changed.contains(caption) {
                refuse(cell(caption), caption, changed.contains("指标值")
                       ? "同一行的“指标值”也改了：已按“指标值”更正，“\(caption)”列的改动不单独写回。"
                       : "“\(caption)”列由“指标值”生成，不能单独更正；请把完整的指标值（如 ≥95%）写在“指标值”列。")
            }
            guard !change.fields.isEmpty || tableChanges[stored.table] != nil else { return }
            if ordered.insert(stored.table).inserted { tableOrder.append(stored.table) }
            if !change.fields.isEmpty { rowChanges[stored.table, default: []].append(change) }
        }
        guard columns["指标ID"] != nil else { throw CorrectionError.noIndicatorSheet(path) }
    }

    mutating func finish(_ db: Database) throws {
        // Rows deleted from the workbook: said, not applied.
        for (table, ids) in seen.sorted(by: { $0.key < $1.key }) {
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM indicator WHERE table_id = ? ORDER BY id", arguments: [table])
            where !ids.contains(row["id"] as Int64) {
                let id: Int64 = row["id"], name: String = row["name"]
                refuse("指标", "指标ID", "指标ID \(id)（\(name)）在汇总表中被删除；删除不会写回数据集，如需删除请在原表中修改后重新提交。")
            }
        }
        // Table columns: one new value per table, else none applied.
        var tableFieldValues: [Int64: [String: String]] = [:]
        for (table, byCaption) in tableChanges {
            for (caption, proposals) in byCaption {
                let values = Array(Set(proposals.map(\.new))).sorted()
                if values.count > 1 {
                    for p in proposals {
                        refuse(p.cell, caption, "同一张表的各行把“\(caption)”改成了不同的内容（\(values.joined(separator: "、"))），无法确定用哪一个，未写回。")
                    }
                } else if let value = values.first {
                    if caption == "项目名称", try String.fetchOne(db, sql: "SELECT kind FROM goal_table WHERE id = ?", arguments: [table]) != "project" {
                        for p in proposals { refuse(p.cell, caption, "部门整体绩效目标表没有项目名称，本处改动未写回。") }
                        continue
                    }
                    tableFieldValues[table, default: [:]][caption] = value
                    for p in proposals {
                        report.applied.append(Correction(indicator: nil, table: table, field: caption, old: p.old, new: value, cell: p.cell))
                    }
                }
            }
        }
        for table in tableOrder {
            let changes = rowChanges[table] ?? []
            let fields = tableFieldValues[table] ?? [:]
            guard !changes.isEmpty || !fields.isEmpty else { continue }
            try apply(changes, fields, to: table, db)
        }
    }

    /// All changes to one table applied to its stored model; its indicator rows are rewritten with the ids they had,
    /// so every 指标ID in the workbook stays valid.
    func apply(_ changes: [RowChange], _ fields: [String: String], to tableId: Int64, _ db: Database) throws {
        guard let json = try String.fetchOne(db, sql: "SELECT model_json FROM goal_table WHERE id = ?", arguments: [tableId]) else { return }
        var table = try JSONDecoder().decode(GoalTable.self, from: Data(json.utf8))
        let vocabulary = Vocabulary.standard
        for change in changes {
            table.update(scope: change.scope, row: change.seq) { ind in
                for (field, new) in change.fields {
                    let text: String? = new.isEmpty ? nil : new
                    switch field {
                    case "level1": ind.level1Raw = new; ind.level1 = vocabulary.canonicalLevel1(new)
                    case "level2": ind.level2Raw = new
                    case "name": ind.name = new
                    case "description": ind.description = text
                    case "value": ind.value = IndicatorValue(raw: new)
                    case "basis": ind.basis = text
                    case "weight": ind.weight = text
                    default: break
                    }
                }
                ind.level2 = vocabulary.canonicalLevel2(ind.level2Raw, under: ind.level1)
            }
        }
        if let department = fields["主管部门"] {
            switch table {
            case .project(var t):
                t.supervisingDepartment = department.isEmpty ? nil : Party(name: department, code: t.supervisingDepartment?.code)
                table = .project(t)
            case .departmentIndicators(var t): t.departmentName = department.isEmpty ? nil : department; table = .departmentIndicators(t)
            default: break
            }
            try db.execute(sql: "UPDATE goal_table SET department = ? WHERE id = ?", arguments: [department.isEmpty ? nil : department, tableId])
        }
        if let name = fields["项目名称"], case .project(var t) = table {
            t.projectName = name.isEmpty ? nil : name
            table = .project(t)
            try db.execute(sql: "UPDATE goal_table SET project_name = ? WHERE id = ?", arguments: [name.isEmpty ? nil : name, tableId])
        }
        try db.execute(sql: "UPDATE goal_table SET model_json = ?, corrected = 1 WHERE id = ?", arguments: [try Dataset.modelJSON(table), tableId])
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM indicator WHERE table_id = ? ORDER BY id", arguments: [tableId])
        try db.execute(sql: "DELETE FROM indicator WHERE table_id = ?", arguments: [tableId])
        var used = 0
        for set in table.indicatorView {
            try Dataset.insertIndicators(set, table: tableId, ids: ids.dropFirst(used), db)
            used += set.rows.count
        }
    }
}

public enum CorrectionError: Error, CustomStringConvertible {
    case noIndicatorSheet(String)
    public var description: String {
        switch self {
        case .noIndicatorSheet(let p): return "\(p) 不是 GoalBridge 汇总表：没有带“指标ID”列的“指标”工作表。"
        }
    }
}
