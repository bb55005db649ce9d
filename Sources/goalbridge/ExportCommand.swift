import ArgumentParser
import Foundation
import GoalBridgeSpreadsheet
import GoalBridge
import GoalBridgeDataset
import GoalBridgeModel

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "把目标文档（JSON）或数据集写成工作簿。Write goal tables as workbooks.",
        discussion: """
        goalbridge export tables.json -o 导出.xlsx [--layout standard]
        goalbridge export --db dataset.sqlite --out 导出/ [--layout original|standard|ID]   （每张表一个工作簿，含更正）
        """)

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "A goal document written by `goalbridge import -o`.")
    var input: String?

    @Option(name: .shortAndLong, help: "Output workbook (.xlsx), for a goal document.")
    var output: String?

    @Option(help: "A dataset written by `goalbridge collect`: write one workbook per table.")
    var db: String?

    @Option(help: "Output folder, with --db.")
    var out: String?

    @Option(help: "Layout id, or `original` (the layout each table was read in; the default).")
    var layout: String?

    @Option(help: "With --db: only this department's tables (主管部门).")
    var department: String?

    @Flag(name: .customLong("corrected-only"), help: "With --db: only tables corrected with `apply`.")
    var correctedOnly = false

    @Option(help: "With --db: only tables of files with this status (成功, 部分成功); repeatable.")
    var status: [String] = []

    func validate() throws {
        if db == nil && (input == nil || output == nil) { throw ValidationError("需要 JSON 文件和 -o 输出文件，或 --db 与 --out。") }
        if db != nil && out == nil { throw ValidationError("--db 需要 --out 输出文件夹。") }
        for st in status where FileStatus(rawValue: st) == nil {
            throw ValidationError("--status “\(st)” 无效，可选：" + FileStatus.allCases.map(\.rawValue).joined(separator: "、") + "。")
        }
    }

    func run() throws {
        let exporter = try GoalExporter()
        if let db, let out {
            let filter = ExportFilter(department: department, correctedOnly: correctedOnly, statuses: status.compactMap(FileStatus.init(rawValue:)))
            let (written, warnings) = try Dataset.openExisting(path: db, readOnly: true).exportTables(to: out, layout: layout, filter: filter, exporter: exporter)
            for w in warnings { printError(w.description) }
            let failed = warnings.filter { $0.severity == .error }.count
            print("已写出 \(written.count) 个工作簿到 \(out)（按部门分文件夹；每个工作簿来自哪个源文件见 \(Dataset.exportManifestName)）"
                  + (failed > 0 ? "，\(failed) 张表未能写出（见上）" : ""))
            if failed > 0 { throw ExitCode(1) }
            return
        }
        InputGuard.protect([input!])
        let document = try ModelJSON.readDocument(input!)
        let warnings = try exporter.export(document.tables, to: output!, layout: layout)
        for w in warnings { printError(w.description) }
        print("已写出 \(output!)（\(document.tables.count) 张表）")
    }
}
