import ArgumentParser
import Foundation
import GoalBridge

/// `--layouts DIR` (repeatable), accepted by every command: a bureau's own layouts, besides `GOALBRIDGE_LAYOUTS` and
/// the user's folder (`~/.config/goalbridge/layouts`). Set up while the command line is parsed, so every importer and
/// exporter of the command uses them; a layout file with a mistake is named and skipped, never fatal.
struct LayoutOptions: ParsableArguments {
    @Option(name: .customLong("layouts"), help: ArgumentHelp("A folder of layout files (*.json), besides the built-in ones; repeatable.", valueName: "DIR"))
    var directories: [String] = []

    mutating func validate() throws {
        let (catalog, notices, problems) = try LayoutCatalog.configured(directories: LayoutCatalog.userDirectories(extra: directories))
        LayoutCatalog.setCurrent(catalog)
        // The collecting child of `collect` parses the same arguments: its parent has said it already.
        guard ProcessInfo.processInfo.environment[CollectSupervisor.workerVariable] == nil else { return }
        for n in notices { printError("提示：" + n) }
        for p in problems { printError("版式文件 \(p.file) 有误，已跳过：\(p.reason)") }
    }
}
