import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// A blank filled from above is marked as inferred, with the cell it came from (issue 12, §3). Checked on every
/// workbook of the independent corpus against the sheet itself, read as a plain grid: a value marked filled-down
/// names a written cell above whose text it is, while the row's own cell is blank and under no merge; a value not
/// so marked was read in its own row, or in the merged cell covering that row.
struct FillDownMarkTests {
    struct Grid {
        var texts: [CellReference: String] = [:]
        var merges: [CellRange] = []

        init(_ sheet: Sheet) {
            for cell in sheet.cells { texts[cell.reference] = cell.value.text }
            merges = sheet.merges
        }

        func text(_ ref: CellReference) -> String? {
            texts[ref].map(TextNormalizer.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        }

        func merge(covering ref: CellReference) -> CellRange? {
            merges.first { $0.first.row <= ref.row && ref.row <= $0.last.row && $0.first.column <= ref.column && ref.column <= $0.last.column }
        }
    }

    struct Tally {
        var filledDown = 0
        var readInPlace = 0
        var filledDownRecordValues = 0
    }

    /// Checks one value's source against the grid; `row` is the sheet row of the indicator or record.
    static func check(_ source: SourceCell, value: String?, row: Int, grid: Grid, context: String, tally: inout Tally) {
        guard let origin = CellReference(source.cell) else { Issue.record("\(context): \(source) is no cell"); return }
        let own = CellReference(row: row, column: origin.column)
        if source.filledDown == true {
            tally.filledDown += 1
            #expect(origin.row < row, "\(context): filled down from \(source), not above row \(row + 1)")
            #expect(grid.text(own) == nil && grid.merge(covering: own) == nil, "\(context): \(own) is written or merged, yet marked filled down")
            if let value { #expect(grid.text(origin) == value, "\(context): \(source) holds \(grid.text(origin) ?? "nothing"), not \(value)") }
        } else {
            tally.readInPlace += 1
            let inPlace = origin.row == row
            let mergedOver = grid.merge(covering: own).map { $0.first == origin } ?? false
            #expect(inPlace || mergedOver, "\(context): read from \(source) for row \(row + 1) without the filled-down mark")
        }
    }

    /// The sheet row of a row of values: the row of any source not filled down (every row has one: its name or value).
    static func ownRow(_ sources: [String: SourceCell]) -> Int? {
        sources.values.filter { $0.filledDown != true }.compactMap { CellReference($0.cell)?.row }.max()
    }

    @Test func filledDownValuesNameTheCellTheyCameFrom() throws {
        var tally = Tally()
        let reader = XLSXReader()
        for name in CorpusTests.workbooks() {
            let path = CorpusTests.directory + "/\(name).xlsx"
            let workbook = try reader.read(path: path)
            let result = sharedImporter.importFile(path)
            for table in result.tables {
                guard let sheetName = table.source?.sheet, let sheet = workbook.sheet(named: sheetName) else { continue }
                let grid = Grid(sheet)
                var rows: [IndicatorRow] = []
                switch table {
                case .project(let t): rows = t.indicatorSets.flatMap(\.rows)
                case .departmentIndicators(let t): rows = t.indicators.rows
                default: break
                }
                for (i, row) in rows.enumerated() {
                    guard let sources = row.sources, let r = Self.ownRow(sources) else { continue }
                    for (field, value) in [("level1", row.level1Raw), ("level2", row.level2Raw)] {
                        guard let s = sources[field] else { continue }
                        Self.check(s, value: value, row: r, grid: grid, context: "\(name) row \(i + 1) \(field)", tally: &tally)
                    }
                }
                var records: [[String: SourceCell]] = []
                switch table {
                case .departmentPerformance(let t): records = t.rows.compactMap(\.sources)
                case .departmentStrategic(let t): records = t.rows.compactMap(\.sources)
                default: break
                }
                for (i, sources) in records.enumerated() {
                    guard let r = Self.ownRow(sources) else { continue }
                    for (field, s) in sources {
                        Self.check(s, value: nil, row: r, grid: grid, context: "\(name) record \(i + 1) \(field)", tally: &tally)
                        if s.filledDown == true { tally.filledDownRecordValues += 1 }
                    }
                }
            }
        }
        // The corpus writes level cells merged, once per group and repeated, and duties once per group: every kind occurs.
        #expect(tally.filledDown > 100, "\(tally)")
        #expect(tally.filledDownRecordValues > 0, "\(tally)")
        #expect(tally.readInPlace > 1000, "\(tally)")
    }
}
