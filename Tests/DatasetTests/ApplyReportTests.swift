import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet

/// `apply` accounts for every edit it finds in the consolidated workbook (issue 14): applied, or refused with the
/// cell and the reason — never "已更正 0 处" and exit 0 over edits it dropped.
struct ApplyReportTests {
    /// The consolidated workbook of the mixed folder, and the 指标 sheet's columns by caption.
    func prepared() throws -> (dataset: Dataset, workbook: String, book: Workbook, columns: [String: Int], inbox: URL, db: String) {
        let inbox = try mixedFolder()
        let work = scratch()
        let db = work.appendingPathComponent("d.sqlite").path
        let dataset = try Dataset(path: db)
        _ = try Collector(dataset: dataset).collect([inbox.path])
        let path = work.appendingPathComponent("汇总.xlsx").path
        try dataset.writeConsolidated(to: path)
        let book = try XLSXReader().read(path: path)
        let sheet = try #require(book.sheet(named: "指标"))
        let columns = Dictionary(uniqueKeysWithValues: sheet.cells.filter { $0.reference.row == 0 }.map { ($0.value.text, $0.reference.column) })
        return (dataset, path, book, columns, inbox, db)
    }

    /// The sheet row of the indicator named `name`.
    func row(_ book: Workbook, _ columns: [String: Int], named name: String) throws -> Int {
        try #require(book.sheet(named: "指标")?.cells.first { $0.reference.column == columns["三级指标"] && $0.value.text == name }).reference.row
    }

    func set(_ book: inout Workbook, row: Int, column: Int, _ text: String) {
        let s = book.sheets.firstIndex { $0.name == "指标" }!
        let ref = CellReference(row: row, column: column)
        if let k = book.sheets[s].cells.firstIndex(where: { $0.reference == ref }) { book.sheets[s].cells[k].value = .string(text) }
        else { book.sheets[s].cells.append(Cell(ref, .string(text))) }
    }

    @Test func everyEditIsAppliedOrRefusedWithItsCell() throws {
        var (dataset, path, book, columns, _, _) = try prepared()
        let c = { (caption: String) in columns[caption]! }
        let satisfaction = try row(book, columns, named: "警辅人员满意度")
        let count = try row(book, columns, named: "发放人员数")
        let rate = try row(book, columns, named: "发放完成率")
        // Applied: a level name, a weight, the department (on one row of the table only).
        set(&book, row: satisfaction, column: c("二级指标"), "社会公众或服务对象满意度指标")
        set(&book, row: count, column: c("权重"), "10")
        set(&book, row: rate, column: c("主管部门"), "平阴县公安局（更正）")
        // Refused: a 表ID, a source place, a unit alone, an unknown 指标ID, a new row without one.
        set(&book, row: count, column: c("表ID"), "999")
        set(&book, row: count, column: c("原表位置"), "Sheet1!A1")
        set(&book, row: rate, column: c("单位"), "个")
        let last = book.sheet(named: "指标")!.cells.map(\.reference.row).max()!
        set(&book, row: last + 1, column: c("指标ID"), "987654")
        set(&book, row: last + 1, column: c("指标值"), "≥1")
        set(&book, row: last + 2, column: c("三级指标"), "新增指标")
        // A deleted row.
        let s = book.sheets.firstIndex { $0.name == "指标" }!
        let deleted = try row(book, columns, named: "警辅人员生活保障率")
        book.sheets[s].cells.removeAll { $0.reference.row == deleted }
        try GridWriter.write(book, to: path)

        let report = try dataset.applyCorrections(from: path)
        let applied = Dictionary(grouping: report.applied, by: \.field)
        #expect(applied["二级指标"]?.first?.new == "社会公众或服务对象满意度指标")
        #expect(applied["权重"]?.first?.cell == "指标!" + CellReference(row: count, column: c("权重")).description)
        #expect(applied["主管部门"]?.count == 1)
        let refused = Dictionary(grouping: report.refused, by: \.field)
        #expect(refused["表ID"]?.first?.cell == "指标!" + CellReference(row: count, column: c("表ID")).description)
        #expect(refused["原表位置"]?.first?.reason.contains("不能在汇总表中更正") == true)
        #expect(refused["单位"]?.first?.reason.contains("指标值") == true)
        #expect(report.refused.contains { $0.reason.contains("987654") })
        #expect(report.refused.contains { $0.reason.contains("没有指标ID") && $0.cell == "指标!" + CellReference(row: last + 2, column: c("指标ID")).description })
        #expect(report.refused.contains { $0.reason.contains("警辅人员生活保障率") && $0.reason.contains("删除") })
        #expect(report.refused.count == 6, "\(report.refused.map(\.reason))")

        // In the dataset and the stored model.
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE name = '警辅人员满意度' AND level2_raw = '社会公众或服务对象满意度指标' AND level2 IS NOT NULL") == 1)
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE name = '发放人员数' AND weight = '10'") == 1)
        #expect(try dataset.count("SELECT COUNT(*) FROM goal_table WHERE department = '平阴县公安局（更正）' AND corrected = 1") == 1)
        let police = try #require(try dataset.currentTables().first { $0.table.project?.projectName == "警务辅助人员专项经费" })
        #expect(police.table.project?.supervisingDepartment?.name == "平阴县公安局（更正）")
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE name = '警辅人员生活保障率'") == 2)   // not deleted (the folder holds the table twice)
    }

    /// Two rows of one table give two different departments: neither is applied.
    @Test func oneTableTwoDifferentDepartmentsIsRefused() throws {
        var (dataset, path, book, columns, _, _) = try prepared()
        set(&book, row: try row(book, columns, named: "发放完成率"), column: columns["主管部门"]!, "甲局")
        set(&book, row: try row(book, columns, named: "发放人员数"), column: columns["主管部门"]!, "乙局")
        try GridWriter.write(book, to: path)
        let report = try dataset.applyCorrections(from: path)
        #expect(report.applied.isEmpty)
        #expect(report.refused.count == 2 && report.refused.allSatisfy { $0.reason.contains("甲局") && $0.reason.contains("乙局") })
    }

    /// A workbook made before a file was collected again: that file's edits are refused, naming the file; the
    /// command exits 1 and says how many were not written back.
    @Test func aStaleWorkbookIsRefusedForTheNewerFile() throws {
        var (dataset, path, book, columns, inbox, db) = try prepared()
        set(&book, row: try row(book, columns, named: "警辅人员满意度"), column: columns["指标值"]!, "≥95%")
        try GridWriter.write(book, to: path)
        // The department sends a new version of that file.
        let file = inbox.appendingPathComponent("pingyin-2024-police-auxiliary.xlsx")
        var newer = try XLSXReader().read(path: file.path)
        newer.sheets[0].cells.append(Cell(CellReference(row: 70, column: 0), .string("注：第二版")))
        try GridWriter.write(newer, to: file.path)
        #expect(try Collector(dataset: dataset).collect([inbox.path]).new == 1)

        let result = try runTool(["apply", path, "--db", db])
        #expect(result.status == 1)
        #expect(result.output.contains("pingyin-2024-police-auxiliary.xlsx") && result.output.contains("新版本"), "\(result.output)")
        #expect(result.output.contains("已更正 0 处，未写回 1 处"), "\(result.output)")
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE value_raw = '≥95%' AND name = '警辅人员满意度'") == 0)
    }
}
