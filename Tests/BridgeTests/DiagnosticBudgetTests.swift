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

    /// A workbook of many tables says a line of information per table: past the budget, that was one closing warning,
    /// and `collect` made the file 部分成功 for nothing amiss. Warnings are kept before information, and the closing
    /// line is a warning only when a warning was left out.
    @Test func informationPastTheBudgetIsNoWarning() {
        let infos = (0..<250).map { Diagnostic(.info, "table-found", "第 \($0) 张表", file: "f.xlsx") }
        let capped = Diagnostic.capped(infos, file: "f.xlsx")
        #expect(capped.count == Diagnostic.maximumWarningsPerFile + 1)
        #expect(capped.allSatisfy { $0.severity == .info }, "\(capped.last!.message)")
        #expect(capped.last?.message == "及其他 50 条说明未列出（本文件共 250 条）。")

        let mixed = infos + [Diagnostic(.warning, "extra-cell", "多余", file: "f.xlsx"), Diagnostic(.error, "e", "错", file: "f.xlsx")]
        let kept = Diagnostic.capped(mixed, file: "f.xlsx")
        #expect(kept.contains { $0.code == "extra-cell" } && kept.contains { $0.code == "e" })
        #expect(kept.last?.severity == .info && kept.filter { $0.code == "table-found" }.count == Diagnostic.maximumWarningsPerFile - 1)
    }

    @Test func quotingCutsLongTextAndSaysHowLong() {
        #expect(Diagnostic.quoted("项目名称") == "“项目名称”")
        let q = Diagnostic.quoted(String(repeating: "字", count: 100))
        #expect(q.hasPrefix("“" + String(repeating: "字", count: 40) + "…”"))
        #expect(q.contains("共 100 字"))
    }
}
