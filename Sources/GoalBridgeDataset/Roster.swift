import Foundation
import GRDB
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// The departments expected to submit (名单), and who has: a bureau's first question.
public struct RosterEntry: Sendable, Hashable {
    public var name: String
    public var code: String?
    /// Current files filed under this department, and their tables.
    public var files: Int
    public var tables: Int
    public var submitted: Bool { files > 0 }
}

public enum RosterError: Error, CustomStringConvertible {
    case empty(String)
    public var description: String {
        switch self {
        case .empty(let p): return "名单 \(p) 中没有部门名称：请在第一个工作表的第一列逐行填写部门名称（可在第二列填写部门代码）。"
        }
    }
}

extension Dataset {
    /// Reads a roster: the first sheet of a workbook (or a text file, one name a line), first column the department's
    /// name, an optional second column its code; a header row (部门/单位/名称…) is skipped.
    public static func readRoster(_ path: String) throws -> [(name: String, code: String?)] {
        var rows: [[String]] = []
        if ["xlsx", "xlsm"].contains((path as NSString).pathExtension.lowercased()) {
            let book = try XLSXReader().read(path: path)
            guard let sheet = book.sheets.first else { throw RosterError.empty(path) }
            var byRow: [Int: [Int: String]] = [:]
            for cell in sheet.cells { byRow[cell.reference.row, default: [:]][cell.reference.column] = cell.value.text }
            for r in byRow.keys.sorted() { rows.append([byRow[r]?[0] ?? "", byRow[r]?[1] ?? ""]) }
        } else {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            rows = text.split(whereSeparator: \.isNewline).map { $0.split(whereSeparator: { $0 == "\t" || $0 == "," }).map(String.init) }
        }
        var out: [(String, String?)] = []
        var seen = Set<String>()
        for (i, row) in rows.enumerated() {
            let name = TextNormalizer.trimmed(row.first ?? "")
            guard !name.isEmpty else { continue }
            if i == 0, ["部门", "单位", "名称", "部门名称", "单位名称", "预算单位", "主管部门"].contains(TextNormalizer.labelKey(name)) { continue }
            guard seen.insert(TextNormalizer.labelKey(name)).inserted else { continue }
            let code = row.count > 1 ? TextNormalizer.trimmed(row[1]) : ""
            out.append((name, code.isEmpty ? nil : code))
        }
        guard !out.isEmpty else { throw RosterError.empty(path) }
        return out
    }

    /// Replaces the roster.
    public func setRoster(_ entries: [(name: String, code: String?)]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM roster")
            for (i, e) in entries.enumerated() {
                try db.execute(sql: "INSERT OR REPLACE INTO roster (seq, name, code) VALUES (?, ?, ?)", arguments: [i, e.name, e.code])
            }
        }
    }

    /// The roster with what each department has submitted (current files filed under it, matched by name with spaces
    /// and full-width forms ignored), in roster order; empty when there is no roster.
    public func rosterStatus() throws -> [RosterEntry] {
        try pool.read { db in
            let roster = try Row.fetchAll(db, sql: "SELECT name, code FROM roster ORDER BY seq")
            guard !roster.isEmpty else { return [] }
            var byKey: [String: (files: Int, tables: Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT \(Dataset.fileDepartmentSQL) AS department, COUNT(*) AS files, SUM(f.tables) AS tables
                FROM source_file f WHERE f.is_current = 1 GROUP BY 1
                """) {
                let key = TextNormalizer.labelKey(row["department"] as String)
                let had = byKey[key] ?? (0, 0)
                byKey[key] = (had.files + (row["files"] as Int), had.tables + ((row["tables"] as Int?) ?? 0))
            }
            return roster.map { row in
                let name: String = row["name"]
                let got = byKey[TextNormalizer.labelKey(name)] ?? (0, 0)
                return RosterEntry(name: name, code: row["code"], files: got.files, tables: got.tables)
            }
        }
    }

    /// Files the bureau filed in one folder per department: the department of each current file under `folder` is the
    /// name of the folder directly under it that holds the file (`收件/公安局/表.xlsx` → 公安局). Files directly in
    /// `folder` keep the department their tables name.
    func fileDepartmentsFromFolder(_ folder: String) throws {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let length = prefix.utf8.count
        try pool.write { db in
            // One statement per folder: the first path component after the prefix, by bytes.
            try db.execute(sql: """
                UPDATE source_file SET department = CASE WHEN instr(CAST(substr(CAST(path AS BLOB), ?1 + 1) AS TEXT), '/') > 0
                    THEN substr(CAST(substr(CAST(path AS BLOB), ?1 + 1) AS TEXT), 1, instr(CAST(substr(CAST(path AS BLOB), ?1 + 1) AS TEXT), '/') - 1)
                    ELSE NULL END
                WHERE path >= ?2 AND path < ?3 AND is_current = 1
                """, arguments: [length, prefix, String(prefix.dropLast()) + "0"])
        }
    }
}
