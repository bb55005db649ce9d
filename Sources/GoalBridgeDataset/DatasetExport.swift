import Foundation
import GoalBridge
import GoalBridgeModel

extension Dataset {
    /// Writes one workbook per current table into `directory`, named `部门-项目.xlsx`, in the table's own layout
    /// (or `layout`). Corrections are in the stored models, so they are in the workbooks. Input files are never
    /// overwritten: an output path equal to a collected file is refused.
    public func exportTables(to directory: String, layout: String? = nil, exporter: GoalExporter) throws -> (written: [String], warnings: [Diagnostic]) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let inputs = Set(try pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM source_file") }
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var used = Set<String>()
        // Names are chosen in order (so they are predictable); the workbooks are then written on all cores.
        var jobs: [(path: String, table: GoalTable)] = []
        for (_, _, table) in try currentTables() {
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
            var base = Dataset.safeFileName(parts.isEmpty ? "绩效目标表" : parts.joined(separator: "-"))
            if used.contains(base) {
                var n = 2
                while used.contains("\(base)(\(n))") { n += 1 }
                base = "\(base)(\(n))"
            }
            used.insert(base)
            let path = (directory as NSString).appendingPathComponent(base + ".xlsx")
            guard !inputs.contains(URL(fileURLWithPath: path).standardizedFileURL.path) else {
                throw DatasetExportError.wouldOverwriteInput(path)
            }
            jobs.append((path, table))
        }
        let results = ExportSlots(count: jobs.count)
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            results.set(i, Result { try exporter.export([work[i].table], to: work[i].path, layout: layout ?? "original") })
        }
        var written: [String] = []
        var warnings: [Diagnostic] = []
        for (i, result) in results.values.enumerated() {
            warnings += try result.get()
            written.append(jobs[i].path)
        }
        return (written, warnings)
    }

    /// A file name from department and project: no path separators or characters Windows refuses, at most 80 characters.
    static func safeFileName(_ s: String) -> String {
        let bad: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\n", "\r", "\t"]
        var out = String(s.map { bad.contains($0) ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "绩效目标表" : String(out.prefix(80))
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

/// Export results filled concurrently, one index per worker.
private final class ExportSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<[Diagnostic], Error>?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<[Diagnostic], Error>) { lock.lock(); items[i] = r; lock.unlock() }
    var values: [Result<[Diagnostic], Error>] { items.compactMap { $0 } }
}
