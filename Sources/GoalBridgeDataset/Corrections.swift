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
        let workbook = try XLSXReader().read(path: path)
        // 指标, and 指标 (2), 指标 (3)… when the indicators did not fit on one sheet.
        let sheets = workbook.sheets.filter { $0.name == "指标" || ($0.name.hasPrefix("指标 (") && $0.name.hasSuffix(")")) }
        guard !sheets.isEmpty else { throw CorrectionError.noIndicatorSheet(path) }
        var corrections: [Correction] = []
        for sheet in sheets { corrections += try applyCorrections(from: sheet, of: path) }
        return corrections
    }

    /// One sheet's corrections. Rows are read in sheet order (the reader sorts cells row by row); an unchanged row
    /// costs one small query. All changes to one table are applied to its stored model together, and its
    /// indicator rows are rewritten with the ids they had, so every 指标ID in the workbook stays valid.
    private func applyCorrections(from sheet: GoalBridgeSpreadsheet.Sheet, of path: String) throws -> [Correction] {
        var header: [Int: String] = [:]
        for cell in sheet.cells where cell.reference.row == 0 { header[cell.reference.column] = cell.value.text }
        func column(_ caption: String) -> Int? { header.first { $0.value == caption }?.key }
        guard let idColumn = column("指标ID") else { throw CorrectionError.noIndicatorSheet(path) }
        let editable: [(caption: String, column: String, field: String)] = [
            ("三级指标", "name", "name"), ("绩效指标描述", "description", "description"), ("指标值", "value_raw", "value"), ("指标值确定依据", "basis", "basis")]
        let editableColumns = editable.map { column($0.caption) }
        struct RowChange { var scope: IndicatorScope; var seq: Int; var fields: [(field: String, new: String)] }
        var corrections: [Correction] = []
        try pool.write { db in
            var byTable: [Int64: [RowChange]] = [:]
            var tableOrder: [Int64] = []
            var cells = sheet.cells[...]
            while let first = cells.first {
                let rowNumber = first.reference.row
                let end = cells.firstIndex { $0.reference.row != rowNumber } ?? cells.endIndex
                let row = cells[..<end]
                cells = cells[end...]
                guard rowNumber > 0, let idText = row.first(where: { $0.reference.column == idColumn })?.value.text, let id = Int64(idText),
                      let current = try Row.fetchOne(db, sql: "SELECT table_id, scope, seq, name, description, value_raw, basis FROM indicator WHERE id = ?",
                                                     arguments: [id])
                else { continue }
                var change = RowChange(scope: IndicatorScope(rawValue: current["scope"]) ?? .annual, seq: current["seq"], fields: [])
                for (e, c) in zip(editable, editableColumns) {
                    guard let c else { continue }
                    let new = row.first { $0.reference.column == c }?.value.text ?? ""
                    let old: String = current[e.column] ?? ""
                    if new != old {
                        change.fields.append((e.field, new))
                        corrections.append(Correction(indicator: id, field: e.column, old: old, new: new))
                    }
                }
                guard !change.fields.isEmpty else { continue }
                let tableId: Int64 = current["table_id"]
                if byTable[tableId] == nil { tableOrder.append(tableId) }
                byTable[tableId, default: []].append(change)
            }
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
