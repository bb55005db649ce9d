import ArgumentParser
import Foundation
import GoalBridge

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "写出空白绩效目标表模板（下拉列表、联动二级指标、保护表头、填报说明）。Write a blank template workbook.")

    @Option(help: "Layout id (see `goalbridge layouts`).")
    var layout = "standard"

    @Flag(help: "Write every layout that has a template into the directory given by -o.")
    var all = false

    @Option(name: .shortAndLong, help: "Output file (or directory with --all).")
    var output: String

    func run() throws {
        let exporter = try GoalExporter()
        if all {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for spec in exporter.catalog.layouts where spec.instructions != nil {
                let path = (output as NSString).appendingPathComponent("\(spec.id).xlsx")
                try exporter.writeTemplate(layout: spec.id, to: path)
                print("已写出 \(path)")
            }
        } else {
            try exporter.writeTemplate(layout: layout, to: output)
            print("已写出 \(output)")
        }
    }
}

struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "layouts", abstract: "列出可用版式。List the layouts.")

    func run() throws {
        for spec in try LayoutCatalog.bundled().layouts {
            print("\(spec.id)\t\(spec.version)\t\(spec.kind.rawValue)\t\(spec.name)")
        }
    }
}
