import ArgumentParser
import Foundation
import GoalBridge
import GoalBridgeSpreadsheet

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "写出空白绩效目标表模板（下拉列表、联动二级指标、保护表头、填报说明）。Write a blank template workbook.")

    @OptionGroup var layoutOptions: LayoutOptions

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
    static let configuration = CommandConfiguration(
        commandName: "layouts", abstract: "列出可用版式；检查版式文件。List the layouts; check layout files.",
        subcommands: [LayoutsListCommand.self, LayoutsCheckCommand.self, LayoutsTryCommand.self, LayoutsDraftCommand.self], defaultSubcommand: LayoutsListCommand.self)
}

/// `goalbridge layouts [--explain FILE]`: every layout with where it came from, or every layout's fit to a workbook.
struct LayoutsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出可用版式及其来源。List the layouts and where they come from.")

    @OptionGroup var layoutOptions: LayoutOptions

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
        let catalog = try LayoutCatalog.current()
        for spec in catalog.layouts.sorted(by: { $0.id < $1.id }) {
            print("\(spec.id)\t\(spec.version)\t\(spec.kind.rawValue)\t\(spec.name)\t\(catalog.origins[spec.id] ?? LayoutCatalog.builtInOrigin)")
        }
    }
}

/// `goalbridge layouts check FILE...`: validates layout files (keys, fields, roles, lists, spans and widths, anchors
/// shared with other layouts); exits 1 on errors.
struct LayoutsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "检查版式文件。Check layout files.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Layout files (*.json).")
    var files: [String]

    func run() throws {
        let catalog = try LayoutCatalog.current()
        var failed = 0
        for file in files {
            do {
                let spec = try LayoutFile.load(try Data(contentsOf: URL(fileURLWithPath: file)), file: file)
                // An anchor another layout has too: both would be tried on the same tables (detection tells them
                // apart by their other labels, so this is a notice, not an error).
                let anchors = Set(spec.anchor)
                let sharing = catalog.layouts.filter { $0.id != spec.id && !anchors.isDisjoint(with: $0.anchor) }.map(\.id)
                print("\(file)：正确（版式 \(spec.id)，\(spec.kind.rawValue)，\(spec.rows.count) 行定义）"
                      + (sharing.isEmpty ? "" : "；锚点与 " + sharing.joined(separator: "、") + " 相同，识别时靠其他标签区分"))
            } catch let error as LayoutError {
                failed += 1
                printError("\(file)：\(error.reason)")
            } catch {
                failed += 1
                printError("\(file)：无法读取文件。")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// `goalbridge layouts try LAYOUT.json SAMPLE.xlsx`: reads a sample with a layout being written and shows, cell by
/// cell, what each non-blank cell becomes (field, indicator or record column, label, known line, extra) and the score.
struct LayoutsTryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "try", abstract: "用版式文件读取样表，逐格显示读成了什么。Try a layout on a sample workbook.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "The layout file (*.json).")
    var layout: String

    @Argument(help: "A sample workbook (.xlsx).")
    var sample: String

    func run() throws {
        let spec: LayoutSpec
        do { spec = try LayoutFile.load(try Data(contentsOf: URL(fileURLWithPath: layout)), file: layout) } catch let e as LayoutError {
            printError("\(layout)：\(e.reason)")
            throw ExitCode(1)
        }
        var catalog = try LayoutCatalog.current()
        catalog.replace(spec, origin: layout)
        let importer = try GoalImporter(catalog: catalog)
        let workbook = try importer.reader.read(path: sample)
        for (sheet, fits) in importer.explain(workbook) {
            let mine = fits.first { $0.fit.layout == spec.id }
            let rank = fits.firstIndex { $0.fit.layout == spec.id }.map { $0 + 1 }
            print("工作表“\(sheet)”：本版式吻合度 " + (mine.map { GoalImporter.LayoutFit.percent($0.fit.score) } ?? "—（必备标签不全）")
                  + (rank.map { "，在 \(fits.count) 个版式中排第 \($0)" } ?? ""))
            if let unexplained = mine?.unexplained, !unexplained.isEmpty { print("  本版式不认识的标签：" + unexplained.prefix(10).joined(separator: "、")) }
        }
        let result = importer.importWorkbook(workbook, file: sample, layout: spec.id)
        for d in result.diagnostics where d.severity != .info { printError(d.description) }
        for use in GoalImporter.cellUses(workbook, result) {
            let text = use.text.replacingOccurrences(of: "\n", with: " ")
            print("\(use.sheet)!\(use.cell)\t\(use.use)\t\(text.count > 30 ? String(text.prefix(30)) + "…" : text)")
        }
        print("\(result.tables.count) 张表；\(result.diagnostics.filter { $0.severity == .warning }.count) 条警告，\(result.diagnostics.filter { $0.severity == .error }.count) 个错误。")
    }
}

/// `goalbridge layouts draft SAMPLE.xlsx [-o NEW.json]`: drafts a layout from a department's sample (blank or filled),
/// lists what it could not place, and reads the sample back with the draft to show it works.
struct LayoutsDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "draft", abstract: "从样表起草版式文件。Draft a layout from a sample workbook.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "A sample workbook (.xlsx), blank or filled.")
    var sample: String

    @Option(name: .shortAndLong, help: "Where to write the draft (default: print it).")
    var output: String?

    @Option(help: "The draft's id (default: the output file's name, or `draft`).")
    var id: String?

    @Option(help: "The sheet to draft from (default: the first visible sheet with content).")
    var sheet: String?

    func run() throws {
        InputGuard.protect([sample])
        let catalog = try LayoutCatalog.current()
        let workbook = try XLSXReader().read(path: sample)
        guard let chosen = workbook.sheets.first(where: { s in sheet.map { s.name == $0 } ?? (s.state == .visible && !s.cells.isEmpty) }) else {
            printError(sheet.map { "样表中没有名为“\($0)”的工作表。" } ?? "样表中没有有内容的工作表。")
            throw ExitCode(1)
        }
        let draftId = id ?? output.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "draft"
        let draft = LayoutDrafter(catalog: catalog).draft(chosen, id: draftId)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(draft.spec)
        // The draft must pass the same checks as any layout file.
        let spec: LayoutSpec
        do { spec = try LayoutFile.load(data, file: output ?? "草稿") } catch let e as LayoutError {
            printError("起草的版式未通过检查（请报告此问题）：\(e.reason)")
            throw ExitCode(1)
        }
        if let output { try ModelJSON.write(String(decoding: data, as: UTF8.self) + "\n", to: output) } else { print(String(decoding: data, as: UTF8.self)) }
        for note in draft.unplaced { printError("  未能起草：" + note) }
        var withDraft = catalog
        withDraft.replace(spec, origin: output ?? "草稿")
        let result = try GoalImporter(catalog: withDraft).importWorkbook(workbook, file: sample, layout: spec.id)
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count, errors = result.diagnostics.filter { $0.severity == .error }.count
        printError("用草稿读回样表：\(result.tables.count) 张表，\(warnings) 条警告，\(errors) 个错误。下一步：goalbridge layouts try \(output ?? "草稿.json") \(sample)")
        if let output { print("已写出 \(output)（版式 \(spec.id)，\(spec.kind.rawValue)，\(spec.rows.count) 行定义）") }
    }
}
