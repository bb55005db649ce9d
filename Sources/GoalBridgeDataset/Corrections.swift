import Foundation
import GRDB
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// An analyst's change read back from the consolidated workbook.
public struct Correction: Sendable, Hashable {
    public var indicator: Int64
    public var field: String
    public var old: String
    public var new: String
}

extension Dataset {
    /// Reads the 指标 sheet of a consolidated workbook and applies every changed 三级指标, 描述, 指标值 or 依据
    /// to the dataset: the indicator row and the stored table model both change, and the table is marked corrected.
    public func applyCorrections(from path: String) throws -> [Correction] {
        let reader = XLSXReader()
        // 指标, and 指标 (2), 指标 (3)… when the indicators did not fit on one sheet. Read row by row: the sheets of
        // a large dataset's workbook do not fit in memory (100,000 files: 900,000 rows, 813 MB of XML).
        let sheets = try reader.sheetNames(inFile: path).filter { $0 == "指标" || ($0.hasPrefix("指标 (") && $0.hasSuffix(")")) }
        guard !sheets.isEmpty else { throw CorrectionError.noIndicatorSheet(path) }
        var corrections: [Correction] = []
        for sheet in sheets { corrections += try applyCorrections(fromSheet: sheet, of: path, reader) }
        return corrections
    }

    /// One sheet's corrections. An unchanged row costs one small query. All changes to one table are applied to
    /// its stored model together, and its indicator rows are rewritten with the ids they had, so every 指标ID in
    /// the workbook stays valid.
    private func applyCorrections(fromSheet sheet: String, of path: String, _ reader: XLSXReader) throws -> [Correction] {
        let editable: [(caption: String, column: String, field: String)] = [
            ("三级指标", "name", "name"), ("绩效指标描述", "description", "description"), ("指标值", "value_raw", "value"), ("指标值确定依据", "basis", "basis")]
        struct RowChange { var scope: IndicatorScope; var seq: Int; var fields: [(field: String, new: String)] }
        var corrections: [Correction] = []
        try pool.write { db in
            var idColumn: Int?
            var editableColumns: [Int?] = []
            var byTable: [Int64: [RowChange]] = [:]
            var tableOrder: [Int64] = []
            try reader.forEachRow(ofSheet: sheet, inFile: path) { row in
                guard let rowNumber = row.first?.reference.row else { return }
                func text(_ column: Int?) -> String? { column.flatMap { c in row.first { $0.reference.column == c }?.value.text } }
                if rowNumber == 0 {
                    func column(_ caption: String) -> Int? { row.first { $0.value.text == caption }?.reference.column }
                    idColumn = column("指标ID")
                    editableColumns = editable.map { column($0.caption) }
                    return
                }
                guard idColumn != nil, let idText = text(idColumn), let id = Int64(idText),
                      let current = try Row.fetchOne(db, sql: "SELECT table_id, scope, seq, name, description, value_raw, basis FROM indicator WHERE id = ?",
                                                     arguments: [id])
                else { return }
                var change = RowChange(scope: IndicatorScope(rawValue: current["scope"]) ?? .annual, seq: current["seq"], fields: [])
                for (e, c) in zip(editable, editableColumns) where c != nil {
                    let new = text(c) ?? ""
                    let old: String = current[e.column] ?? ""
                    if new != old {
                        change.fields.append((e.field, new))
                        corrections.append(Correction(indicator: id, field: e.column, old: old, new: new))
                    }
                }
                guard !change.fields.isEmpty else { return }
                let tableId: Int64 = current["table_id"]
                if byTable[tableId] == nil { tableOrder.append(tableId) }
                byTable[tableId, default: []].append(change)
            }
            guard idColumn != nil else { throw CorrectionError.noIndicatorSheet(path) }
            for tableId in tableOrder {
                guard let json = try String.fetchOne(db, sql: "SELECT model_json FROM goal_table WHERE id = ?", arguments: [tableId]) else { continue }
                var table = try JSONDecoder().decode(GoalTable.self, from: Data(json.utf8))
                for change in byTable[tableId] ?? [] {
                    table.update(scope: change.scope, row: change.seq) { ind in
                        for (field, new) in change.fields {
                            switch field {
                            case "name": ind.name = new
                            case "description": ind.description = new.isEmpty ? nil : new
                            case "value": ind.value = IndicatorValue(raw: new)
                            case "basis": ind.basis = new.isEmpty ? nil : new
                            default: break
                            }
                        }
                    }
                }
                try db.execute(sql: "UPDATE goal_table SET model_json = ?, corrected = 1 WHERE id = ?",
                               arguments: [try Dataset.modelJSON(table), tableId])
                // The ids in the order the rows were inserted (set by set, row by row), given back to the same rows.
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM indicator WHERE table_id = ? ORDER BY id", arguments: [tableId])
                try db.execute(sql: "DELETE FROM indicator WHERE table_id = ?", arguments: [tableId])
                var used = 0
                let sets: [IndicatorSet]
                switch table {
                case .project(let t): sets = t.indicatorSets
                case .departmentIndicators(let t): sets = [t.indicators]
                default: sets = []
                }
                for set in sets {
                    try Dataset.insertIndicators(set, table: tableId, ids: ids.dropFirst(used), db)
                    used += set.rows.count
                }
            }
        }
        return corrections
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

extension GoalTable {
    /// Changes one indicator row in place.
    mutating func update(scope: IndicatorScope, row: Int, _ change: (inout IndicatorRow) -> Void) {
        switch self {
        case .project(var t):
            if let s = t.indicatorSets.firstIndex(where: { $0.scope == scope }), t.indicatorSets[s].rows.indices.contains(row) {
                change(&t.indicatorSets[s].rows[row])
            }
            self = .project(t)
        case .departmentIndicators(var t):
            if t.indicators.rows.indices.contains(row) { change(&t.indicators.rows[row]) }
            self = .departmentIndicators(t)
        default:
            break
        }
    }
}
