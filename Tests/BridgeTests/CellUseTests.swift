import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// After import, every non-blank cell in a table's region has one use — a field, a column of an indicator or record
/// row, a label, header or title, a known line — and none is left unread (issue 12, §4). Checked for every workbook of
/// the independent corpus, of Examples/ and of the department-habit fixtures.
struct CellUseTests {
    static func workbooks() -> [String] {
        let corpus = (CorpusTests.workbooks() + CorpusTests.pyexcelerateWorkbooks()).map { CorpusTests.directory + "/\($0).xlsx" }
        let examples = ["Examples", "Examples/regional"].flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent(dir).path)) ?? [])
                .filter { $0.hasSuffix(".xlsx") }.map { repositoryRoot.appendingPathComponent("\(dir)/\($0)").path }
        }
        // The workbooks other programs wrote of what departments do to a table (column numbers, merged bases and
        // goals, hidden rows, numbered levels, retyped labels, attachments: scripts/corpus/foreign.py).
        let habits = ["provincial-column-numbers", "pingyin-column-numbers", "performance-column-numbers", "pingyin-hidden-rows",
                      "pingyin-hidden-column", "xinhua-merged-basis", "pingyin-computed-total", "pingyin-numbered-levels",
                      "pingyin-goal-lines", "standard-retyped-labels", "pingyin-with-attachments", "xinhua-date-cells-openpyxl",
                      "xinhua-date-cells-xlsxwriter", "pingyin-formula-errors", "pingyin-label-qualifiers", "pingyin-inserted-column",
                      "pingyin-amount-in-yuan", "pingyin-several-values", "pingyin-blank-copy", "pingyin-currency-amounts",
                      "pingyin-percent-targets", "pingyin-continued", "xinhua-continued", "liaocheng-fullwidth-digits",
                      "performance-continued", "yongqing-department-continued", "yongqing-department-header-repeated",
                      "pingyin-covered-cells", "pingyin-label-with-content", "xinhua-label-with-content", "side-by-side",
                      "changqing-inserted-column", "liaocheng-stacked-label-with-content", "xinhua-row-numbers",
                      "liaocheng-merged-satisfaction", "pingyin-label-instructions", "title-notes",
                      "pingyin-blank-copy-signed", "system-flat", "system-flat-retyped", "system-flat-printed",
                      "liaocheng-merged-satisfaction-wider", "system-export-labels-typed", "pingyin-contents",
                      "pingyin-pictures-in-cells", "pingyin-note-under-table", "pingyin-unit-column", "system-flat-unit-column",
                      "pingyin-struck-through"]
            .map { ForeignFormTests.directory + "/\($0).xlsx" }
        // Headers retyped as other forms spell them (scripts/corpus/variants.py).
        let variants = ["pingyin-value-renamed", "pingyin-headers-retyped", "pingyin-value-annual", "changqing-headers-retyped"]
            .map { ContradictionTests.variants + "/\($0).xlsx" }
        return corpus + examples + habits + variants
    }

    @Test func everyFilledCellHasAUse() throws {
        var cells = 0, fields = 0, rows = 0
        for path in Self.workbooks() {
            let workbook = try XLSXReader().read(path: path)
            let result = sharedImporter.importWorkbook(workbook, file: path)
            let uses = GoalImporter.cellUses(workbook, result)
            let unread = uses.filter { $0.use.hasPrefix("表外") }
            #expect(unread.isEmpty, "\((path as NSString).lastPathComponent): \(unread.prefix(3).map { "\($0.cell) \($0.text)" })")
            cells += uses.count
            fields += uses.filter { $0.use.hasPrefix("字段") }.count
            rows += uses.filter { $0.use.hasPrefix("指标") || $0.use.hasPrefix("记录") || $0.use.hasPrefix("清单") }.count
        }
        // Most cells carry data, not labels: the uses are really derived from where values were read.
        #expect(cells > 20_000 && fields > 2_000 && rows > 10_000, "\(cells) cells, \(fields) fields, \(rows) row values")
    }
}
