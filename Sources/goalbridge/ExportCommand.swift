import ArgumentParser
import Foundation
import GoalBridge
import GoalBridgeModel

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "把目标文档（JSON）写成工作簿。Write goal tables (JSON) as a workbook in a layout.")

    @Argument(help: "A goal document written by `goalbridge import -o`.")
    var input: String

    @Option(name: .shortAndLong, help: "Output workbook (.xlsx).")
    var output: String

    @Option(help: "Layout id, or `original` (the layout each table was read in; the default).")
    var layout: String?

    func run() throws {
        let document = try ModelJSON.readDocument(input)
        let warnings = try GoalExporter().export(document.tables, to: output, layout: layout)
        for w in warnings { printError(w.description) }
        print("已写出 \(output)（\(document.tables.count) 张表）")
    }
}
