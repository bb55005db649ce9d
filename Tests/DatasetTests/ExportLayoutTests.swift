import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset

/// `export --db` writes what a bureau sends back (issue 14): `部门/项目名称.xlsx`, never a name starting with `-`, never
/// an unexplained `(2)`; a list saying which source file each output came from; filters by department, correction
/// and status.
struct ExportLayoutTests {
    func collected(_ files: [String: String]) throws -> Dataset {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for (name, example) in files {
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/\(example).xlsx"), to: inbox.appendingPathComponent(name))
        }
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([inbox.path])
        return dataset
    }

    @Test func outputsAreFiledByDepartmentAndNamedByProject() throws {
        // The same table sent by two files: told apart by their source file, not by (2).
        let dataset = try collected(["甲.xlsx": "pingyin-2024-police-auxiliary", "乙.xlsx": "pingyin-2024-police-auxiliary",
                                     "丙.xlsx": "xinhua-2023-enterprise-relief"])
        let out = scratch().path
        let (written, _) = try dataset.exportTables(to: out, exporter: try GoalExporter())
        let relative = written.map { String($0.dropFirst(out.count + 1)) }.sorted()
        #expect(relative.contains("平阴县公安局/警务辅助人员专项经费.xlsx"))
        #expect(relative.contains("平阴县公安局/警务辅助人员专项经费（来自 乙）.xlsx") || relative.contains("平阴县公安局/警务辅助人员专项经费（来自 甲）.xlsx"))
        #expect(!relative.contains { ($0 as NSString).lastPathComponent.hasPrefix("-") || $0.contains(" (2)") }, "\(relative)")
        // The list: every output with its source file.
        let manifest = try String(contentsOfFile: (out as NSString).appendingPathComponent(Dataset.exportManifestName), encoding: .utf8)
        let lines = manifest.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + written.count)
        for name in ["甲.xlsx", "乙.xlsx", "丙.xlsx"] { #expect(lines.contains { $0.contains("/收件/\(name)") }, "\(name)") }
    }

    @Test func aTableWithoutANameIsNamedByItsSourceFile() throws {
        let dataset = try collected(["无名表.xlsx": "pingyin-2024-police-auxiliary"])
        // The department left the project name empty: simulate it in the stored model.
        try dataset.pool.write { db in
            let json = try String.fetchOne(db, sql: "SELECT model_json FROM goal_table")!
            var table = try JSONDecoder().decode(GoalTable.self, from: Data(json.utf8))
            if case .project(var t) = table { t.projectName = nil; t.title = nil; t.projectCode = nil; t.supervisingDepartment = nil; t.implementingUnit = nil; table = .project(t) }
            try db.execute(sql: "UPDATE goal_table SET model_json = ?", arguments: [try Dataset.modelJSON(table)])
        }
        let out = scratch().path
        let (written, _) = try dataset.exportTables(to: out, exporter: try GoalExporter())
        #expect(written.map { String($0.dropFirst(out.count + 1)) } == ["未识别部门/无名表.xlsx"])
    }

    @Test func filters() throws {
        let dataset = try collected(["甲.xlsx": "pingyin-2024-police-auxiliary", "丙.xlsx": "xinhua-2023-enterprise-relief"])
        let exporter = try GoalExporter()
        let (police, _) = try dataset.exportTables(to: scratch().path, filter: ExportFilter(department: "平阴县公安局"), exporter: exporter)
        #expect(police.count == 1 && police[0].hasSuffix("警务辅助人员专项经费.xlsx"))
        let (corrected, _) = try dataset.exportTables(to: scratch().path, filter: ExportFilter(correctedOnly: true), exporter: exporter)
        #expect(corrected.isEmpty)
        let (partial, _) = try dataset.exportTables(to: scratch().path, filter: ExportFilter(statuses: [.partial]), exporter: exporter)
        #expect(partial.isEmpty)
        let (succeeded, _) = try dataset.exportTables(to: scratch().path, filter: ExportFilter(statuses: [.succeeded]), exporter: exporter)
        #expect(succeeded.count == 2)
    }
}
