import ArgumentParser
import Foundation
import GoalBridgeSpreadsheet
import GoalBridge
import GoalBridgeDataset
import GoalBridgeModel
import GoalBridgeReview

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "审核绩效目标表：不全面、不匹配、不好衡量。Review goal tables; optionally write annotated return copies.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Workbooks (.xlsx). Cross-table rules (duplicates, names spelled two ways) run over all of them.")
    var files: [String] = []

    @Option(help: "Run the rules that compare tables over a whole dataset (after `collect`) and store their findings.")
    var db: String?

    @Flag(help: "Print the findings as JSON.")
    var json = false

    @Option(help: "Write a return copy of each workbook into this folder: findings as cell comments, cells highlighted, and a 审核意见 sheet.")
    var annotate: String?

    @Option(help: "Force a layout instead of detecting it.")
    var layout: String?

    @Option(name: .customLong("min-action"), help: "Only findings with this action or stronger: 退回修改 (must change) or 提示 (all).")
    var minAction: String?

    @Flag(help: "Also run the checks of the 预算管理一体化 system (S1–S7: levels complete, 计算符号, numbers with units, no placeholders, unique names, weights total 100, lengths).")
    var system = false

    func validate() throws {
        if files.isEmpty && db == nil { throw ValidationError("需要工作簿文件，或 --db 数据集。") }
        if let minAction, ReviewAction(rawValue: minAction) == nil {
            throw ValidationError("--min-action 可选：" + ReviewAction.allCases.map(\.rawValue).joined(separator: "、") + "。")
        }
    }

    func run() throws {
        if let db {
            let dataset = try Dataset.openExisting(path: db)
            let findings = try dataset.reviewAcrossTables()
            if json { print(try ModelJSON.encode(findings)) } else {
                for f in findings { print(f.description) }
                print("跨表审核：\(findings.count) 条意见，已存入 \(db)")
            }
            if files.isEmpty {
                if let annotate { try Self.annotateDataset(dataset, into: annotate, quiet: json) }
                return
            }
        }
        InputGuard.protect(files)
        let importer = try GoalImporter()
        var tables: [GoalTable] = []
        var fileOfTable: [Int: String] = [:]
        var perFile: [(file: String, range: Range<Int>)] = []
        var unreadable = 0
        for file in files {
            let result = importer.importFile(file, layout: layout)
            if result.hasErrors { unreadable += 1; result.diagnostics.filter { $0.severity == .error }.forEach { printError($0.description) } }
            let start = tables.count
            for t in result.tables { fileOfTable[tables.count] = file; tables.append(t) }
            perFile.append((file, start..<tables.count))
        }
        // 退回修改 only: what must change before the table is accepted.
        let findings = Reviewer(systemChecks: system, formFields: importer.catalog.formFields).review(tables).filter { f in
            minAction != ReviewAction.mustChange.rawValue || f.action == .mustChange
        }
        if json {
            print(try ModelJSON.encode(findings))
        } else {
            for (file, range) in perFile {
                let mine = findings.filter { range.contains($0.table) }
                print("\(file)：\(range.count) 张表，\(mine.filter { $0.severity == .error }.count) 个错误，\(mine.filter { $0.severity == .warning }.count) 个警告，\(mine.filter { $0.severity == .info }.count) 个提示")
                for f in mine.sorted(by: { ($0.table, $1.severity) < ($1.table, $0.severity) }) { print("  " + f.description) }
            }
            var byCategory: [String: Int] = [:]
            for f in findings { byCategory[f.category.rawValue, default: 0] += 1 }
            print("合计 \(findings.count) 条：" + ReviewCategory.allCases.map { "\($0.rawValue) \(byCategory[$0.rawValue] ?? 0)" }.joined(separator: "，"))
        }
        if let annotate {
            try FileManager.default.createDirectory(atPath: annotate, withIntermediateDirectories: true)
            var names = OutputNames()
            let exporter = try GoalExporter()
            for (file, range) in perFile where !range.isEmpty {
                let local = Array(tables[range])
                let mine = findings.filter { range.contains($0.table) }.map { f -> Finding in var f = f; f.table -= range.lowerBound; return f }
                // Never an input (`X-审核意见.xlsx` may be one), never the return copy of another input of the same name.
                let out = names.unique(in: annotate, base: ((file as NSString).lastPathComponent as NSString).deletingPathExtension, tail: "-审核意见", ext: "xlsx")
                try Self.writeReturnCopy(local, findings: mine, to: out, exporter: exporter)
                if !json { print("已写出 \(out)") }
            }
        }
        if unreadable > 0 { throw ExitCode(1) }
    }

    /// A return copy: the tables in their own layout with every finding as a comment on its cell, highlighted,
    /// and a 审核意见 sheet listing them (this copy's cell and the department's original cell).
    static func writeReturnCopy(_ tables: [GoalTable], findings: [Finding], to out: String, exporter: GoalExporter) throws {
        var notes: [Int: [ModelLocation: [String]]] = [:]
        for f in findings {
            notes[f.table, default: [:]][f.location, default: []].append("[\(f.rule) \(f.category.rawValue)\(f.action.map { "·" + $0.rawValue } ?? "")] \(f.message) \(f.suggestion ?? "")")
        }
        let rows: @Sendable ([Int: NotesSheet.Placement]) -> [[String]] = { placements in
            findings.enumerated().map { n, f in
                let placement = placements[f.table]
                var cell = placement?.sheet ?? ""
                if let p = placement, let c = p.cells[f.location] { cell = "\(p.sheet)!\(c)" }
                let original = [f.sheet, f.cell].compactMap { $0 }.joined(separator: "!")
                return ["\(n + 1)", f.rule, f.category.rawValue, f.severity.chinese, f.action?.rawValue ?? "", f.opinion ?? "", f.tableName ?? "",
                        cell, original, f.message, f.suggestion ?? "",
                        f.figures.sorted { $0.key < $1.key }.map { "\($0.key)：\($0.value)" }.joined(separator: "；")]
            }
        }
        let sheet = NotesSheet(title: TemplateNames.reviewSheet,
                               header: ["序号", "规则", "类别", "程度", "处理", "审核意见", "项目", "本表位置", "原表位置", "问题", "修改建议", "比对数据"],
                               columnWidths: [6, 6, 9, 6, 9, 16, 24, 16, 16, 50, 40, 30], rows: rows)
        for w in try exporter.export(tables, to: out, layout: "original", notes: notes, notesSheet: sheet) { printError(w.description) }
    }

    /// Return copies of every current file of a dataset, with the findings stored for it (its own rules and the
    /// rules across tables), filed by department: `DIR/部门/文件名-审核意见.xlsx`.
    static func annotateDataset(_ dataset: Dataset, into directory: String, quiet: Bool) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        InputGuard.protect(try dataset.collectedPaths())
        var names = OutputNames()
        let exporter = try GoalExporter()
        var written = 0
        try dataset.forEachReviewedFile { file in
            let folder = (directory as NSString).appendingPathComponent(SafeNames.fileName(file.department, ext: ""))
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let base = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
            let out = names.unique(in: folder, base: base, tail: "-审核意见", ext: "xlsx")
            try writeReturnCopy(file.tables, findings: file.findings, to: out, exporter: exporter)
            written += 1
            if !quiet { print("已写出 \(out)") }
        }
        print("退回修改稿：\(written) 个文件，按部门存放在 \(directory)")
    }
}
