import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet

/// Rows of department-wide tables (聊城 strategic and performance) are indicators in the dataset (issue 14): in the
/// `indicator` table, the 指标 sheet and the CSV, and correctable with `apply`.
struct DepartmentRowsTests {
    static let corpus = repo.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus")

    @Test func departmentRowsAreIndicatorsAndCanBeCorrected() throws {
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        // A performance table (duties, 17 columns) and a strategic table, written by XlsxWriter/openpyxl from the seeds.
        _ = try Collector(dataset: dataset).collect([Self.corpus.appendingPathComponent("liaocheng-84-single.xlsx").path,
                                                     Self.corpus.appendingPathComponent("liaocheng-78-single.xlsx").path])
        let tables = try dataset.currentTables()
        let performance = try #require(tables.first { if case .departmentPerformance = $0.table { return true } else { return false } })
        let strategic = try #require(tables.first { if case .departmentStrategic = $0.table { return true } else { return false } })
        guard case .departmentPerformance(let p) = performance.table, case .departmentStrategic(let s) = strategic.table else {
            Issue.record("tables of another kind"); return
        }
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE table_id = \(performance.id)") == p.rows.count)
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE table_id = \(strategic.id)") == s.rows.count)
        // In the 指标 sheet: the duty as 一级指标, the indicator's name, its annual target.
        let sheet = try dataset.indicatorsSheet()
        let first = try #require(p.rows.first)
        #expect(sheet.rows.contains { $0[6] == (first.duty ?? "") && $0[8] == first.indicator && $0[10] == first.annualTarget.raw })

        // Corrected in the consolidated workbook: a target of the performance table, a weight of the strategic one.
        let path = work.appendingPathComponent("汇总.xlsx").path
        try dataset.writeConsolidated(to: path)
        var book = try XLSXReader().read(path: path)
        let k = book.sheets.firstIndex { $0.name == "指标" }!
        let header = Dictionary(uniqueKeysWithValues: book.sheets[k].cells.filter { $0.reference.row == 0 }.map { ($0.value.text, $0.reference.column) })
        func rowOf(_ name: String) throws -> Int {
            try #require(book.sheets[k].cells.first { $0.reference.column == header["三级指标"] && $0.value.text == name }).reference.row
        }
        func set(_ row: Int, _ caption: String, _ text: String) {
            let ref = CellReference(row: row, column: header[caption]!)
            book.sheets[k].cells.removeAll { $0.reference == ref }
            book.sheets[k].cells.append(Cell(ref, .string(text)))
        }
        set(try rowOf(first.indicator), "指标值", "≥99%")
        set(try rowOf(try #require(s.rows.first).indicator), "权重", "5")
        try GridWriter.write(book, to: path)
        let report = try dataset.applyCorrections(from: path)
        #expect(report.applied.map(\.field) == ["指标值"])
        #expect(report.refused.count == 1 && report.refused[0].reason.contains("战略目标表没有这一列"))
        let after = try #require(try dataset.currentTables().first { $0.id == performance.id })
        guard case .departmentPerformance(let corrected) = after.table else { Issue.record("kind changed"); return }
        #expect(corrected.rows.first?.annualTarget.raw == "≥99%")
        #expect(corrected.rows.first?.reference == first.reference)          // the rest of the row as it was
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE table_id = \(performance.id) AND value_raw = '≥99%'") >= 1)
    }
}
