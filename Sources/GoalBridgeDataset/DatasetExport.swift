import Foundation
import GRDB
import GoalBridgeSpreadsheet
import GoalBridge
import GoalBridgeModel

/// Which current tables `export --db` writes.
public struct ExportFilter: Sendable {
    /// Only this department's tables (主管部门, or 部门名称 of a department-wide table).
    public var department: String?
    /// Only tables corrected with `apply`.
    public var correctedOnly = false
    /// Only tables of files with these statuses (成功, 部分成功).
    public var statuses: [FileStatus]?

    /// Which tables to export; by default every current table.
    ///
    /// ```swift
    /// ExportFilter(department: "平阴县公安局", statuses: [.succeeded])
    /// ```
    public init(department: String? = nil, correctedOnly: Bool = false, statuses: [FileStatus]? = nil) {
        self.department = department
        self.correctedOnly = correctedOnly
        self.statuses = statuses
    }
}

extension Dataset {
    /// The list of what `exportTables` wrote, in the output folder: output, department, table, source file, sheet.
    public static let exportManifestName = "导出清单.csv"

    /// Writes one workbook per current table into `directory`, as `部门/项目名称.xlsx` (the project code or the source
    /// file's name when the table has no project name; two tables of one name told apart by their source file), in
    /// the table's own layout (or `layout`), and `导出清单.csv` listing which source file each output came from.
    /// Corrections are in the stored models, so they are in the workbooks. A table read without a clear layout is
    /// left out with a warning naming it (`GoalTable.isReadWithCertainty`). Input files are never overwritten: an
    /// output path equal to a collected file is refused.
    public func exportTables(to directory: String, layout: String? = nil, filter: ExportFilter = ExportFilter(),
                             exporter: GoalExporter) throws -> (written: [String], warnings: [Diagnostic]) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stored = try pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM source_file") }
        // Every collected file is an input this export must never replace, by path and by device and inode (a
        // dataset made before paths were stored absolute holds paths relative to where collect ran).
        InputGuard.protect(stored)
        let inputs = Set(stored.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var used = Set<String>()
        var written: [String] = []
        var warnings: [Diagnostic] = []
        let manifest = try CSVFile(path: (directory as NSString).appendingPathComponent(Dataset.exportManifestName),
                                   header: ["输出文件", "部门", "表", "源文件", "工作表"])
        // Tables stream from the dataset in chunks: each chunk is decoded on all cores, named in order (so names
        // are predictable), then written on all cores. Memory holds one chunk, whatever the size of the dataset.
        func exportChunk(_ rows: [(json: String, source: String)]) throws {
            let decoded = ResultSlots<Result<GoalTable, Error>>(count: rows.count)
            DispatchQueue.concurrentPerform(iterations: rows.count) { i in
                decoded.set(i, Result { try JSONDecoder().decode(GoalTable.self, from: Data(rows[i].json.utf8)) })
            }
            var jobs: [(path: String, table: GoalTable, source: String)] = []
            for (i, result) in decoded.values.enumerated() {
                let table = try result.get()
                guard table.isReadWithCertainty else {
                    warnings.append(table.leftOutOfExport)
                    continue
                }
                let relative = Dataset.uniquePath(for: table, source: rows[i].source, used: &used)
                let path = (directory as NSString).appendingPathComponent(relative)
                guard !inputs.contains(URL(fileURLWithPath: path).standardizedFileURL.path) else {
                    throw DatasetExportError.wouldOverwriteInput(path)
                }
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                jobs.append((path, table, rows[i].source))
            }
            let results = ResultSlots<Result<[Diagnostic], Error>>(count: jobs.count)
            let work = jobs
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                results.set(i, Result { try exporter.export([work[i].table], to: work[i].path, layout: layout ?? "original") })
            }
            for (i, result) in results.values.enumerated() {
                switch result {
                case .success(let w):
                    warnings += w
                    written.append(jobs[i].path)
                    let relative = String(jobs[i].path.dropFirst(directory.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    try manifest.append([relative, Dataset.departmentName(of: jobs[i].table) ?? "", Dataset.describe(jobs[i].table),
                                         jobs[i].source, jobs[i].table.source?.sheet ?? ""])
                case .failure(let error):
                    // One table that cannot be written never stops the others: it is named, with its source file.
                    let table = jobs[i].table
                    warnings.append(Diagnostic(.error, "export-failed",
                        "\(Dataset.describe(table)) 未能写出（\((jobs[i].path as NSString).lastPathComponent)）：\(error)",
                        file: table.source?.file, sheet: table.source?.sheet))
                }
            }
        }
        try forEachCurrentTable(filter, exportChunk)
        try manifest.commit()
        return (written, warnings)
    }

    /// Writes the current tables as one flat file for the 预算管理一体化 system (one row per 三级指标; see
    /// `FlatWorkbookWriter`), streamed in chunks. Returns the counts and the notes for the analyst (tables left
    /// out, values written as 定性).
    public func exportFlat(to path: String, filter: ExportFilter = ExportFilter()) throws -> (tables: Int, rows: Int, notes: [Diagnostic]) {
        let stored = try pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM source_file") }
        InputGuard.protect(stored)
        let writer = try FlatWorkbookWriter(path: path)
        try forEachCurrentTable(filter) { rows in
            for row in rows { try writer.append(try JSONDecoder().decode(GoalTable.self, from: Data(row.json.utf8))) }
        }
        let notes = try writer.close()
        return (writer.tablesWritten, writer.rowsWritten, notes)
    }

    /// The current tables the filter selects, as stored JSON with their source file, in chunks of 512 in the order
    /// of source file and position (memory holds one chunk, whatever the size of the dataset).
    private func forEachCurrentTable(_ filter: ExportFilter, _ body: ([(json: String, source: String)]) throws -> Void) throws {
        var conditions = ["f.is_current = 1"]
        var arguments: [DatabaseValueConvertible?] = []
        if let department = filter.department { conditions.append("t.department = ?"); arguments.append(department) }
        if filter.correctedOnly { conditions.append("t.corrected = 1") }
        if let statuses = filter.statuses, !statuses.isEmpty {
            conditions.append("f.status IN (" + statuses.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments += statuses.map { $0.rawValue }
        }
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT t.model_json, f.path FROM goal_table t JOIN source_file f ON f.id = t.file_id
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY f.path, t.seq
                """, arguments: StatementArguments(arguments))
            var chunk: [(json: String, source: String)] = []
            while let row = try cursor.next() {
                chunk.append((row[0], row[1]))
                if chunk.count == 512 { try body(chunk); chunk.removeAll(keepingCapacity: true) }
            }
            if !chunk.isEmpty { try body(chunk) }
        }
    }

    /// The department a table names (主管部门, or 部门名称 of a department-wide table).
    static func departmentName(of table: GoalTable) -> String? {
        let name: String?
        switch table {
        case .project(let t): name = t.supervisingDepartment?.name ?? t.implementingUnit?.name
        case .departmentIndicators(let t): name = t.departmentName
        case .departmentStrategic(let t): name = t.departmentName
        case .departmentPerformance(let t): name = t.departmentName
        case .projectList: name = nil
        }
        return name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    /// `部门/项目名称.xlsx`, relative to the output folder. A table with no project name is named by its project code,
    /// else by its source file; a name already used gets its source file's name after it (`项目（来自 甲.xlsx）`),
    /// and only then a number.
    static func uniquePath(for table: GoalTable, source: String, used: inout Set<String>) -> String {
        let folder = SafeNames.fileName(departmentName(of: table) ?? "未识别部门", ext: "")
        let sourceName = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        var base: String
        switch table {
        case .project(let t):
            base = [t.projectName, t.title, t.projectCode].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? sourceName
        case .departmentIndicators: base = "部门整体绩效指标"
        case .departmentStrategic: base = "整体战略目标表"
        case .departmentPerformance: base = "整体绩效目标表"
        case .projectList(let t): base = t.title ?? "项目汇总清单"
        }
        func candidate(_ text: String, n: Int = 1) -> String { folder + "/" + SafeNames.fileName(text, ext: "xlsx", n: n) }
        var path = candidate(base)
        if used.contains(path) { base += "（来自 \(sourceName)）"; path = candidate(base) }
        var n = 1
        while used.contains(path) { n += 1; path = candidate(base, n: n) }
        used.insert(path)
        return path
    }

    /// A table as people name it: department and project (or the department-wide table's kind).
    static func describe(_ table: GoalTable) -> String { table.quotedName(withDepartment: true) }

}

public enum DatasetExportError: Error, CustomStringConvertible {
    case wouldOverwriteInput(String)
    public var description: String {
        switch self {
        case .wouldOverwriteInput(let p): return "输出文件 \(p) 是收录过的输入文件，拒绝覆盖。请换一个输出文件夹。"
        }
    }
}
