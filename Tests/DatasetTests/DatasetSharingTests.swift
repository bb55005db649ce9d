import Foundation
import Testing
import GoalBridge
@testable import GoalBridgeDataset
import GoalBridgeSpreadsheet
import GoalBridgeModel
import GRDB

/// The dataset shared safely: two collects on one (new) dataset both finish, one waiting for the other; a damaged
/// dataset is reported on open, naming what is damaged.
struct DatasetSharingTests {
    @Test func twoCollectsOnOneNewDatasetBothFinish() throws {
        let db = scratch().appendingPathComponent("共享.sqlite").path
        let a = try mixedFolder()
        let b = scratch().appendingPathComponent("另一批")
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        for n in 2...9 {
            let name = "pingyin-0\(n)-single.xlsx"
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus/" + name), to: b.appendingPathComponent(name))
        }
        let errors = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do {
                let collector = try Collector(dataset: try Dataset(path: db))
                _ = try collector.collect([i == 0 ? a.path : b.path])
            } catch { errors.add("\(error)") }
        }
        #expect(errors.values.isEmpty, "\(errors.values)")
        let files = try Dataset.openExisting(path: db).count("SELECT count(*) FROM source_file WHERE is_current = 1")
        let expected = Collector.expand([a.path]).filter { !($0 as NSString).lastPathComponent.hasPrefix("~$") }.count + 8
        #expect(files == expected) // both folders, every file
    }

    @Test func aDamagedDatasetIsReportedOnOpen() throws {
        let db = scratch().appendingPathComponent("坏.sqlite").path
        _ = try Collector(dataset: try Dataset(path: db)).collect([try mixedFolder().path])
        // Fold the WAL into the file, then damage pages in the middle of it.
        try DatabaseQueue(path: db).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: db))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 40_000))
        try handle.close()
        do {
            _ = try Dataset.openExisting(path: db)
            Issue.record("a damaged dataset opened without complaint")
        } catch let error as DatasetOpenError {
            guard case .damaged(let path, let details) = error else { Issue.record("\(error)"); return }
            #expect(path == db)
            #expect(!details.isEmpty)
            #expect(error.description.contains("已损坏"))
        }
    }

    @Test func aFileThatIsNoDatasetIsReportedAsSuch() throws {
        let db = scratch().appendingPathComponent("不是.sqlite").path
        try Data(String(repeating: "这不是数据库", count: 1000).utf8).write(to: URL(fileURLWithPath: db))
        #expect(throws: DatasetOpenError.self) { _ = try Dataset.openExisting(path: db) }
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Extreme numbers typed into a workbook go through collect, the consolidated workbook, apply and export without a
/// trap (a 20-digit 年度 once ended the whole batch).
struct ExtremeValuesThroughTheBatchTests {
    @Test func extremesAreCollectedAppliedAndExported() throws {
        let dir = scratch()
        let inbox = dir.appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let source = try XLSXReader().read(path: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx").path)
        let extremes: [Double] = [1e19, -1e19, 1e308, -1e308, Double("12345678901234567890")!, .leastNonzeroMagnitude]
        for (i, x) in extremes.enumerated() {
            var wb = source
            wb.sheets[0].cells = wb.sheets[0].cells.map { cell in
                if case .number = cell.value { return Cell(cell.reference, .number(x)) }
                return cell
            }
            try GridWriter.write(wb, to: inbox.appendingPathComponent("极值\(i).xlsx").path)
        }
        let db = dir.appendingPathComponent("d.sqlite").path
        let dataset = try Dataset(path: db)
        let summary = try Collector(dataset: dataset).collect([inbox.path])
        #expect(summary.new == extremes.count)
        let consolidated = dir.appendingPathComponent("汇总.xlsx").path
        try dataset.writeConsolidated(to: consolidated)
        _ = try dataset.applyCorrections(from: consolidated)
        let (written, _) = try dataset.exportTables(to: dir.appendingPathComponent("导出").path, exporter: try GoalExporter())
        #expect(written.count == extremes.count)
    }
}

/// Commands that only read (`export --db`) open the dataset read-only: they work on a dataset they may not change,
/// and cannot change it.
struct ReadOnlyDatasetTests {
    @Test func exportReadsADatasetWithoutWritingIt() throws {
        let db = scratch().appendingPathComponent("只读.sqlite").path
        _ = try Collector(dataset: try Dataset(path: db)).collect([try mixedFolder().path])
        try DatabaseQueue(path: db).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let dataset = try Dataset.openExisting(path: db, readOnly: true)
        let (written, _) = try dataset.exportTables(to: scratch().path, exporter: try GoalExporter())
        #expect(!written.isEmpty)
        #expect(throws: (any Error).self) { try dataset.pool.write { try $0.execute(sql: "DELETE FROM source_file") } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}

/// `export --db --flat` writes every current project table's indicators, one row each, as the 一体化 system takes
/// them; the file reads back into the same tables and the same number of indicators, with corrections in it.
struct FlatExportFromDatasetTests {
    @Test func everyCurrentIndicatorIsOneRowAndReadsBack() throws {
        let dir = scratch()
        let db = dir.appendingPathComponent("d.sqlite").path
        let dataset = try Dataset(path: db)
        _ = try Collector(dataset: dataset).collect([repo.appendingPathComponent("Examples").path])
        let (projects, indicators) = try dataset.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM goal_table t JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1 AND t.kind = 'project'")!,
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM indicator i JOIN goal_table t ON t.id = i.table_id JOIN source_file f ON f.id = t.file_id
                WHERE f.is_current = 1 AND t.kind = 'project'
                """)!)
        }
        #expect(projects >= 7 && indicators > 50)
        let flat = dir.appendingPathComponent("一体化.xlsx").path
        let run = try runTool(["export", "--db", db, "--flat", flat])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("\(indicators) 个三级指标"), "\(run.output)")
        // Department-wide tables have no place in the project file: said, with their names.
        #expect(run.errors.contains("不是项目绩效目标表"), "\(run.errors)")
        let back = try GoalImporter().importFile(flat)
        #expect(back.tables.flatMap { $0.indicatorView.flatMap(\.rows) }.count == indicators)
        #expect(!back.hasErrors)
    }
}

/// Amounts are exact (issue 14): stored as decimal text, the REAL beside it only for SQL arithmetic. Collected from the
/// examples and from the 平阴 table whose total is 853.94 (openpyxl, the corpus) — once typed, once as a spreadsheet
/// computes it (`853.9399999999999` in the file) — every stored amount equals the number in its source cell's text,
/// every indicator number the number in its value's text; the CSV shows `853.94`.
struct ExactAmountsTests {
    @Test func everyStoredAmountIsTheSourceText() throws {
        let dir = scratch()
        let inbox = dir.appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent("Examples").path) where name.hasSuffix(".xlsx") {
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/\(name)"), to: inbox.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus/pingyin-14-single.xlsx"),
                                         to: inbox.appendingPathComponent("平阴-保洁.xlsx"))
        // The same table with its total as the clerk's spreadsheet computed it: 853.9399999999999 in the file.
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Tests/BridgeTests/Fixtures/foreign/pingyin-computed-total.xlsx"),
                                         to: inbox.appendingPathComponent("平阴-保洁-公式.xlsx"))
        let dataset = try Dataset(path: dir.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([inbox.path])
        var books: [String: Workbook] = [:]
        var checked = 0
        try dataset.pool.read { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT f.path, t.model_json, t.funds_total_decimal FROM goal_table t JOIN source_file f ON f.id = t.file_id
                WHERE t.funds_total_decimal IS NOT NULL
                """) {
                let path: String = row[0]
                let table = try JSONDecoder().decode(GoalTable.self, from: Data((row[1] as String).utf8))
                guard case .project(let t) = table, let source = t.sources?["annualFunds.total"] else { continue }
                if books[path] == nil { books[path] = try XLSXReader().read(path: path) }
                let cell = books[path]!.sheets.first { $0.name == source.sheet }?.cells.first { $0.reference.description == source.cell }
                let text = try #require(cell?.value.text)
                #expect(Decimal(string: row[2] as String) == Amount(text: text).value, "\(path) \(source): \(text) stored as \(row[2] as String)")
                checked += 1
            }
            for row in try Row.fetchAll(db, sql: "SELECT value_raw, number_decimal FROM indicator WHERE number_decimal IS NOT NULL") {
                #expect(IndicatorValue(raw: row[0]).number == Decimal(string: row[1] as String), "\(row[0] as String) stored as \(row[1] as String)")
                checked += 1
            }
            #expect(try String.fetchAll(db, sql: "SELECT funds_total_decimal FROM goal_table WHERE project_name LIKE '保洁%'") == ["853.94", "853.94"])
        }
        #expect(checked > 60)
        let csv = try dataset.writeCSV(to: dir.appendingPathComponent("csv").path)
        let tablesCSV = try String(contentsOfFile: try #require(csv.first { $0.hasSuffix("项目.csv") }), encoding: .utf8)
        #expect(tablesCSV.contains("853.94") && !tablesCSV.contains("853.939"))
    }
}
