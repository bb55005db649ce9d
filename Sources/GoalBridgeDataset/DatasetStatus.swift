import Foundation
import GRDB

/// The dataset at a glance (`goalbridge status`): submissions by department and status, tables, indicators,
/// findings by criterion, the last collect.
public struct DatasetStatus: Sendable {
    public struct Department: Sendable {
        public var name: String
        /// Files by status (成功, 部分成功, 失败, 撤回).
        public var files: [String: Int]
        public var tables: Int
    }
    public var departments: [Department]
    public var tables: Int
    public var indicators: Int
    /// Findings of current tables by category (不全面, 不匹配, 不好衡量, 格式).
    public var findings: [String: Int]
    public var skipped: Int
    /// The last collect: when it started (local time), files seen, new.
    public var lastRun: (startedAt: String, seen: Int, new: Int)?
}

extension Dataset {
    /// The dataset at a glance, read in one transaction (what `goalbridge status` prints).
    ///
    /// ```swift
    /// let status = try dataset.status()
    /// print(status.departments.map(\.name), status.tables)
    /// ```
    public func status() throws -> DatasetStatus {
        try pool.read { db in
            var byDepartment: [String: DatasetStatus.Department] = [:]
            let lines = try Row.fetchAll(db, sql: """
                SELECT department, status, COUNT(*) AS files, SUM(tables) AS tables
                FROM (\(Dataset.receiptLinesSQL.replacingOccurrences(of: "?1", with: "NULL")))
                WHERE status <> '\(Submissions.skippedStatus)' GROUP BY department, status
                """)
            for row in lines {
                let name: String = row["department"], status: String = row["status"]
                var d = byDepartment[name] ?? DatasetStatus.Department(name: name, files: [:], tables: 0)
                d.files[status] = row["files"]
                if status != Submissions.withdrawnStatus { d.tables += (row["tables"] as Int?) ?? 0 }
                byDepartment[name] = d
            }
            let departments = byDepartment.values.sorted {
                ($0.name == Dataset.unknownDepartment ? 1 : 0, $0.name) < ($1.name == Dataset.unknownDepartment ? 1 : 0, $1.name)
            }
            var findings: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT x.category, COUNT(*) AS n FROM finding x JOIN goal_table t ON t.id = x.table_id JOIN source_file f ON f.id = t.file_id
                WHERE f.is_current = 1 GROUP BY x.category
                """) { findings[row["category"]] = row["n"] }
            let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM goal_table t JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1") ?? 0
            let indicators = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM indicator i JOIN goal_table t ON t.id = i.table_id JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1
                """) ?? 0
            let skipped = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM skipped_file") ?? 0
            let last = try Row.fetchOne(db, sql: "SELECT datetime(started_at, 'localtime') AS at, files_seen, files_new FROM run ORDER BY id DESC LIMIT 1")
            return DatasetStatus(departments: departments, tables: tables, indicators: indicators, findings: findings, skipped: skipped,
                                 lastRun: last.map { ($0["at"] ?? "", $0["files_seen"], $0["files_new"]) })
        }
    }
}
