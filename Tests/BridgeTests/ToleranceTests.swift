import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Departments fill templates in ways nobody planned. Each test edits a real exported workbook the
/// way a clerk would and checks that the same model comes back, or that a warning names the cell.
struct ToleranceTests {
    let expected: [GoalTable]
    let sheet: Sheet

    init() throws {
        expected = try loadDocument(examplePath("pingyin-2024-police-auxiliary.json")).tables
        let path = temporaryFile()
        try sharedExporter.export(expected, to: path)
        sheet = try XLSXReader().read(path: path).sheets[0]
    }

    func importSheet(_ s: Sheet) -> ImportResult {
        sharedImporter.importWorkbook(Workbook(sheets: [s]), file: "填报.xlsx")
    }

    var firstDataRow: Int { sheet.row(of: "年度绩效指标")! + 2 }

    @Test func levelsRepeatedOnEveryRowWithoutMerges() throws {
        let first = firstDataRow
        let rows = expected[0].project!.indicatorSets[0].rows
        let edited = editedSheet(sheet) { cells, merges in
            merges.removeAll { $0.first.row >= first && ($0.first.column == 1 || $0.first.column == 2) }
            for (i, r) in rows.enumerated() {
                cells[CellReference(row: first + i, column: 1)] = .string(r.level1Raw)
                cells[CellReference(row: first + i, column: 2)] = .string(r.level2Raw)
            }
        }
        let result = importSheet(edited)
        #expect(stripped(result.tables) == stripped(expected))
    }

    @Test func levelsWrittenOnceWithBlanksBelow() throws {
        let first = firstDataRow
        let edited = editedSheet(sheet) { _, merges in
            merges.removeAll { $0.first.row >= first && ($0.first.column == 1 || $0.first.column == 2) }
        }
        #expect(stripped(importSheet(edited).tables) == stripped(expected))
    }

    @Test func insertedIndicatorRowJoinsItsGroup() throws {
        // Insert a row inside the 数量指标 group (rows 3–4 of the block) and fill it.
        let at = firstDataRow + 3
        let edited = editedSheet(sheet) { cells, merges in
            insertRows(&cells, &merges, before: at, count: 1)
            cells[CellReference(row: at, column: 3)] = .string("新增岗位人数")
            cells[CellReference(row: at, column: 4)] = .string("≥")
            cells[CellReference(row: at, column: 5)] = .number(12)
            cells[CellReference(row: at, column: 6)] = .string("人")
        }
        let table = try #require(importSheet(edited).tables.first?.project)
        let rows = table.indicatorSets[0].rows
        #expect(rows.count == 10)
        #expect(rows[3].name == "新增岗位人数")
        #expect(rows[3].level1Raw == "产出指标" && rows[3].level2Raw == "数量指标")
        #expect(rows[3].value.raw == "≥12人" && rows[3].value.comparator == .ge && rows[3].value.number == 12)
    }

    @Test func deletedRowsAndBlankRowsAreFine() throws {
        let at = firstDataRow + 1
        let edited = editedSheet(sheet) { cells, _ in
            for c in 3...8 { cells[CellReference(row: at, column: c)] = nil }
        }
        let rows = try #require(importSheet(edited).tables.first?.project).indicatorSets[0].rows
        #expect(rows.count == 8)
        #expect(!rows.contains { $0.name == "工资社保发放标准" })
    }

    @Test func labelsWithSpacesLineBreaksAndFullWidthColons() throws {
        let edited = editedSheet(sheet) { cells, _ in
            for (ref, v) in cells {
                if v == .string("项目名称") { cells[ref] = .string("项目 名称：") }
                if v == .string("主管部门") { cells[ref] = .string("主管\n部门:") }
                if v == .string("其中：财政拨款") { cells[ref] = .string("其中:财政拨款") }
                if v == .string("二级指标") { cells[ref] = .string("二级指\n标") }
            }
        }
        #expect(stripped(importSheet(edited).tables) == stripped(expected))
    }

    @Test func amountsAsNumbersOrText() throws {
        let edited = editedSheet(sheet) { cells, _ in
            for (ref, v) in cells where v == .string("2,820.81") { cells[ref] = .number(2820.81) }
        }
        let table = try #require(importSheet(edited).tables.first?.project)
        #expect(table.annualFunds?.total == Amount(raw: "2820.81", value: Decimal(string: "2820.81")))
        #expect(table.annualFunds?.total?.value == expected[0].project!.annualFunds?.total?.value)
    }

    @Test func extraColumnIsKeptWithAWarning() throws {
        let header = sheet.row(of: "年度绩效指标")!
        let first = firstDataRow
        let edited = editedSheet(sheet) { cells, _ in
            cells[CellReference(row: header, column: 9)] = .string("责任人")
            cells[CellReference(row: first, column: 9)] = .string("张三")
        }
        let result = importSheet(edited)
        let table = try #require(result.tables.first?.project)
        #expect(table.extras.contains { $0.label == "责任人（指标“项目总成本”）" && $0.value == "张三" })
        #expect(result.diagnostics.contains { $0.code == "unknown-column" && $0.cell == "J\(header + 1)" })
        #expect(result.diagnostics.contains { $0.code == "unknown-column-value" && $0.cell == "J\(first + 1)" })
    }

    @Test(arguments: [("分值", "weight"), ("权重", "weight"), ("评（扣）分标准", "scoringRule"), ("备注", "remark")])
    func aColumnAnyFormMayAddIsReadIntoItsField(_ caption: String, _ field: String) throws {
        // 分值 / 权重, 评（扣）分标准, 备注 added beside the standard template's indicator columns.
        let header = sheet.row(of: "年度绩效指标")!
        let first = firstDataRow
        let edited = editedSheet(sheet) { cells, _ in
            cells[CellReference(row: header, column: 9)] = .string(caption)
            cells[CellReference(row: first, column: 9)] = .string("10")
        }
        let result = importSheet(edited)
        let row = try #require(result.tables.first?.project?.indicators(.annual)?.rows.first)
        let read = field == "weight" ? row.weight : field == "scoringRule" ? row.scoringRule : row.remark
        #expect(read == "10")
        #expect(row.sources?[field] == SourceCell(sheet: sheet.name, cell: "J\(first + 1)"))
        #expect(!result.diagnostics.contains { $0.severity != .info })
    }

    @Test func everyFilledCellIsMappedOrNamedInAWarning() throws {
        let edited = editedSheet(sheet) { cells, _ in
            cells[CellReference(row: 40, column: 12)] = .string("另附详细测算见附件")
            cells[CellReference(row: 2, column: 11)] = .string("填表人")
            cells[CellReference(row: 2, column: 12)] = .string("李四")
        }
        let result = importSheet(edited)
        let warned = Set(result.diagnostics.compactMap(\.cell))
        #expect(warned.contains("M41"))
        let table = try #require(result.tables.first?.project)
        // A signature label with its value beside it is a known line: kept with its label, without a warning.
        // (Note and signature lines right under a table: the corpus, Fixtures/corpus/*.json extras.)
        #expect(table.extras.contains { $0.label == "填表人" && $0.value == "李四" && $0.source?.cell == "M3" })
        #expect(!warned.contains("M3"))
    }

    @Test func tablesStackedInOneSheet() throws {
        let other = try loadDocument(examplePath("xinhua-2023-finance-special-work.json")).tables
        let path = temporaryFile()
        try sharedExporter.export(other, to: path)
        let second = try XLSXReader().read(path: path).sheets[0]
        let offset = (sheet.cells.map(\.reference.row).max() ?? 0) + 3
        var cells = sheet.cells
        cells += second.cells.map { Cell(CellReference(row: $0.reference.row + offset, column: $0.reference.column), $0.value) }
        let merges = sheet.merges + second.merges.map { CellRange(rows: ($0.first.row + offset)...($0.last.row + offset), columns: $0.first.column...$0.last.column) }
        let result = importSheet(Sheet(name: "汇总", cells: cells, merges: merges))
        #expect(stripped(result.tables) == stripped(expected + other))
        #expect(result.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(result.diagnostics)")
    }

    @Test func sheetWithoutTableSaysWhatWasFoundAndExpected() throws {
        let s = Sheet(name: "Sheet1", cells: [Cell(CellReference(row: 0, column: 0), .string("项目名称")),
                                              Cell(CellReference(row: 0, column: 1), .string("道路")),
                                              Cell(CellReference(row: 2, column: 0), .string("指标值"))])
        let result = importSheet(s)
        #expect(result.tables.isEmpty)
        let d = try #require(result.diagnostics.first { $0.code == "no-table-on-sheet" })
        #expect(d.message.contains("找到标签") && d.message.contains("项目名称") && d.message.contains("缺少") && d.message.contains("一级指标"))
        #expect(result.diagnostics.contains { $0.code == "no-table" && $0.severity == .error })
    }

    @Test func unreadableFileGivesOneClearError() {
        let result = sharedImporter.importFile("/nonexistent/表.xlsx")
        #expect(result.tables.isEmpty)
        #expect(result.diagnostics.count == 1 && result.diagnostics[0].severity == .error && result.diagnostics[0].file == "/nonexistent/表.xlsx")
    }
}

struct ExportReportTests {
    @Test func contentWithNoPlaceIsReportedNotDroppedSilently() throws {
        var table = try loadDocument(examplePath("changqing-2022-no-illegal-building.json")).tables[0].project!
        table.goals.items = [GoalItem(label: "目标1", text: "创建无违建街镇")]
        let path = temporaryFile()
        let warnings = try sharedExporter.export([.project(table)], to: path, layout: "standard")
        #expect(warnings.contains { $0.code == "unplaced-field" && $0.message.contains("分项目标") })
    }

    @Test func projectTableCannotGoIntoADepartmentLayout() throws {
        let table = try loadDocument(examplePath("pingyin-2024-police-auxiliary.json")).tables
        #expect(throws: ExportError.self) { try sharedExporter.export(table, to: temporaryFile(), layout: "department-standard") }
    }
}
