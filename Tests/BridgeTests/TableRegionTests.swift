import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing
@testable import GoalBridge

/// A table drawn from column C, two rows down (a margin column, a file number above: habit-sweep.py `shifted`): its
/// region was said to start at column A (`A3:E25` for `C3:G25`), so cells of its last columns lay outside it.
struct ShiftedTableRangeTests {
    @Test func theRegionStartsWhereTheTableDoes() throws {
        let path = ForeignFormTests.directory + "/pingyin-computed-total.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let shifted = editedSheet(workbook.sheets[0]) { cells, merges in
            cells = Dictionary(uniqueKeysWithValues: cells.map { (CellReference(row: $0.key.row + 2, column: $0.key.column + 2), $0.value) })
            merges = merges.map { CellRange(rows: ($0.first.row + 2)...($0.last.row + 2), columns: ($0.first.column + 2)...($0.last.column + 2)) }
        }
        let plain = sharedImporter.importWorkbook(workbook, file: "表.xlsx")
        let moved = sharedImporter.importWorkbook(Workbook(sheets: [shifted]), file: "表.xlsx")
        let range = try #require(plain.tables.first?.source?.range.flatMap(CellRange.init))
        let movedRange = try #require(moved.tables.first?.source?.range.flatMap(CellRange.init))
        let rows = (range.first.row + 2)...(range.last.row + 2)
        let columns = (range.first.column + 2)...(range.last.column + 2)
        #expect(movedRange == CellRange(rows: rows, columns: columns))
        #expect(stripped(moved.tables) == stripped(plain.tables))
    }
}

/// Last year's table pasted beside this year's (平阴's 保洁… table, openpyxl, copied seven columns to the right): this
/// year's is read as before; the copy's cells are kept as extras with warnings — which spoke of headers “不在版式中”
/// and fields “没有对应的标准字段”, though they are the form's own. They say now that the table's header and labels
/// appear twice, and what to do.
struct SideBySideTableTests {
    @Test func aSecondTableBesideIsSaidToBeOne() throws {
        let path = ForeignFormTests.directory + "/pingyin-computed-total.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let beside = editedSheet(workbook.sheets[0]) { cells, merges in
            for (ref, value) in cells { cells[CellReference(row: ref.row, column: ref.column + 7)] = value }
            merges += merges.map { CellRange(rows: $0.first.row...$0.last.row, columns: ($0.first.column + 7)...($0.last.column + 7)) }
        }
        let plain = sharedImporter.importWorkbook(workbook, file: "表.xlsx")
        let result = sharedImporter.importWorkbook(Workbook(sheets: [beside]), file: "表.xlsx")
        #expect(stripped(result.tables).map { $0.project?.indicatorSets } == stripped(plain.tables).map { $0.project?.indicatorSets })
        #expect(result.tables.first?.project?.projectName == plain.tables.first?.project?.projectName)
        let headers = result.diagnostics.filter { $0.code == "unknown-column" }
        #expect(headers.map(\.cell) == ["H10", "I10", "J10", "K10", "L10"])
        #expect(headers.allSatisfy { $0.message.contains("在本表中出现了两次") }, "\(headers.map(\.message))")
        let labels = result.diagnostics.filter { $0.code == "extra-field" && $0.message.contains("出现了两次") }
        #expect(labels.map(\.cell).contains("H3"), "\(result.diagnostics.map { "\($0.cell ?? "") \($0.message)" })")
    }
}
