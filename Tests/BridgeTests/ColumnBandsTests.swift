import Testing
import GoalBridgeSpreadsheet
@testable import GoalBridge

/// The runs of columns a sheet's content fills (`GridView.columnBands`): where two tables side by side are told apart.
struct ColumnBandsTests {
    func grid(_ texts: [Int: String], merges: [CellRange] = []) -> GridView {
        GridView(Sheet(name: "Sheet1", cells: texts.keys.sorted().map { Cell(CellReference(row: 0, column: $0), .string(texts[$0]!)) },
                       merges: merges))
    }

    @Test func aColumnOfWhiteSpaceSeparates() {
        // An ideographic space, a no-break space and a tab are typed, not content.
        let g = grid([0: "项目名称", 1: "\u{3000}", 2: " \u{00A0}\t", 3: "一级指标", 5: "x"])
        #expect(g.columnBands == [0...0, 3...3, 5...5])
    }

    @Test func aMergeAcrossAnEmptyColumnJoins() {
        let g = grid([0: "标题", 3: "一级指标"], merges: [CellRange(rows: 0...0, columns: 0...2)])
        #expect(g.columnBands == [0...3])
    }

    @Test func numbersCount() {
        var sheet = Sheet(name: "Sheet1", cells: [Cell(CellReference(row: 0, column: 0), .string("甲")), Cell(CellReference(row: 0, column: 2), .string("年度"))])
        sheet.cells.insert(Cell(CellReference(row: 0, column: 1), .number(0)), at: 1)
        #expect(GridView(sheet).columnBands == [0...2])
        #expect(GridView(Sheet(name: "空")).columnBands.isEmpty)
    }

    @Test func restrictedToColumnsKeepsCoordinates() {
        let sheet = Sheet(name: "Sheet1", cells: [Cell(CellReference(row: 0, column: 0), .string("甲")), Cell(CellReference(row: 0, column: 4), .string("乙"))],
                          merges: [CellRange(rows: 0...1, columns: 4...5)])
        let right = sheet.restricted(toColumns: 2...Int.max)
        #expect(right.cells.map(\.reference) == [CellReference(row: 0, column: 4)])
        #expect(right.merges == [CellRange(rows: 0...1, columns: 4...5)])
    }
}
