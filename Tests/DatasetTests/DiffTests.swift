import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet

/// `goalbridge diff` (issue 14): fields changed; indicator rows added, removed or changed, matched by level and name,
/// not by position.
struct DiffTests {
    static func example() throws -> ProjectGoalTable {
        let doc = try JSONDecoder().decode(GoalDocument.self, from: Data(contentsOf: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.json")))
        return try #require(doc.tables.first?.project)
    }

    @Test func rowsAreMatchedByNameNotPosition() throws {
        let old = try Self.example()
        var new = old
        new.projectName = "警务辅助人员专项经费（调整）"
        var rows = new.indicatorSets[0].rows
        let inserted = IndicatorRow(level1Raw: rows[2].level1Raw, level1: rows[2].level1, level2Raw: rows[2].level2Raw, level2: rows[2].level2,
                                    name: "培训人次", value: IndicatorValue(raw: "≥100人次"))
        rows.insert(inserted, at: 0)                                      // every later row moves down one
        let removed = rows.remove(at: 5)
        rows[rows.count - 1].value = IndicatorValue(raw: "≥95%")         // 警辅人员满意度 100% → ≥95%
        new.indicatorSets[0].rows = rows
        let diff = TableDiff(old: .project(old), new: .project(new))
        #expect(diff.fields == [TableDiff.FieldChange(field: "项目名称", old: old.projectName, new: new.projectName)])
        #expect(diff.added.map(\.path) == ["\(inserted.level1Raw) / \(inserted.level2Raw) / 培训人次"])
        #expect(diff.removed.map(\.path) == ["\(removed.level1Raw) / \(removed.level2Raw) / \(removed.name)"])
        #expect(diff.changed.count == 1)
        #expect(diff.changed.first?.changes == [TableDiff.FieldChange(field: "指标值", old: "100%", new: "≥95%")])
        #expect(TableDiff(old: .project(old), new: .project(old)).isEmpty)
    }

    /// Two collected versions of one file, through the command.
    @Test func twoCollectedVersionsOfAFile() throws {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let file = inbox.appendingPathComponent("甲.xlsx")
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: file)
        let db = scratch().appendingPathComponent("d.sqlite").path
        _ = try Collector(dataset: try Dataset(path: db)).collect([inbox.path])
        // The department sends the file again with one target changed.
        var book = try XLSXReader().read(path: file.path)
        let k = try #require(book.sheets[0].cells.firstIndex { $0.value.text == "342" })
        book.sheets[0].cells[k].value = .string("350")
        try GridWriter.write(book, to: file.path)
        _ = try Collector(dataset: try Dataset(path: db)).collect([inbox.path])
        let result = try runTool(["diff", "--db", db, file.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("修改指标") && result.output.contains("发放人员数") && result.output.contains("“342人” → “350人”"), "\(result.output)")
        let json = try runTool(["diff", "--db", db, file.path, "--json"])
        let decoded = try JSONDecoder().decode([TableDiff].self, from: Data(json.output.utf8))
        #expect(decoded.first?.changed.count == 1)
    }
}
