import Foundation
import GRDB

/// Which files count as submissions, and what becomes of one that goes away (issue 14, "every submission
/// counted"): a submission is a workbook file at its canonical path; a file that is not a workbook at all is listed
/// as skipped; a file gone from a folder collected again is withdrawn (撤回).
public enum Submissions {
    /// File name extensions of spreadsheets: read (an .xls or .ods is then refused with its reason, 失败). A name
    /// with no extension is read too: its content decides.
    public static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm", "xls", "xlt", "et", "ett", "ods", "csv"]

    /// What the receipt says of a file that is not a workbook.
    public static let skippedStatus = "非工作簿，已跳过"
    /// What the receipt says of a withdrawn file.
    public static let withdrawnStatus = "撤回"

    /// True for a file to read as a workbook; false for a cover letter, a scan, a manifest … (.docx, .pdf, .jpg,
    /// .json, .txt): those are listed as skipped, never stored as failed submissions.
    public static func isWorkbookName(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return ext.isEmpty || workbookExtensions.contains(ext)
    }

    /// Why a file was skipped, in words a clerk acts on.
    static func skipReason(_ path: String) -> String {
        let ext = (path as NSString).pathExtension
        return "“.\(ext)”文件不是电子表格，未收录；绩效目标表请以 .xlsx 工作簿提交。"
    }
}

extension Dataset {
    /// Current files under `folder` (its canonical, absolute path), by path.
    public func currentPaths(under folder: String) throws -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        // Every path that starts with `prefix`: the range [prefix, prefix with its last byte + 1) in byte order
        // ('/' + 1 is '0'), searched through source_file_path.
        let upper = String(prefix.dropLast()) + "0"
        return try pool.read { db in
            try String.fetchAll(db, sql: "SELECT path FROM source_file WHERE path >= ? AND path < ? AND is_current = 1", arguments: [prefix, upper])
        }
    }

    /// Marks the current versions of `paths` withdrawn (撤回): no longer current, so no longer in the tables, the
    /// review or the exports; the receipt lists them as withdrawn. Returns the paths that were current.
    @discardableResult
    public func withdraw(_ paths: [String]) throws -> [String] {
        guard !paths.isEmpty else { return [] }
        let at = Dataset.now()
        return try pool.write { db in
            var done: [String] = []
            for path in paths {
                try db.execute(sql: "UPDATE source_file SET is_current = 0, withdrawn_at = ? WHERE path = ? AND is_current = 1", arguments: [at, path])
                if db.changesCount > 0 { done.append(path) }
            }
            return done
        }
    }

    /// Records the files of a run that are not workbooks (replacing what earlier runs said of those paths, and of
    /// any path under `folders` no longer there).
    func recordSkipped(_ paths: [String], folders: [String], run: Int64) throws {
        let at = Dataset.now()
        try pool.write { db in
            for folder in folders {
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                try db.execute(sql: "DELETE FROM skipped_file WHERE path >= ? AND path < ?", arguments: [prefix, String(prefix.dropLast()) + "0"])
            }
            for path in paths {
                try db.execute(sql: "INSERT OR REPLACE INTO skipped_file (path, name, run_id, reason, seen_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [path, (path as NSString).lastPathComponent, run, Submissions.skipReason(path), at])
            }
        }
    }
}
