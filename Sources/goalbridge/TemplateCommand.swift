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

    @Option(help: ArgumentHelp("显示每个版式与该工作簿的吻合度及其未能解释的标签。Score every layout against a workbook.", valueName: "FILE"))
    var explain: String?

    func run() throws {
        if let explain {
            let importer = try GoalImporter()
            let workbook = try importer.reader.read(path: explain)
            let names = Dictionary(importer.catalog.layouts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            for (sheet, fits) in importer.explain(workbook) {
                print("工作表“\(sheet)”")
                if fits.isEmpty { print("  没有版式的必备标签齐全。") }
                for (fit, unexplained) in fits {
                    print("  \(GoalImporter.LayoutFit.percent(fit.score))\t\(fit.layout)\t（版式标签找到 \(GoalImporter.LayoutFit.percent(fit.recall))，"
                          + "表中标签认得 \(GoalImporter.LayoutFit.percent(fit.precision))）\(names[fit.layout] ?? "")")
                    if !unexplained.isEmpty {
                        print("      未解释：" + unexplained.prefix(8).joined(separator: "、") + (unexplained.count > 8 ? " 及其他 \(unexplained.count - 8) 个" : ""))
                    }
                }
            }
            return
        }
        for spec in try LayoutCatalog.bundled().layouts {
            print("\(spec.id)\t\(spec.version)\t\(spec.kind.rawValue)\t\(spec.name)")
        }
    }
}
