import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet

/// Departments (issue 14): from the folder a file was found in, and a roster that says who has not submitted.
struct RosterTests {
    func inbox() throws -> URL {
        let inbox = scratch().appendingPathComponent("收件")
        for (folder, example) in [("公安局", "pingyin-2024-police-auxiliary"), ("财 政 局", "xinhua-2023-enterprise-relief")] {
            try FileManager.default.createDirectory(at: inbox.appendingPathComponent(folder), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/\(example).xlsx"), to: inbox.appendingPathComponent("\(folder)/表.xlsx"))
        }
        return inbox
    }

    @Test func departmentsFromFoldersAndWhoHasNotSubmitted() throws {
        let inbox = try inbox()
        let work = scratch()
        let roster = work.appendingPathComponent("名单.xlsx").path
        try GridWriter.write(Workbook(sheets: [Sheet(name: "名单", cells: [
            Cell(CellReference(row: 0, column: 0), .string("部门名称")), Cell(CellReference(row: 0, column: 1), .string("代码")),
            Cell(CellReference(row: 1, column: 0), .string("公安局")), Cell(CellReference(row: 1, column: 1), .string("001")),
            Cell(CellReference(row: 2, column: 0), .string("财政局")),
            Cell(CellReference(row: 3, column: 0), .string("教育局")), Cell(CellReference(row: 3, column: 1), .string("003")),
        ])]), to: roster)
        let db = work.appendingPathComponent("d.sqlite").path
        let receipt = work.appendingPathComponent("回执.xlsx").path
        let result = try runTool(["collect", inbox.path, "--db", db, "--department-from-folder", "--roster", roster, "--receipt", receipt, "--quiet"])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("未提交 1：教育局"), "\(result.output)")

        let dataset = try Dataset.openExisting(path: db)
        // Filed by folder: 公安局 and 财 政 局 (the folder's own spelling), not the tables' 主管部门.
        #expect(try dataset.receiptDepartments() == ["公安局", "财 政 局"])
        let roll = try dataset.rosterStatus()
        #expect(roll.map(\.name) == ["公安局", "财政局", "教育局"])
        #expect(roll.map(\.submitted) == [true, true, false])            // 财 政 局 matches 财政局: spaces ignored
        #expect(roll.first?.code == "001" && roll.first?.tables == 1)

        let status = try runTool(["status", "--db", db])
        #expect(status.output.contains("未提交：教育局（003）"), "\(status.output)")
        let book = try XLSXReader().read(path: receipt)
        let sheet = try #require(book.sheet(named: "提交情况"))
        #expect(sheet.cells.contains { $0.value.text == "未提交" } && sheet.cells.contains { $0.value.text == "教育局" })
    }

    @Test func aTextRosterAndAnEmptyOne() throws {
        let dir = scratch()
        let text = dir.appendingPathComponent("名单.txt").path
        try "单位\n公安局\t001\n\n财政局\n公安局\n".write(toFile: text, atomically: true, encoding: .utf8)
        let entries = try Dataset.readRoster(text)
        #expect(entries.map(\.name) == ["公安局", "财政局"] && entries.first?.code == "001")
        let empty = dir.appendingPathComponent("空.txt").path
        try "\n".write(toFile: empty, atomically: true, encoding: .utf8)
        #expect(throws: RosterError.self) { _ = try Dataset.readRoster(empty) }
    }
}
