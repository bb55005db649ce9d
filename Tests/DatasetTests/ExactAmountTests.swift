import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset
import GoalBridgeSpreadsheet

/// Amounts are exact (issue 14): what the 项目 view, the CSV and the consolidated workbook show of an amount is the
/// number in the department's cell, never a binary-floating-point neighbour (`853.94` came out as 853.9399999999999).
struct ExactAmountTests {
    /// The number a cell's text states (`1,000.00` → 1000), read here without GoalBridge's parser.
    static func number(in text: String) -> Decimal? {
        let plain = text.filter { !",， ".contains($0) }
        return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")).flatMap { Decimal(string: plain) == $0 ? $0 : nil }
    }

    @Test func everyCollectedAmountIsTheTextOfItsSourceCell() throws {
        // The examples, and the corpus's 平阴 tables (amounts with cents, as numeric cells and as text).
        let corpus = repo.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus")
        let inputs = [repo.appendingPathComponent("Examples").path]
            + (1...15).map { corpus.appendingPathComponent(String(format: "pingyin-%02d-single.xlsx", $0)).path }
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect(inputs)
        let models = Dictionary(uniqueKeysWithValues: try dataset.currentTables().map { (String($0.id), ($0.file, $0.table)) })
        let view = try dataset.tablesSheet()
        let columns = ["资金总额": "total", "财政拨款": "fiscal", "上年结转": "carryover", "其他资金": "other"]
        var compared = 0, withCents = 0
        var workbooks: [String: Workbook] = [:]
        for row in view.rows {
            guard let (file, table) = models[row[0]], case .project(let t) = table else { continue }
            for (caption, part) in columns {
                let shown = row[view.header.firstIndex(of: caption)!]
                guard let source = t.sources?["annualFunds.\(part)"] else { #expect(shown.isEmpty, "\(file) \(caption)"); continue }
                let workbook = try workbooks[file] ?? XLSXReader().read(path: file)
                workbooks[file] = workbook
                let cell = try #require(workbook.sheet(named: source.sheet)?.cells.first { $0.reference == CellReference(source.cell) })
                let text: String
                switch cell.value {
                case .number(let d): text = "\(d)"          // Swift's shortest form: the number Excel shows
                default: text = cell.value.text
                }
                guard let expected = Self.number(in: text) else { continue }   // 108万元 and such: not a plain amount
                #expect(shown == expected.description, "\(file) \(source): shown \(shown), the cell says \(text)")
                compared += 1
                if expected != expected.rounded() { withCents += 1 }
            }
        }
        #expect(compared > 20 && withCents > 5, "compared \(compared), with cents \(withCents)")
    }
}

private extension Decimal {
    func rounded() -> Decimal {
        var value = self, result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
