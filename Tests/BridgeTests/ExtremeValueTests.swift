import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeReview
@testable import GoalBridgeSpreadsheet

/// Extreme numbers typed into a filled template go through import and review as warnings, never traps.
struct ExtremeValueTests {
    static let extremes: [CellValue] = [.number(1e19), .number(-1e19), .number(1e308), .number(-1e308), .number(-0.0),
                                        .number(.leastNonzeroMagnitude), .number(Double("12345678901234567890")!)]
    // (A date cell with an absurd serial is never produced: the reader keeps such a serial as a number.)

    @Test(arguments: extremes)
    func anExtremeValueInEveryFilledCellIsReadAndReviewed(_ value: CellValue) throws {
        let workbook = try XLSXReader().read(path: examplePath("pingyin-2024-police-auxiliary.xlsx"))
        // Every number-like field of the table (年度, amounts, indicator values) gets the extreme value.
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in
            for (ref, v) in cells where ref.row > 1 {
                if case .string(let s) = v, s.first.map({ $0.isASCII && $0.isNumber }) == true || s.hasPrefix("≤") || s.hasPrefix("≥") { cells[ref] = value }
                if case .number = v { cells[ref] = value }
            }
            if let year = cells.first(where: { $0.value == .string("年度") })?.key {
                cells[CellReference(row: year.row, column: year.column + 1)] = value
            }
        }
        var edited = workbook
        edited.sheets[0] = sheet
        let result = sharedImporter.importWorkbook(edited, file: "extreme.xlsx")
        #expect(result.tables.count == 1, "\(result.diagnostics.filter { $0.severity != .info }.prefix(3))")
        let table = try #require(result.tables.first?.project)
        #expect(table.fiscalYear == nil || (1000...9999).contains(table.fiscalYear!))
        #expect(result.diagnostics.contains { $0.code == "year-not-number" && $0.cell != nil })
        _ = Reviewer().review(result.tables) // must not trap either
    }
}
