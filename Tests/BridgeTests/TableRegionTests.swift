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
