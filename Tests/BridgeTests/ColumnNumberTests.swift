import Foundation
import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing

/// Fiscal forms often print a line under the header that numbers the columns (`1 2 3 …`, after `栏次` or `甲 乙`).
/// It is part of the header: read as data it became an indicator row with 一级指标 “2” and 二级指标 “3”, or a
/// record of the 部门整体 performance table with 职责 “2”. Three forms written by openpyxl and XlsxWriter
/// (scripts/corpus/foreign.py, `with_column_numbers`), expected documents from the seed text.
struct ColumnNumberTests {
    static let cases: [(workbook: String, expected: String)] = [
        ("provincial-column-numbers", "provincial-declaration"),   // `栏次 1 2 3 4 5` under a one-row header
        ("pingyin-column-numbers", "pingyin-column-numbers"),       // `甲 乙 1 2 3`, the 绩效指标 caption below the line
        ("performance-column-numbers", "performance-column-numbers"), // `1 … 17` under a header four rows deep
    ]

    /// Each workbook as written, and the 平阴 one re-saved by LibreOffice and by gnumeric.
    @Test(arguments: cases.map(\.workbook) + ["libreoffice/pingyin-column-numbers", "gnumeric/pingyin-column-numbers"])
    func aColumnNumberLineIsHeaderNotData(_ name: String) throws {
        let expectedName = try #require(Self.cases.first { name.hasSuffix($0.workbook) }).expected
        let path = ForeignFormTests.directory + "/\(name).xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/\(expectedName).json")
        // Every number of the line is the header's, none a field, a row's cell or an extra.
        let workbook = try XLSXReader().read(path: path)
        let uses = GoalImporter.cellUses(workbook, result)
        let byRow = Dictionary(grouping: uses, by: \.cell.row)
        let line = try #require(byRow.values.first { row in
            row.count >= 5 && row.allSatisfy { Int($0.text) != nil || ["栏次", "甲", "乙"].contains($0.text) }
        })
        #expect(line.allSatisfy { $0.use == "标签、表头或标题" }, "\(line.map { "\($0.cell): \($0.use)" })")
    }

    /// The line typed with full-width digits (`１ ２ ３ ４ ５`) is the same line.
    @Test func fullWidthDigitsNumberColumnsToo() throws {
        let path = ForeignFormTests.directory + "/provincial-column-numbers.xlsx"
        var workbook = try XLSXReader().read(path: path)
        let line = try #require(workbook.sheets[0].cells.first { $0.value.text == "栏次" }).reference.row
        workbook.sheets[0].cells = workbook.sheets[0].cells.map { cell in
            guard cell.reference.row == line, case .number(let d) = cell.value else { return cell }
            var typed = cell
            typed.value = .string(String(String.UnicodeScalarView(String(Int(d)).unicodeScalars.map { Unicode.Scalar($0.value - 0x30 + 0xFF10)! })))
            return typed
        }
        #expect(workbook.sheets[0].cells.contains { $0.value == .string("３") })
        let result = sharedImporter.importWorkbook(workbook, file: path)
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.indicatorSets.first?.rows.count == 12)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    /// Only numbers that count up from 1 or 2 make the line: the same line numbered `3 4 5 6 7` or `1 2 4 5 7` is
    /// data, read as an indicator row (and warned about: 一级指标 “栏次” is not in the vocabulary).
    @Test(arguments: [[3, 4, 5, 6, 7], [1, 2, 4, 5, 7]])
    func numbersThatDoNotCountAreData(_ numbers: [Int]) throws {
        let path = ForeignFormTests.directory + "/provincial-column-numbers.xlsx"
        var workbook = try XLSXReader().read(path: path)
        let line = try #require(workbook.sheets[0].cells.first { $0.value.text == "栏次" }).reference.row
        var k = 0
        workbook.sheets[0].cells = workbook.sheets[0].cells.map { cell in
            guard cell.reference.row == line, cell.value.text != "栏次" else { return cell }
            var renumbered = cell
            renumbered.value = .number(Double(numbers[k]))
            k += 1
            return renumbered
        }
        #expect(k == numbers.count)
        let result = sharedImporter.importWorkbook(workbook, file: path)
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.indicatorSets.first?.rows.count == 13)
        #expect(t.indicatorSets.first?.rows.first?.level1Raw == "栏次")
        #expect(t.indicatorSets.first?.rows.first?.level2Raw == "\(numbers[0])")
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("一级指标“栏次”") })
    }
}
