import ArgumentParser
import Foundation
import GoalBridge
import GoalBridgeDataset
import GoalBridgeModel
import GoalBridgeReview

/// The README's main job: every example workbook is imported, compared with its expected JSON,
/// exported again, and re-imported; the two models must be equal.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "对 Examples/ 中的示例：导入、与期望 JSON 比对、导出、再导入并比对。Run the round trip on the bundled examples.")

    @OptionGroup var layoutOptions: LayoutOptions

    @Argument(help: "Folder with example workbooks (and NAME.json expected models).")
    var folder = "Examples"

    @Option(help: "Where exported workbooks go.")
    var out = "out/demo"

    func run() throws {
        let importer = try GoalImporter()
        let exporter = try GoalExporter()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xlsx") }.sorted()
        // Regional layouts, as each region publishes them.
        let regional = (folder as NSString).appendingPathComponent("regional")
        if let more = try? FileManager.default.contentsOfDirectory(atPath: regional) {
            files += more.filter { $0.hasSuffix(".xlsx") }.sorted().map { "regional/" + $0 }
        }
        var failures = 0
        print("示例\t版式\t表\t指标行\t警告\t期望JSON\t往返")
        for name in files {
            let path = (folder as NSString).appendingPathComponent(name)
            let first = importer.importFile(path)
            let rows = first.tables.reduce(0) { $0 + $1.indicatorRowCount }
            var expected = "—"
            let jsonPath = (folder as NSString).appendingPathComponent((name as NSString).deletingPathExtension + ".json")
            if FileManager.default.fileExists(atPath: jsonPath) {
                let doc = try ModelJSON.readDocument(jsonPath)
                let same = doc.tables.map { $0.strippingProvenance() } == first.tables.map { $0.strippingProvenance() }
                expected = same ? "一致" : "不一致"
                if !same { failures += 1 }
            }
            let exported = (out as NSString).appendingPathComponent(name.replacingOccurrences(of: "/", with: "-"))
            try exporter.export(first.tables, to: exported)
            let second = importer.importFile(exported)
            let roundTrip = second.tables.map { $0.strippingProvenance() } == first.tables.map { $0.strippingProvenance() }
            if !roundTrip || first.hasErrors { failures += 1 }
            let warnings = first.diagnostics.filter { $0.severity == .warning }.count
            print("\(name)\t\(first.tables.first?.source?.layout ?? "—")\t\(first.tables.count)\t\(rows)\t\(warnings)\t\(expected)\t\(roundTrip ? "一致" : "不一致")")
        }
        print("导出的工作簿在 \(out)/")

        // Review every example table, then collect the folder into a dataset with a receipt.
        var all: [GoalTable] = []
        for name in files { all += importer.importFile((folder as NSString).appendingPathComponent(name)).tables }
        let findings = Reviewer(formFields: importer.catalog.formFields).review(all)
        var byCategory: [String: Int] = [:]
        for f in findings { byCategory[f.category.rawValue, default: 0] += 1 }
        print("审核：\(all.count) 张表，\(findings.count) 条意见（" + ReviewCategory.allCases.map { "\($0.rawValue) \(byCategory[$0.rawValue] ?? 0)" }.joined(separator: "，") + "）")
        let dbPath = (out as NSString).appendingPathComponent("dataset.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
        let dataset = try Dataset(path: dbPath)
        let summary = try Collector(dataset: dataset).collect(files.map { (folder as NSString).appendingPathComponent($0) })
        let receipt = (out as NSString).appendingPathComponent("回执.xlsx")
        try dataset.writeReceipt(to: receipt)
        try dataset.writeConsolidated(to: (out as NSString).appendingPathComponent("汇总.xlsx"))
        print("收录：\(summary.seen) 个文件（" + FileStatus.allCases.map { "\($0.rawValue) \(summary.byStatus[$0] ?? 0)" }.joined(separator: "，") + "），数据集 \(dbPath)，回执 \(receipt)")
        // The dataset as the 一体化 system imports it: one row per 三级指标.
        let flat = (out as NSString).appendingPathComponent("一体化导入.xlsx")
        let (tables, rows, _) = try dataset.exportFlat(to: flat)
        print("一体化：\(tables) 张项目表、\(rows) 个三级指标写入 \(flat)（每个指标一行）")
        if summary.byStatus[.failed, default: 0] > 0 { failures += 1 }
        if failures > 0 { throw ExitCode(1) }
    }
}
