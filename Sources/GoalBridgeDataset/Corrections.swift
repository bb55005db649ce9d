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

    private func applyCorrections(from sheet: GoalBridgeSpreadsheet.Sheet, of path: String) throws -> [Correction] {
        var grid: [Int: [Int: String]] = [:]
        for cell in sheet.cells { grid[cell.reference.row, default: [:]][cell.reference.column] = cell.value.text }
        let header = grid[0] ?? [:]
        func column(_ caption: String) -> Int? { header.first { $0.value == caption }?.key }
        guard let idColumn = column("指标ID") else { throw CorrectionError.noIndicatorSheet(path) }
        let editable: [(caption: String, column: String, field: String)] = [
            ("三级指标", "name", "name"), ("绩效指标描述", "description", "description"), ("指标值", "value_raw", "value"), ("指标值确定依据", "basis", "basis")]
        var corrections: [Correction] = []
        try pool.write { db in
            for (r, row) in grid where r > 0 {
                guard let idText = row[idColumn], let id = Int64(idText),
                      let current = try Row.fetchOne(db, sql: "SELECT i.*, t.model_json FROM indicator i JOIN goal_table t ON t.id = i.table_id WHERE i.id = ?", arguments: [id])
                else { continue }
                var changes: [(String, String, String, String)] = []
                for e in editable {
                    guard let c = column(e.caption) else { continue }
                    let new = row[c] ?? ""
                    let old: String = current[e.column] ?? ""
                    if new != old { changes.append((e.column, e.field, old, new)) }
                }
                guard !changes.isEmpty else { continue }
                let tableId: Int64 = current["table_id"]
                let scope = IndicatorScope(rawValue: current["scope"]) ?? .annual
                let seq: Int = current["seq"]
                var table = try JSONDecoder().decode(GoalTable.self, from: Data((current["model_json"] as String).utf8))
                table.update(scope: scope, row: seq) { ind in
                    for (_, field, _, new) in changes {
                        switch field {
                        case "name": ind.name = new
                        case "description": ind.description = new.isEmpty ? nil : new
                        case "value": ind.value = IndicatorValue(raw: new)
                        case "basis": ind.basis = new.isEmpty ? nil : new
                        default: break
                        }
                    }
                }
                try db.execute(sql: "UPDATE goal_table SET model_json = ?, corrected = 1 WHERE id = ?",
                               arguments: [try Dataset.modelJSON(table), tableId])
                try db.execute(sql: "DELETE FROM indicator WHERE table_id = ?", arguments: [tableId])
                switch table {
                case .project(let t): for set in t.indicatorSets { try Dataset.insertIndicators(set, table: tableId, db) }
                case .departmentIndicators(let t): try Dataset.insertIndicators(t.indicators, table: tableId, db)
                default: break
                }
                for (column, _, old, new) in changes { corrections.append(Correction(indicator: id, field: column, old: old, new: new)) }
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
