import ArgumentParser
import Foundation
import GoalBridge
import GoalBridgeDataset
import GoalBridgeModel

/// `goalbridge diff`: what changed between two versions of a table.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较一张表的两个版本：字段变化，新增、删除、修改的指标。Compare two versions of a table.",
        discussion: """
        goalbridge diff 旧.xlsx 新.xlsx [--json]
        goalbridge diff --db dataset.sqlite 收件/某单位.xlsx [--json]   （该文件最近两次收录的版本）
        """)

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Two workbooks (old, new); or, with --db, one collected file.")
    var paths: [String]

    @Option(help: "A dataset: compare the last two collected versions of the file.")
    var db: String?

    @Flag(help: "Print the differences as JSON.")
    var json = false

    func validate() throws {
        if db == nil && paths.count != 2 { throw ValidationError("需要两个工作簿（旧、新），或 --db 与一个已收录的文件。") }
        if db != nil && paths.count != 1 { throw ValidationError("--db 时只需一个已收录文件的路径。") }
    }

    func run() throws {
        let old: [GoalTable], new: [GoalTable]
        var heading: String
        if let db {
            let path = Collector.canonicalPath(paths[0])
            guard let versions = try Dataset.openExisting(path: db, readOnly: true).lastTwoVersions(of: path) else {
                printError("数据集中“\(path)”的版本不足两个，无法比较。")
                throw ExitCode(1)
            }
            (old, new) = (versions.old, versions.new)
            heading = "\(paths[0])：\(versions.oldAt) 收录的版本 → \(versions.newAt) 收录的版本"
        } else {
            let importer = try GoalImporter()
            let a = importer.importFile(paths[0]), b = importer.importFile(paths[1])
            for d in (a.diagnostics + b.diagnostics) where d.severity == .error { printError(d.description) }
            if a.hasErrors || b.hasErrors { throw ExitCode(1) }
            (old, new) = (a.tables, b.tables)
            heading = "\(paths[0]) → \(paths[1])"
        }
        // Tables paired by position (one table per file is the rule); extra tables are said.
        var diffs: [TableDiff] = []
        for i in 0..<min(old.count, new.count) { diffs.append(TableDiff(old: old[i], new: new[i])) }
        if json {
            print(try ModelJSON.encode(diffs))
            return
        }
        print(heading)
        if old.count != new.count { print("表的数量不同：\(old.count) → \(new.count)（按顺序比较前 \(min(old.count, new.count)) 张）") }
        for (i, d) in diffs.enumerated() {
            let name = new[i].project?.projectName ?? old[i].project?.projectName ?? "第 \(i + 1) 张表"
            if d.isEmpty { print("“\(name)”：没有变化"); continue }
            print("“\(name)”：字段变化 \(d.fields.count) 处，新增指标 \(d.added.count)，删除 \(d.removed.count)，修改 \(d.changed.count)")
            for line in d.lines { print("  " + line) }
        }
    }
}
