import Foundation
import GoalBridgeSpreadsheet
import GoalBridge
import GoalBridgeModel

extension Dataset {
    /// Writes one workbook per current table into `directory`, named `部门-项目.xlsx`, in the table's own layout
    /// (or `layout`). Corrections are in the stored models, so they are in the workbooks. Input files are never
    /// overwritten: an output path equal to a collected file is refused.
    public func exportTables(to directory: String, layout: String? = nil, exporter: GoalExporter) throws -> (written: [String], warnings: [Diagnostic]) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stored = try pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM source_file") }
        // Every collected file is an input this export must never replace, by path and by device and inode (a
        // dataset made before paths were stored absolute holds paths relative to where collect ran).
        InputGuard.protect(stored)
        let inputs = Set(stored.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var used = Set<String>()
        var written: [String] = []
        var warnings: [Diagnostic] = []
        // Tables stream from the dataset in chunks: each chunk is decoded on all cores, named in order (so names
        // are predictable), then written on all cores. Memory holds one chunk, whatever the size of the dataset.
        func exportChunk(_ rows: [String]) throws {
            let decoded = ResultSlots<Result<GoalTable, Error>>(count: rows.count)
            DispatchQueue.concurrentPerform(iterations: rows.count) { i in
                decoded.set(i, Result { try JSONDecoder().decode(GoalTable.self, from: Data(rows[i].utf8)) })
            }
            var jobs: [(path: String, table: GoalTable)] = []
            for result in decoded.values {
                let table = try result.get()
                let path = (directory as NSString).appendingPathComponent(Dataset.uniqueName(for: table, used: &used) + ".xlsx")
                guard !inputs.contains(URL(fileURLWithPath: path).standardizedFileURL.path) else {
                    throw DatasetExportError.wouldOverwriteInput(path)
                }
                jobs.append((path, table))
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
                case .failure(let error):
                    // One table that cannot be written never stops the others: it is named, with its source file.
                    let table = jobs[i].table
                    warnings.append(Diagnostic(.error, "export-failed",
                        "\(Dataset.describe(table)) 未能写出（\((jobs[i].path as NSString).lastPathComponent)）：\(error)",
                        file: table.source?.file, sheet: table.source?.sheet))
                }
            }
        }
        try pool.read { db in
            let cursor = try String.fetchCursor(db, sql: """
                SELECT t.model_json FROM goal_table t JOIN source_file f ON f.id = t.file_id
                WHERE f.is_current = 1 ORDER BY f.path, t.seq
                """)
            var chunk: [String] = []
            while let json = try cursor.next() {
                chunk.append(json)
                if chunk.count == 512 { try exportChunk(chunk); chunk.removeAll(keepingCapacity: true) }
            }
            if !chunk.isEmpty { try exportChunk(chunk) }
        }
        return (written, warnings)
    }

    /// `部门-项目`, made unique among the names already used by appending (2), (3) …
    /// A table as people name it: department and project (or the department-wide table's kind).
    static func describe(_ table: GoalTable) -> String {
        switch table {
        case .project(let t): return "“\([t.supervisingDepartment?.name, t.projectName ?? t.title].compactMap { $0 }.joined(separator: " "))”"
        case .departmentIndicators(let t): return "“\(t.departmentName ?? t.title ?? "部门整体") 部门整体绩效指标”"
        case .departmentStrategic(let t): return "“\(t.departmentName ?? "部门") 整体战略目标表”"
        case .departmentPerformance(let t): return "“\(t.departmentName ?? "部门") 整体绩效目标表”"
        case .projectList(let t): return "“\(t.title ?? "项目汇总清单")”"
        }
    }

    static func uniqueName(for table: GoalTable, used: inout Set<String>) -> String {
        var parts: [String] = []
        switch table {
        case .project(let t):
            parts = [t.supervisingDepartment?.name ?? t.implementingUnit?.name, t.projectName ?? t.title].compactMap { $0 }
        case .departmentIndicators(let t):
            parts = [t.departmentName ?? t.title ?? "部门整体"]
        case .departmentStrategic(let t):
            parts = [t.departmentName ?? "部门整体", "战略目标表"]
        case .departmentPerformance(let t):
            parts = [t.departmentName ?? "部门整体", "绩效目标表"]
        case .projectList(let t):
            parts = [t.title ?? "项目汇总清单"]
        }
        let text = parts.isEmpty ? "绩效目标表" : parts.joined(separator: "-")
        var n = 1
        var name = SafeNames.fileName(text, ext: "")
        while used.contains(name) {
            n += 1
            name = SafeNames.fileName(text, ext: "", n: n)
        }
        used.insert(name)
        return name
    }

}

public enum DatasetExportError: Error, CustomStringConvertible {
    case wouldOverwriteInput(String)
    public var description: String {
        switch self {
        case .wouldOverwriteInput(let p): return "输出文件 \(p) 是收录过的输入文件，拒绝覆盖。请换一个输出文件夹。"
        }
    }
}
