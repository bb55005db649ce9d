import Foundation
import GRDB
import GoalBridgeModel
import GoalBridgeReview

/// A current file of the dataset with its tables and every finding on them, for annotated return copies
/// (`check --db --annotate`).
public struct ReviewedFile: Sendable {
    public var path: String
    /// The department the file is filed under (`Dataset.unknownDepartment` when none).
    public var department: String
    public var tables: [GoalTable]
    /// Findings with `table` indexing `tables`.
    public var findings: [Finding]
}

extension Dataset {
    /// Every path ever collected (outputs must never replace one).
    public func collectedPaths() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT path FROM source_file") }
    }

    /// Every current file with tables, one at a time, in path order (memory holds one file's tables).
    public func forEachReviewedFile(_ body: (ReviewedFile) throws -> Void) throws {
        try pool.read { db in
            let files = try Row.fetchAll(db, sql: """
                SELECT f.id, f.path, \(Dataset.fileDepartmentSQL) AS department FROM source_file f
                WHERE f.is_current = 1 AND f.tables > 0 ORDER BY f.path
                """)
            let decoder = JSONDecoder()
            for file in files {
                let fileId: Int64 = file["id"]
                let rows = try Row.fetchAll(db, sql: "SELECT id, model_json FROM goal_table WHERE file_id = ? ORDER BY seq", arguments: [fileId])
                var tables: [GoalTable] = []
                var index: [Int64: Int] = [:]
                for row in rows {
                    index[row["id"]] = tables.count
                    tables.append(try decoder.decode(GoalTable.self, from: Data((row["model_json"] as String).utf8)))
                }
                var findings: [Finding] = []
                for x in try Row.fetchAll(db, sql: """
                    SELECT x.table_id, x.rule, x.category, x.severity, x.message, x.suggestion, x.location, x.sheet, x.cell, x.figures
                    FROM finding x JOIN goal_table t ON t.id = x.table_id WHERE t.file_id = ? ORDER BY x.rowid
                    """, arguments: [fileId]) {
                    guard let table = index[x["table_id"]],
                          let category = ReviewCategory(rawValue: x["category"]), let severity = ReviewSeverity(rawValue: x["severity"]),
                          let location = try? decoder.decode(ModelLocation.self, from: Data((x["location"] as String).utf8)) else { continue }
                    let figures = (x["figures"] as String?).flatMap { try? decoder.decode([String: String].self, from: Data($0.utf8)) } ?? [:]
                    let rule: String = x["rule"]
                    let meta = ReviewConfiguration.standard.rules[rule]
                    findings.append(Finding(rule: rule, category: category, severity: severity, message: x["message"], suggestion: x["suggestion"],
                                            table: table, tableName: tables[table].project?.projectName, location: location,
                                            file: file["path"], sheet: x["sheet"], cell: x["cell"], figures: figures,
                                            action: meta?.effectiveAction, opinion: meta?.opinion))
                }
                try body(ReviewedFile(path: file["path"], department: file["department"], tables: tables, findings: findings))
            }
        }
    }
}

extension Dataset {
    /// A finding's action (退回修改 / 提示) from its rule, as SQL over a rule column (review-rules.json is the source).
    static func actionSQL(_ rule: String) -> String {
        let rules = ReviewConfiguration.standard.rules.sorted { $0.key < $1.key }
        return ReportText.sqlCase(rule, rules.map { ($0.key, $0.value.effectiveAction.rawValue) }, otherwise: "'提示'")
    }

    /// A finding's standard opinion from its rule, as SQL.
    static func opinionSQL(_ rule: String) -> String {
        let rules = ReviewConfiguration.standard.rules.sorted { $0.key < $1.key }
        return ReportText.sqlCase(rule, rules.compactMap { r in r.value.opinion.map { (r.key, $0) } }, otherwise: "''")
    }
}
