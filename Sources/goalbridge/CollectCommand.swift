import ArgumentParser
import Foundation
import GoalBridgeSpreadsheet
import GoalBridgeDataset

struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "汇集大量填报工作簿到一个数据集（SQLite），给出回执。Collect workbooks into a dataset.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Files, folders (searched recursively) and glob patterns.")
    var paths: [String]

    @Option(help: "The dataset file (created when missing).")
    var db = "dataset.sqlite"

    @OptionGroup var outputs: OutputOptions

    @Flag(help: "No progress display.")
    var quiet = false

    @Flag(name: .customLong("department-from-folder"), help: "File each file under the department folder it sits in (收件/公安局/表.xlsx → 公安局).")
    var departmentFromFolder = false

    @Option(help: "The departments expected to submit (名单.xlsx: one column of names, optional codes): receipts and status say who has not.")
    var roster: String?

    func validate() throws {
        // A mistyped folder is a mistake of the command, not a submission: nothing is stored for it.
        let missing = paths.filter { path in
            !(path.contains("*") || path.contains("?") || path.contains("[")) && !FileManager.default.fileExists(atPath: path)
        }
        if !missing.isEmpty {
            throw ValidationError("找不到 " + missing.joined(separator: "、") + "。请检查路径；没有收录任何文件。")
        }
    }

    func run() throws {
        guard ProcessInfo.processInfo.environment[CollectSupervisor.workerVariable] != nil else {
            // This process supervises; a child collects (see CollectSupervisor).
            let code = try CollectSupervisor(arguments: Array(CommandLine.arguments.dropFirst()), db: db).run()
            if code != 0 { throw ExitCode(code) }
            return
        }
        let dataset = try Dataset(path: db)
        if let roster { try dataset.setRoster(try Dataset.readRoster(roster)) }
        var collector = try Collector(dataset: dataset)
        collector.departmentFromFolder = departmentFromFolder
        collector.journal = try ReadingJournal(path: ReadingJournal.path(forDataset: db))
        let tty = isatty(STDERR_FILENO) == 1
        var lastLine = Date.distantPast
        let summary = try collector.collect(paths) { p in
            guard !quiet else { return }
            let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
            if tty {
                let width = 30
                let filled = p.total > 0 ? width * p.done / p.total : width
                let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled)
                FileHandle.standardError.write(Data("\r收录 ▕\(bar)▏ \(p.done)/\(p.total)  新增 \(p.new)  未变 \(p.unchanged)  失败 \(p.failed)  \(Int(rate)) 个/秒 ".utf8))
                if p.done == p.total { FileHandle.standardError.write(Data("\n".utf8)) }
            } else if Date().timeIntervalSince(lastLine) > 2 || p.done == p.total {
                lastLine = Date()
                printError("收录 \(p.done)/\(p.total) 个文件，新增 \(p.new)，未变 \(p.unchanged)，失败 \(p.failed)，\(Int(rate)) 个/秒")
            }
        }
        print("本次：\(summary.seen) 个文件，新增 \(summary.new)，内容未变 \(summary.unchanged)，用时 \(String(format: "%.1f", summary.elapsed)) 秒")
        print("数据集 \(db)：" + FileStatus.allCases.map { "\($0.rawValue) \(summary.byStatus[$0] ?? 0)" }.joined(separator: "，"))
        if !summary.skipped.isEmpty {
            print("\(Submissions.skippedStatus) \(summary.skipped.count) 个：" + Self.names(summary.skipped))
        }
        if !summary.withdrawn.isEmpty {
            print("\(Submissions.withdrawnStatus) \(summary.withdrawn.count) 个（已不在收件文件夹中）：" + Self.names(summary.withdrawn))
        }
        let roll = try dataset.rosterStatus()
        if !roll.isEmpty {
            let missing = roll.filter { !$0.submitted }
            print("名单 \(roll.count) 个部门：已提交 \(roll.count - missing.count)，未提交 \(missing.count)" + (missing.isEmpty ? "" : "：" + missing.map(\.name).joined(separator: "、")))
        }
        let reasons = try dataset.topReasons()
        if !reasons.isEmpty {
            print("失败原因：")
            for (reason, n) in reasons { print("  \(n) 个：\(reason)") }
        }
        // The outputs may be asked for inside the inbox: none of them may replace a collected file.
        InputGuard.protect(Collector.expand(paths).filter { file in
            let name = (file as NSString).lastPathComponent
            return [outputs.receipt, outputs.xlsx].contains { $0.map { ($0 as NSString).lastPathComponent == name } ?? false }
                || (outputs.csv != nil && name.hasSuffix(".csv")) || (outputs.receiptDir != nil && name.hasPrefix("回执-"))
        })
        if outputs.any {
            // The rules across tables first, so the outputs carry their findings whatever the order of commands.
            let findings = try dataset.reviewAcrossTables()
            print("跨表审核：\(findings.count) 条意见")
            try outputs.write(from: dataset)
        }
        // As the other commands: 1 when a file of this run could not be read (all the others were still collected).
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

extension CollectCommand {
    /// File names for one summary line: the first ten, then how many more.
    static func names(_ paths: [String]) -> String {
        let shown = paths.prefix(10).map { ($0 as NSString).lastPathComponent }.joined(separator: "、")
        return paths.count > 10 ? shown + " 等 \(paths.count) 个" : shown
    }
}

/// `goalbridge report`: every output written from the dataset alone, so the order of `collect` and `check --db`
/// no longer matters.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "由数据集生成回执、汇总表和 CSV（先运行跨表审核）。Write receipts, the consolidated workbook and CSV from a dataset.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Option(help: "The dataset file.")
    var db = "dataset.sqlite"

    @OptionGroup var outputs: OutputOptions

    @Flag(name: .customLong("no-review"), help: "Do not run the rules across tables first (their findings as last stored).")
    var noReview = false

    func validate() throws {
        if !outputs.any { throw ValidationError("请指定至少一个输出：--receipt、--receipt-dir、--csv 或 --xlsx。") }
    }

    func run() throws {
        let dataset = try Dataset.openExisting(path: db)
        if !noReview {
            let findings = try dataset.reviewAcrossTables()
            print("跨表审核：\(findings.count) 条意见")
        }
        try outputs.write(from: dataset)
    }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "把已收录的文件标为撤回（不再计入数据集）。Mark collected files as withdrawn.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Collected files, or folders (every collected file under them).")
    var paths: [String]

    @Option(help: "The dataset file.")
    var db = "dataset.sqlite"

    func run() throws {
        let dataset = try Dataset.openExisting(path: db)
        var targets: [String] = []
        for path in paths {
            let absolute = Collector.canonicalPath(path)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir), isDir.boolValue {
                targets += try dataset.currentPaths(under: absolute)
            } else {
                targets.append(absolute)
            }
        }
        let done = try dataset.withdraw(targets)
        for path in done { print("撤回：" + path) }
        let unknown = Set(targets).subtracting(done).sorted()
        for path in unknown { printError("数据集中没有“\(path)”的当前版本，未作改动。") }
        print("已撤回 \(done.count) 个文件。")
        if !unknown.isEmpty || done.isEmpty { throw ExitCode(1) }
    }
}

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "把汇总表（指标工作表）中的更正写回数据集。Apply corrections made in the consolidated workbook.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "The consolidated workbook written by `collect --xlsx`, with corrections.")
    var workbook: String

    @Option(help: "The dataset file.")
    var db = "dataset.sqlite"

    func run() throws {
        let report = try Dataset.openExisting(path: db).applyCorrections(from: workbook)
        for c in report.applied {
            let what = c.indicator.map { "指标 \($0)" } ?? "表 \(c.table)"
            print("已更正 \(c.cell) \(what) \(c.field)：“\(c.old)” → “\(c.new)”")
        }
        for r in report.refused { print("未写回 \(r.cell) \(r.field)：\(r.reason)") }
        print("已更正 \(report.applied.count) 处" + (report.refused.isEmpty ? "。" : "，未写回 \(report.refused.count) 处（原因见上）。"))
        // Exit 1 when an edit could not be applied: the analyst must see it.
        if !report.refused.isEmpty { throw ExitCode(1) }
    }
}

/// `goalbridge status`: the dataset at a glance.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "数据集概况：各部门提交情况、表、指标、审核意见、最近一次收录。Show the dataset at a glance.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Option(help: "The dataset file.")
    var db = "dataset.sqlite"

    func run() throws {
        let s = try Dataset.openExisting(path: db, readOnly: true).status()
        let statuses = FileStatus.allCases.map(\.rawValue) + [Submissions.withdrawnStatus]
        print("数据集 \(db)")
        if let last = s.lastRun { print("最近一次收录：\(last.startedAt)，\(last.seen) 个文件，新增 \(last.new)") }
        let files = s.departments.reduce(0) { $0 + $1.files.values.reduce(0, +) }
        print("文件 \(files) 个（" + statuses.map { st in "\(st) \(s.departments.reduce(0) { $0 + ($1.files[st] ?? 0) })" }.joined(separator: "，")
              + (s.skipped > 0 ? "；非工作簿已跳过 \(s.skipped) 个" : "") + "），表 \(s.tables) 张，指标 \(s.indicators) 条")
        print("审核意见：" + (s.findings.isEmpty ? "无" : s.findings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，")))
        let roll = try Dataset.openExisting(path: db, readOnly: true).rosterStatus()
        if !roll.isEmpty {
            let missing = roll.filter { !$0.submitted }
            print("名单：\(roll.count) 个部门，已提交 \(roll.count - missing.count)，未提交 \(missing.count)")
            for m in missing { print("  未提交：\(m.name)" + (m.code.map { "（\($0)）" } ?? "")) }
        }
        print("各部门：")
        for d in s.departments {
            let parts = statuses.compactMap { st in d.files[st].map { "\(st) \($0)" } }
            print("  \(d.name)：" + parts.joined(separator: "，") + "；表 \(d.tables) 张")
        }
    }
}

/// The outputs `collect` and `report` write from a dataset: receipts (whole run, per department), CSV, the consolidated
/// workbook.
struct OutputOptions: ParsableArguments {
    @Option(help: "Write the receipt workbook (one row per file, one row per problem).")
    var receipt: String?

    @Option(name: .customLong("receipt-dir"), help: "Write one receipt per department into this folder (回执-部门.xlsx).")
    var receiptDir: String?

    @Option(help: "The batch's name, printed on the receipts (e.g. 2025年项目支出绩效目标第一批).")
    var batch: String?

    @Option(help: "Write one CSV per entity into this folder (UTF-8 with BOM).")
    var csv: String?

    @Option(help: "Write the consolidated workbook (汇总表): 项目, 指标, 问题, 回执.")
    var xlsx: String?

    var any: Bool { receipt != nil || receiptDir != nil || csv != nil || xlsx != nil }

    func write(from dataset: Dataset) throws {
        if let receipt { try dataset.writeReceipt(to: receipt, options: ReceiptOptions(batch: batch)); print("回执：\(receipt)") }
        if let receiptDir {
            let written = try dataset.writeReceipts(toDirectory: receiptDir, batch: batch)
            print("各部门回执：\(written.count) 份，在 \(receiptDir)")
        }
        if let csv { for p in try dataset.writeCSV(to: csv) { print("CSV：\(p)") } }
        if let xlsx { try dataset.writeConsolidated(to: xlsx); print("汇总表：\(xlsx)") }
    }
}
