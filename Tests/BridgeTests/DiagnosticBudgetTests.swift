import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeSpreadsheet

/// A file full of stray text is told so in a bounded report: quoted text is cut, warnings are capped.
struct DiagnosticBudgetTests {
    @Test func oneLongStringInTwentyThousandCellsGivesABoundedReport() throws {
        let long = String(repeating: "长", count: 20_000)
        var workbook = try XLSXReader().read(path: examplePath("pingyin-2024-police-auxiliary.xlsx"))
        let sheet = workbook.sheets[0]
        let last = sheet.cells.map(\.reference.row).max()!
        // 20,000 stray cells below the table, each quoting the same 20,000-character text.
        let stray = (0..<20_000).map { Cell(CellReference(row: last + 2 + $0 / 4, column: $0 % 4), .string(long)) }
        workbook.sheets[0] = Sheet(name: sheet.name, state: sheet.state, cells: sheet.cells + stray, merges: sheet.merges)
        let result = sharedImporter.importWorkbook(workbook, file: "stray.xlsx")
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        // 200 listed (warnings and infos), then one line counting the rest; errors would always be kept.
        #expect(result.diagnostics.filter { $0.severity != .error }.count == Diagnostic.maximumWarningsPerFile + 1)
        #expect(warnings.count > 100)
        let closing = try #require(result.diagnostics.last)
        #expect(closing.code == "more-diagnostics")
        #expect(closing.message.contains("及其他"))
        #expect(result.diagnostics.allSatisfy { $0.message.count < 400 }, "a message quotes the whole text")
        #expect(result.tables.count == 1)
    }

    @Test func quotingCutsLongTextAndSaysHowLong() {
        #expect(Diagnostic.quoted("项目名称") == "“项目名称”")
        let q = Diagnostic.quoted(String(repeating: "字", count: 100))
        #expect(q.hasPrefix("“" + String(repeating: "字", count: 40) + "…”"))
        #expect(q.contains("共 100 字"))
    }
}
