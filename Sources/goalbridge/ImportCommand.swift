import ArgumentParser
import Foundation
import GoalBridgeSpreadsheet
import GoalBridge
import GoalBridgeModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "从工作簿导入绩效目标表。Import goal tables from workbooks into the model.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Workbooks (.xlsx).")
    var files: [String]

    @Option(help: "Force a layout instead of detecting it.")
    var layout: String?

    @Flag(help: "Print one JSON report per file (tables and diagnostics; JSON Lines when several files).")
    var json = false

    @Option(name: .shortAndLong, help: "Write all tables as one goal document (JSON) for `goalbridge export`.")
    var output: String?

    @Flag(help: "Also print informational diagnostics.")
    var verbose = false

    func run() throws {
        InputGuard.protect(files)
        let importer = try GoalImporter()
        var all: [GoalTable] = []
        var failed = false
        for file in files {
            let result = importer.importFile(file, layout: layout)
            all += result.tables
            failed = failed || result.hasErrors
            if json {
                print(try ModelJSON.encode(ImportReport(file: file, tables: result.tables, diagnostics: result.diagnostics), pretty: files.count == 1))
            } else {
                print("\(file)：\(result.tables.count) 张表，\(result.diagnostics.filter { $0.severity == .warning }.count) 条警告，\(result.diagnostics.filter { $0.severity == .error }.count) 个错误")
                for t in result.tables {
                    if case .project(let p) = t {
                        print("  · \(p.projectName ?? "（无项目名称）")  版式 \(p.source?.layout ?? "?")  指标 \(p.indicatorSets.map { "\($0.scope.rawValue) \($0.rows.count) 行" }.joined(separator: "，"))")
                    } else if case .departmentIndicators(let d) = t {
                        print("  · \(d.departmentName ?? "（无部门名称）")  版式 \(d.source?.layout ?? "?")  指标 \(d.indicators.rows.count) 行")
                    }
                }
                // Which layout each table was read in, and how well it fits (吻合度), always: the clerk sees what was assumed.
                for d in result.diagnostics where verbose || d.severity != .info || d.code == "table-found" { printError("  " + d.description) }
            }
        }
        if let output {
            try ModelJSON.write(try ModelJSON.encode(GoalDocument(tables: all)), to: output)
            if !json { print("已写出 \(output)（\(all.count) 张表）") }
        }
        if failed { throw ExitCode(1) }
    }
}
