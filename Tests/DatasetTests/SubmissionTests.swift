import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset

/// Every submission counted (issue 14): a submission is a workbook at its canonical path; identical files under
/// two paths are two submissions; files that are not workbooks are listed and skipped; a file gone from a folder
/// collected again is withdrawn (撤回).
struct SubmissionTests {
    static let example = repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx")

    func receipt(_ dataset: Dataset) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try dataset.receiptFiles().rows.map { ($0[0], $0[2]) })
    }

    /// Two departments send byte-identical files: two receipt lines, two tables, and the duplicate rule names the
    /// other file, not an internal number.
    @Test func identicalFilesUnderTwoPathsAreTwoSubmissions() throws {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("公安局"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("司法局"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.example, to: inbox.appendingPathComponent("公安局/辅警经费.xlsx"))
        try FileManager.default.copyItem(at: Self.example, to: inbox.appendingPathComponent("司法局/辅警经费（复制）.xlsx"))
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        let summary = try Collector(dataset: dataset).collect([inbox.path])
        #expect(summary.new == 2)
        #expect(try receipt(dataset) == ["辅警经费.xlsx": "成功", "辅警经费（复制）.xlsx": "成功"])
        #expect(try dataset.currentTables().count == 2)
        // Collected again, nothing changed: both stay, neither is stored again.
        let again = try Collector(dataset: dataset).collect([inbox.path])
        #expect(again.new == 0 && again.unchanged == 2)
        let duplicates = try dataset.reviewAcrossTables().filter { $0.rule == "Q18" && $0.location == .table }
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.message.contains("辅警经费") == true)
        #expect(duplicates.first.map { $0.message.contains("文件“辅警经费（复制）.xlsx”") || $0.message.contains("文件“辅警经费.xlsx”") } == true)
        #expect(duplicates.first?.message.contains("第 ") == false)
    }

    /// A cover letter, a scan and a manifest in the inbox: listed as skipped (summary and receipt), not stored as
    /// failed submissions, not counted in the exit code.
    @Test func filesThatAreNotWorkbooksAreListedNotStored() throws {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.example, to: inbox.appendingPathComponent("辅警经费.xlsx"))
        try Data("PK\u{3}\u{4}word".utf8).write(to: inbox.appendingPathComponent("报送函.docx"))
        try Data("%PDF-1.4".utf8).write(to: inbox.appendingPathComponent("盖章扫描件.PDF"))
        try Data("{\"files\": 1}".utf8).write(to: inbox.appendingPathComponent("manifest.json"))
        let db = scratch().appendingPathComponent("d.sqlite").path
        let result = try runTool(["collect", inbox.path, "--db", db, "--quiet"])
        #expect(result.status == 0, "\(result.output) \(result.errors)")
        #expect(result.output.contains("非工作簿，已跳过 3 个"), "\(result.output)")
        let dataset = try Dataset.openExisting(path: db)
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file") == 1)
        #expect(try receipt(dataset) == ["辅警经费.xlsx": "成功", "报送函.docx": "非工作簿，已跳过", "盖章扫描件.PDF": "非工作簿，已跳过",
                                        "manifest.json": "非工作簿，已跳过"])
        #expect(try dataset.statusCounts()[.failed] ?? 0 == 0)
        // The cover letter taken out of the inbox: its line goes too.
        try FileManager.default.removeItem(at: inbox.appendingPathComponent("报送函.docx"))
        _ = try Collector(dataset: dataset).collect([inbox.path])
        #expect(try receipt(dataset)["报送函.docx"] == nil)
    }

    /// A file gone from a folder collected again is withdrawn: out of the tables, 撤回 in the receipt; sent again,
    /// it is current again. Files outside the folders of the run are left alone.
    @Test func aFileGoneFromItsFolderIsWithdrawn() throws {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let elsewhere = scratch().appendingPathComponent("单独.xlsx")
        for name in ["甲.xlsx", "乙.xlsx"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/\(name == "甲.xlsx" ? "pingyin-2024-police-auxiliary" : "xinhua-2023-enterprise-relief").xlsx"),
                                             to: inbox.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/yongqing-2021-contract-staff.xlsx"), to: elsewhere)
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        let collector = try Collector(dataset: dataset)
        _ = try collector.collect([inbox.path, elsewhere.path])
        #expect(try dataset.currentTables().count == 3)

        try FileManager.default.removeItem(at: inbox.appendingPathComponent("乙.xlsx"))
        let second = try collector.collect([inbox.path])
        #expect(second.withdrawn == [inbox.appendingPathComponent("乙.xlsx").path])
        #expect(try receipt(dataset) == ["甲.xlsx": "成功", "乙.xlsx": "撤回", "单独.xlsx": "成功"])
        #expect(try dataset.currentTables().map(\.file).sorted() == [elsewhere.path, inbox.appendingPathComponent("甲.xlsx").path].sorted())

        // The dataset at a glance says it too.
        let status = try dataset.status()
        #expect(status.tables == 2)
        #expect(status.departments.reduce(0) { $0 + ($1.files["撤回"] ?? 0) } == 1)
        #expect(status.departments.reduce(0) { $0 + ($1.files["成功"] ?? 0) } == 2)
        #expect(status.lastRun?.seen == 1)

        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/xinhua-2023-enterprise-relief.xlsx"), to: inbox.appendingPathComponent("乙.xlsx"))
        let third = try collector.collect([inbox.path])
        #expect(third.new == 1 && third.withdrawn.isEmpty)
        #expect(try receipt(dataset)["乙.xlsx"] == "成功")
    }

    /// `goalbridge withdraw` does it by hand; a path the dataset does not hold is said, and the exit code says so.
    @Test func withdrawByHand() throws {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let file = inbox.appendingPathComponent("甲.xlsx")
        try FileManager.default.copyItem(at: Self.example, to: file)
        let db = scratch().appendingPathComponent("d.sqlite").path
        _ = try Collector(dataset: try Dataset(path: db)).collect([inbox.path])
        let done = try runTool(["withdraw", file.path, "--db", db])
        #expect(done.status == 0 && done.output.contains("已撤回 1 个文件"), "\(done.output) \(done.errors)")
        #expect(try receipt(try Dataset.openExisting(path: db))["甲.xlsx"] == "撤回")
        let unknown = try runTool(["withdraw", inbox.appendingPathComponent("没有这个.xlsx").path, "--db", db])
        #expect(unknown.status == 1 && unknown.errors.contains("没有这个.xlsx"))
    }
}
