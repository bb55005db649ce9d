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
        goalbridge export --db dataset.sqlite --flat 一体化导入.xlsx    （一体化系统的指标明细：每个三级指标一行）
        goalbridge export tables.json --flat 一体化导入.xlsx
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

    @Option(help: "Write one flat workbook for the 预算管理一体化 system instead: one row per 三级指标 (from --db or a goal document).")
    var flat: String?

    @Option(help: "With --db: only this department's tables (主管部门).")
    var department: String?

    @Flag(name: .customLong("corrected-only"), help: "With --db: only tables corrected with `apply`.")
    var correctedOnly = false

    @Option(help: "With --db: only tables of files with this status (成功, 部分成功); repeatable.")
    var status: [String] = []

    func validate() throws {
        if flat != nil {
            if output != nil || out != nil { throw ValidationError("--flat 已指定输出文件，不能再用 -o 或 --out。") }
            if (db == nil) == (input == nil) { throw ValidationError("--flat 需要一个来源：目标文档（JSON）或 --db 数据集，二选一。") }
        } else {
            if db == nil && (input == nil || output == nil) { throw ValidationError("需要 JSON 文件和 -o 输出文件，或 --db 与 --out。") }
            if db != nil && out == nil { throw ValidationError("--db 需要 --out 输出文件夹。") }
        }
        for st in status where FileStatus(rawValue: st) == nil {
            throw ValidationError("--status “\(st)” 无效，可选：" + FileStatus.allCases.map(\.rawValue).joined(separator: "、") + "。")
        }
    }

    func run() throws {
        if let flat {
            let filter = ExportFilter(department: department, correctedOnly: correctedOnly, statuses: status.compactMap(FileStatus.init(rawValue:)))
            let (tables, rows, notes): (Int, Int, [Diagnostic])
            if let db {
                (tables, rows, notes) = try Dataset.openExisting(path: db, readOnly: true).exportFlat(to: flat, filter: filter)
            } else {
                InputGuard.protect([input!])
                let writer = try FlatWorkbookWriter(path: flat)
                for table in try ModelJSON.readDocument(input!).tables { try writer.append(table) }
                (tables, rows, notes) = (writer.tablesWritten, writer.rowsWritten, try writer.close())
            }
            for n in notes { printError(n.description) }
            print("已写出 \(flat)（\(tables) 张项目表，\(rows) 个三级指标，每个一行）")
            return
        }
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
        // As from a dataset: a table read without a clear layout is not written back (`isReadWithCertainty`).
        let tables = document.tables.filter(\.isReadWithCertainty)
        for t in document.tables where !t.isReadWithCertainty { printError(t.leftOutOfExport.description) }
        guard !tables.isEmpty else {
            printError("\(input!)：没有可导出的表（全部 \(document.tables.count) 张表导入时无法确定版式）。")
            throw ExitCode(1)
        }
        let warnings = try exporter.export(tables, to: output!, layout: layout)
        for w in warnings { printError(w.description) }
        print("已写出 \(output!)（\(tables.count) 张表）")
    }
}
