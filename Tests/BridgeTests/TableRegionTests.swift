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

/// Two projects' tables side by side on one sheet, an empty column between (side-by-side, XlsxWriter: 平阴's form in
/// A–E, 新华's from G; the expected document from the seed text; re-saved by LibreOffice and gnumeric). The second was not read: only its header and labels,
/// said to be there twice. Each is now read on its own columns, in its own layout, every cell named as in the sheet.
struct SideBySideTableTests {
    @Test(arguments: ["side-by-side", "libreoffice/side-by-side", "gnumeric/side-by-side"])
    func bothTablesAreRead(_ name: String) throws {
        let path = ForeignFormTests.directory + "/\(name).xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/side-by-side.json")
        #expect(result.tables.map { $0.source?.layout ?? "" } == ["pingyin-2024", "xinhua-2023"])
        #expect(result.tables.map { $0.source?.range ?? "" } == ["A1:E23", "G1:M15"])
        let right = try #require(result.tables.last?.project)
        #expect(right.sources?["projectName"]?.cell == "J3")
        #expect(right.indicatorSets.first?.rows.first?.sources?["name"]?.cell.first == "I", "\(right.indicatorSets.first?.rows.first?.sources ?? [:])")
    }

    /// Both tables' 项目名称 typed with its content (`项目名称：…`, the cell beside emptied): a run of columns whose table
    /// is found only once its label is split holds a table too (habit-sweep `beside --also label-with-content`: 63 of
    /// 111 workbooks read one table of two, with warnings).
    @Test func tablesBesideEachOtherWithLabelsTypedWithContent() throws {
        let path = ForeignFormTests.directory + "/side-by-side.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let typed = editedSheet(workbook.sheets[0]) { cells, _ in
            for (label, value) in [("A3", "B3"), ("I3", "J3")] {
                let l = CellReference(label)!, v = CellReference(value)!
                #expect(cells[l]?.text == "项目名称")
                cells[l] = .string("项目名称：" + (cells[v]?.text ?? ""))
                cells[v] = nil
            }
        }
        let plain = sharedImporter.importWorkbook(workbook, file: "表.xlsx")
        let result = sharedImporter.importWorkbook(Workbook(sheets: [typed]), file: "表.xlsx")
        #expect(stripped(result.tables) == stripped(plain.tables))
        #expect(result.diagnostics.filter { $0.code == "label-with-content" }.map { $0.cell ?? "" } == ["A3", "I3"])
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    /// Last year's copy of the same table pasted seven columns to the right (平阴's 保洁… table, openpyxl): both are
    /// read — two tables of one project, with nothing to warn about in the reading itself.
    @Test func aCopyBesideIsASecondTable() throws {
        let path = ForeignFormTests.directory + "/pingyin-computed-total.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let beside = editedSheet(workbook.sheets[0]) { cells, merges in
            for (ref, value) in cells { cells[CellReference(row: ref.row, column: ref.column + 7)] = value }
            merges += merges.map { CellRange(rows: $0.first.row...$0.last.row, columns: ($0.first.column + 7)...($0.last.column + 7)) }
        }
        let plain = sharedImporter.importWorkbook(workbook, file: "表.xlsx")
        let result = sharedImporter.importWorkbook(Workbook(sheets: [beside]), file: "表.xlsx")
        #expect(stripped(result.tables) == stripped(plain.tables + plain.tables))
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    /// A column emptied inside one table (the clerk inserted it and left it blank, no merge across it) does not cut
    /// the table in two: what lies right of it holds no table of its own.
    @Test func anEmptyColumnInsideATableDoesNotCutIt() throws {
        let path = ForeignFormTests.directory + "/pingyin-computed-total.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let gap = editedSheet(workbook.sheets[0]) { cells, merges in
            cells = Dictionary(uniqueKeysWithValues: cells.map { ($0.key.column >= 4 ? CellReference(row: $0.key.row, column: $0.key.column + 1) : $0.key, $0.value) })
            merges = merges.compactMap { m in
                // The merges across the new column are undone, as they would be by a clerk unmerging to insert.
                m.last.column < 4 ? m : m.first.column >= 4 ? CellRange(rows: m.first.row...m.last.row, columns: (m.first.column + 1)...(m.last.column + 1)) : nil
            }
        }
        #expect(GridView(gap).columnBands.count == 2)
        let result = sharedImporter.importWorkbook(Workbook(sheets: [gap]), file: "表.xlsx")
        #expect(result.tables.count == 1)
        #expect(result.tables.first?.project?.indicatorSets.first?.rows.count == 13)
    }
}
