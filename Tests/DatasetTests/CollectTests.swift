import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
import GoalBridgeReview
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet
import GRDB
import TestScratch

let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func scratch() -> URL {
    newScratchFolder("gb-dataset")
}

/// A folder the way a bureau receives it: good workbooks in several layouts, and files that are not.
func mixedFolder() throws -> URL {
    let dir = scratch().appendingPathComponent("收件")
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("乡镇"), withIntermediateDirectories: true)
    for name in ["pingyin-2024-police-auxiliary", "xinhua-2023-finance-special-work", "yongqing-2021-department"] {
        try fm.copyItem(at: repo.appendingPathComponent("Examples/\(name).xlsx"), to: dir.appendingPathComponent("\(name).xlsx"))
    }
    try fm.copyItem(at: repo.appendingPathComponent("Examples/regional/xinhua-2023-finance-special-work.xinhua-2023.xlsx"),
                    to: dir.appendingPathComponent("乡镇/新华.xlsx"))
    try Data("项目名称,金额\n".utf8).write(to: dir.appendingPathComponent("清单.csv"))
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)).write(to: dir.appendingPathComponent("旧表.xls"))
    try Data().write(to: dir.appendingPathComponent("空文件.xlsx"))
    let full = try Data(contentsOf: repo.appendingPathComponent("Examples/liaocheng-2022-farmland.xlsx"))
    try full.prefix(full.count / 2).write(to: dir.appendingPathComponent("下载中断.xlsx"))
    // A workbook with no goal table in it.
    try GridWriter.write(Workbook(sheets: [Sheet(name: "Sheet1", cells: [Cell(CellReference(row: 0, column: 0), .string("通讯录"))])]),
                         to: dir.appendingPathComponent("通讯录.xlsx").path)
    // A filled workbook with a cell nobody asked for (not a note or signature line): imported with a warning.
    var sheet = try XLSXReader().read(path: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx").path).sheets[0]
    sheet.cells.append(Cell(CellReference(row: 60, column: 12), .string("另附详细测算见附件")))
    try GridWriter.write(Workbook(sheets: [sheet]), to: dir.appendingPathComponent("带备注.xlsx").path)
    // Office lock files are skipped.
    try Data([1, 2, 3]).write(to: dir.appendingPathComponent("~$pingyin.xlsx"))
    return dir
}

struct CollectTests {
    func statuses(_ d: Dataset) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try d.receiptFiles().rows.map { ($0[0], $0[2]) })
    }

    @Test func everyFileEndsInExactlyOneStatus() throws {
        let dir = try mixedFolder()
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        let summary = try Collector(dataset: dataset).collect([dir.path])
        #expect(summary.seen == 10)
        let s = try statuses(dataset)
        #expect(s["pingyin-2024-police-auxiliary.xlsx"] == "成功")
        #expect(s["xinhua-2023-finance-special-work.xlsx"] == "成功")
        #expect(s["yongqing-2021-department.xlsx"] == "成功")
        #expect(s["新华.xlsx"] == "成功")
        #expect(s["带备注.xlsx"] == "部分成功")
        for bad in ["清单.csv", "旧表.xls", "空文件.xlsx", "下载中断.xlsx", "通讯录.xlsx"] { #expect(s[bad] == "失败", "\(bad)") }
        #expect(s["~$pingyin.xlsx"] == nil)
        let reasons = try dataset.receiptFiles().rows.filter { $0[2] == "失败" }.map { $0[5] }
        #expect(reasons.contains { $0.contains("97-2003") })
        #expect(reasons.contains { $0.contains("不完整") })
        #expect(reasons.contains { $0.contains("没有找到绩效目标表") || $0.contains("未找到") })
        // The problem list names the cell of the stray note.
        #expect(try dataset.receiptProblems().rows.contains { $0[0] == "带备注.xlsx" && $0[1].hasSuffix("!M61") })
        #expect(try dataset.count("SELECT COUNT(*) FROM goal_table") == 5)
    }

    /// A file over the size limit fails with the limit named, before it is read into memory.
    @Test func anOversizedFileFailsWithTheLimit() throws {
        let dir = scratch()
        let file = dir.appendingPathComponent("大文件.xlsx")
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: file)
        var importer = try GoalImporter()
        importer.reader.limits.maxFileBytes = 1_000
        let dataset = try Dataset(path: dir.appendingPathComponent("d.sqlite").path)
        let collected = try Collector(dataset: dataset, importer: importer).process(file.path)
        #expect(collected.status == .failed)
        #expect(collected.reason?.contains("文件大小") == true)
        #expect(try Collector(dataset: dataset).process(file.path).status == .succeeded)
    }

    /// Files processed together keep their order and their own status, good and bad mixed.
    @Test func aBatchKeepsEachFilesOrderAndStatus() throws {
        let dir = try mixedFolder()
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        let collector = try Collector(dataset: dataset)
        let paths = ["pingyin-2024-police-auxiliary.xlsx", "旧表.xls", "乡镇/新华.xlsx", "空文件.xlsx", "不存在.xlsx"].map { dir.appendingPathComponent($0).path }
        let batch = collector.process(paths)
        #expect(batch.map(\.path) == paths)
        #expect(batch.map(\.status) == [.succeeded, .failed, .succeeded, .failed, .failed])
        #expect(batch.map(\.status) == paths.map { collector.process($0).status })
        #expect(batch[2].tables == collector.process(paths[2]).tables)
    }

    /// A receipt or consolidated workbook saved into the folder being collected is named for what it is.
    @Test func ownOutputsAreNamedWhenCollected() throws {
        let dir = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        try dataset.writeConsolidated(to: dir.appendingPathComponent("汇总.xlsx").path)
        try dataset.writeReceipt(to: dir.appendingPathComponent("回执.xlsx").path)
        let again = try Collector(dataset: dataset).collect([dir.path])
        #expect(again.new == 2 && again.unchanged == 10)
        let reasons = try dataset.receiptFiles().rows.filter { $0[0] == "汇总.xlsx" || $0[0] == "回执.xlsx" }.map { ($0[2], $0[5]) }
        #expect(reasons.count == 2)
        #expect(reasons.allSatisfy { $0.0 == "失败" && $0.1.contains("goalbridge apply") })
    }

    /// A batch whose files outgrow the memory budget is taken through the phases a group at a time, with the
    /// same results in the same order.
    @Test func largeFilesAreProcessedAGroupAtATime() throws {
        let dir = try mixedFolder()
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        let paths = Collector.expand([dir.path])
        let whole = try Collector(dataset: dataset).process(paths)
        var small = try Collector(dataset: dataset)
        small.loadedBytesPerGroup = 1
        let grouped = small.process(paths)
        #expect(grouped.map(\.path) == paths)
        #expect(grouped.map(\.status) == whole.map(\.status))
        #expect(grouped.map(\.sha256) == whole.map(\.sha256))
        #expect(grouped.map(\.tables) == whole.map(\.tables))
        #expect(grouped.map(\.reason) == whole.map(\.reason))
    }

    /// `check --db`, `apply` and `export --db` open an existing dataset: a wrong path says so, and creates nothing.
    @Test func aMissingDatasetIsNamedNotCreated() throws {
        let path = scratch().appendingPathComponent("没有.sqlite").path
        #expect(throws: DatasetOpenError.self) { _ = try Dataset.openExisting(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func collectingAgainChangesNothing() throws {
        let dir = try mixedFolder()
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        let counts = try ["source_file", "goal_table", "indicator", "finding", "diagnostic"].map { try dataset.count("SELECT COUNT(*) FROM \($0)") }
        let again = try Collector(dataset: dataset).collect([dir.path])
        #expect(again.new == 0 && again.unchanged == 10)
        #expect(try ["source_file", "goal_table", "indicator", "finding", "diagnostic"].map { try dataset.count("SELECT COUNT(*) FROM \($0)") } == counts)
    }

    @Test func aChangedFileReplacesItsVersion() throws {
        let dir = scratch()
        let path = dir.appendingPathComponent("平阴.xlsx").path
        var doc = try JSONDecoder().decode(GoalDocument.self, from: Data(contentsOf: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.json")))
        let exporter = try GoalExporter()
        try exporter.export(doc.tables, to: path)
        let dataset = try Dataset(path: dir.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([path])
        var t = try #require(doc.tables[0].project, "the example is a project table")
        t.indicatorSets[0].rows.removeLast()
        doc.tables[0] = .project(t)
        try exporter.export(doc.tables, to: path)
        let second = try Collector(dataset: dataset).collect([path])
        #expect(second.new == 1)
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file") == 2)
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file WHERE is_current = 1") == 1)
        let current = try dataset.currentTables()
        #expect(current.count == 1)
        #expect(current[0].table.indicatorRowCount == 8)
    }

    /// A file changed and then changed back gets a third version, the current one, with the first one's content.
    @Test func aFileChangedBackIsANewCurrentVersion() throws {
        let dir = scratch()
        let path = dir.appendingPathComponent("平阴.xlsx").path
        let original = try Data(contentsOf: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"))
        let other = try Data(contentsOf: repo.appendingPathComponent("Examples/xinhua-2023-finance-special-work.xlsx"))
        let dataset = try Dataset(path: dir.appendingPathComponent("d.sqlite").path)
        for content in [original, other, original] {
            try content.write(to: URL(fileURLWithPath: path))
            #expect(try Collector(dataset: dataset).collect([path]).new == 1)
        }
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file") == 3)
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file WHERE is_current = 1") == 1)
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file a JOIN source_file b ON a.sha256 = b.sha256 WHERE a.id = 1 AND b.id = 3 AND b.is_current = 1") == 1)
        #expect(try Collector(dataset: dataset).collect([path]).unchanged == 1)
    }

    /// Many small batches and transactions (the pipeline's hand-over, in order) store what one big one does.
    @Test func smallBatchesStoreFilesInInputOrder() throws {
        let dir = try mixedFolder()
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        var collector = try Collector(dataset: dataset)
        collector.batchSize = 1
        collector.chunkSize = 3
        let summary = try collector.collect([dir.path])
        #expect(summary.seen == 10 && summary.new == 10)
        let paths = try dataset.receiptFiles().rows.map { $0[0] }
        #expect(paths.count == 10)
        let stored = try dataset.pool.read { try String.fetchAll($0, sql: "SELECT path FROM source_file ORDER BY id") }
        #expect(stored == Collector.expand([dir.path]))
        let reference = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: reference).collect([dir.path])
        for table in ["source_file", "goal_table", "indicator", "finding", "diagnostic"] {
            #expect(try dataset.count("SELECT COUNT(*) FROM \(table)") == reference.count("SELECT COUNT(*) FROM \(table)"), "\(table)")
        }
    }

    /// Looking content up searches the index: a scan made collecting 10,000 files twenty times slower.
    @Test func contentIsLookedUpThroughItsIndex() throws {
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        let plan = try dataset.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Dataset.isCurrentSQL, arguments: ["/收件/a.xlsx", String(repeating: "0", count: 64)])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("SEARCH source_file USING INDEX source_file_path") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN source_file") }, "\(plan)")
    }

    /// A dataset made before the content index changed (schema v1) opens, migrates, and still knows its files.
    @Test func aVersionOneDatasetMigrates() throws {
        let dir = try mixedFolder()
        let path = scratch().appendingPathComponent("d.sqlite").path
        try DatasetSchema.migrator.migrate(DatabaseQueue(path: path), upTo: "v1")
        let file = dir.appendingPathComponent("pingyin-2024-police-auxiliary.xlsx").path
        let sha = FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: file)))
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO run (started_at, inputs) VALUES ('2026-01-01', '')")
            try db.execute(sql: """
                INSERT INTO source_file (run_id, path, name, size, sha256, status, tables, warnings, collected_at)
                VALUES (1, ?, 'pingyin-2024-police-auxiliary.xlsx', 1, ?, '成功', 0, 0, '2026-01-01')
                """, arguments: [file, sha])
        }
        let dataset = try Dataset(path: path)
        #expect(try dataset.count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'skipped_file'") == 1)
        #expect(try Collector(dataset: dataset).collect([file]).unchanged == 1)
    }

    /// A dataset made before amounts were stored as decimal text (schema v5) gets the text from its REAL columns:
    /// `1000.0` → `1000`, `853.94` → `853.94`, NULL stays NULL.
    @Test func aVersionFiveDatasetGetsDecimalText() throws {
        let path = scratch().appendingPathComponent("d.sqlite").path
        try DatasetSchema.migrator.migrate(DatabaseQueue(path: path), upTo: "v5")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO run (started_at, inputs) VALUES ('2026-01-01', '')")
            try db.execute(sql: """
                INSERT INTO source_file (run_id, path, name, size, sha256, status, tables, warnings, collected_at)
                VALUES (1, '/收件/a.xlsx', 'a.xlsx', 1, 'x', '成功', 1, 0, '2026-01-01')
                """)
            try db.execute(sql: """
                INSERT INTO goal_table (file_id, seq, kind, funds_total, funds_fiscal, funds_other, model_json)
                VALUES (1, 0, 'project', 853.94, 1000.0, NULL, '{}')
                """)
            try db.execute(sql: """
                INSERT INTO indicator (table_id, scope, seq, level1_raw, level2_raw, name, value_raw, value_kind, number)
                VALUES (1, 'annual', 0, '产出指标', '数量指标', '人数', '≥0.5人', 'quantitative', 0.5)
                """)
        }
        let dataset = try Dataset(path: path)
        let row = try dataset.pool.read { db in try Row.fetchOne(db, sql: "SELECT funds_total_decimal, funds_fiscal_decimal, funds_other_decimal FROM goal_table")! }
        #expect(row[0] as String? == "853.94" && row[1] as String? == "1000" && row[2] as String? == nil)
        #expect(try dataset.pool.read { db in try String.fetchOne(db, sql: "SELECT number_decimal FROM indicator") } == "0.5")
    }

    /// Files named twice (directly, by glob, by folder) are collected once, in path order; the dataset's own
    /// files in the folder being collected are not collected.
    @Test func inputsAreExpandedOnceInOrder() throws {
        let dir = try mixedFolder()
        let file = dir.appendingPathComponent("pingyin-2024-police-auxiliary.xlsx").path
        let all = Collector.expand([dir.path, file, dir.path + "/*.xlsx"])
        #expect(all == all.sorted() && Set(all).count == all.count)
        #expect(all.filter { $0 == file }.count == 1)
        let dataset = try Dataset(path: dir.appendingPathComponent("d.sqlite").path)
        let summary = try Collector(dataset: dataset).collect([dir.path])
        #expect(summary.seen == Collector.expand([dir.path]).filter { !$0.hasSuffix("d.sqlite") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.count)
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file WHERE name LIKE 'd.sqlite%'") == 0)
    }

    @Test func anInterruptedBatchIsCompletedByARerun() throws {
        let dir = try mixedFolder()
        let all = Collector.expand([dir.path])
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        // The first run stops after some files (as if killed between transactions)…
        _ = try Collector(dataset: dataset).collect(Array(all.prefix(4)))
        // …and the rerun on everything completes it without duplicates.
        let rerun = try Collector(dataset: dataset).collect([dir.path])
        #expect(rerun.unchanged == 4 && rerun.new == all.count - 4)
        #expect(try dataset.count("SELECT COUNT(*) FROM source_file WHERE is_current = 1") == all.count)
    }

    @Test func exportNeverOverwritesAnInputFile() throws {
        let dir = scratch()
        // The department's file happens to sit where the export would write (部门/项目名称.xlsx).
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("平阴县公安局"), withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("平阴县公安局/警务辅助人员专项经费.xlsx")
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: input)
        let before = try Data(contentsOf: input)
        let dataset = try Dataset(path: dir.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([input.path])
        #expect(throws: DatasetExportError.self) { _ = try dataset.exportTables(to: dir.path, exporter: try GoalExporter()) }
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func rulesAcrossTheWholeDatasetAreStored() throws {
        let dir = scratch()
        let exporter = try GoalExporter()
        let doc = try JSONDecoder().decode(GoalDocument.self, from: Data(contentsOf: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.json")))
        try exporter.export(doc.tables, to: dir.appendingPathComponent("公安局.xlsx").path)
        // Another department's file spells the county 平阳.
        var other = try #require(doc.tables[0].project, "the example is a project table")
        other.projectName = "交通协管员经费"
        other.supervisingDepartment = Party(name: "平阳县公安局")
        // …and its goal was copied from the police project without being edited.
        other.goals.annual = "保障警务辅助人员专项经费足额发放。"
        try exporter.export([.project(other)], to: dir.appendingPathComponent("交警.xlsx").path)
        // A third names the police project only in one indicator's basis (the dataset reads these texts apart).
        var third = try #require(doc.tables[0].project, "the example is a project table")
        third.projectName = "消防设施维护经费"
        third.goals.annual = "保障消防设施完好。"
        let row = try #require(third.indicatorSets.first?.rows.indices.last)
        third.indicatorSets[0].rows[row].basis = "参照警务辅助人员专项经费的标准"
        try exporter.export([.project(third)], to: dir.appendingPathComponent("消防.xlsx").path)
        // The summary list gives the police project another amount than its table.
        var list = try JSONDecoder().decode(GoalDocument.self, from: Data(contentsOf: repo.appendingPathComponent("Examples/pingyin-2024-project-list.json")))
        if case .projectList(var l) = list.tables[0] {
            if let k = l.rows.firstIndex(where: { $0.projectName == "警务辅助人员专项经费" }) { l.rows[k].amount = Amount(text: "2800") }
            list.tables[0] = .projectList(l)
        }
        try exporter.export(list.tables, to: dir.appendingPathComponent("汇总清单.xlsx").path)

        let dataset = try Dataset(path: dir.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        let findings = try dataset.reviewAcrossTables()
        #expect(findings.contains { $0.rule == "Q17" && $0.figures["写法一"] == "平阳县公安局" })
        #expect(findings.contains { $0.rule == "Q24" && $0.figures == ["汇总表": "2800万元", "项目表": "2820.81万元"] })
        #expect(findings.contains { $0.rule == "Q22" && $0.message.contains("警务辅助人员专项经费") })
        #expect(findings.contains { $0.rule == "Q22" && $0.message.hasPrefix("指标“") && $0.file?.hasSuffix("消防.xlsx") == true },
                "\(findings.filter { $0.rule == "Q22" }.map(\.message))")
        // The dataset's two passes (facts, then texts table by table) find what the rules find over the tables.
        let inMemory = Reviewer().reviewAcrossTables(try dataset.currentTables().map(\.table)).filter { !($0.rule == "Q18" && $0.location != .table) }
        #expect(findings == inMemory)
        let stored = try dataset.count("SELECT COUNT(*) FROM finding WHERE rule IN ('Q17', 'Q24')")
        #expect(stored == 2)
        // Running it again replaces, never duplicates.
        _ = try dataset.reviewAcrossTables()
        #expect(try dataset.count("SELECT COUNT(*) FROM finding WHERE rule IN ('Q17', 'Q24')") == stored)
    }

    @Test func csvHasBOMAndCannotRunFormulas() throws {
        #expect(CSVWriter.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.escape("+86") == "'+86")
        #expect(CSVWriter.escape("-5") == "'-5")
        #expect(CSVWriter.escape("@cmd") == "'@cmd")
        #expect(CSVWriter.escape("甲,乙") == "\"甲,乙\"")
        #expect(CSVWriter.escape("说\"明\"") == "\"说\"\"明\"\"\"")
        // A line break typed in Excel (CRLF, one Character in Swift) still needs quotes.
        #expect(CSVWriter.escape("第一行\r\n第二行") == "\"第一行\r\n第二行\"")
        #expect(CSVWriter.escape("第一行\n第二行") == "\"第一行\n第二行\"")
        #expect(CSVWriter.escape("普通文字") == "普通文字")
        let dir = try mixedFolder()
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        let out = scratch().path
        let files = try dataset.writeCSV(to: out)
        #expect(files.count == 4)
        let data = try Data(contentsOf: URL(fileURLWithPath: (out as NSString).appendingPathComponent("指标.csv")))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("指标ID,表ID,主管部门,项目名称"))
        #expect(text.contains("警务辅助人员专项经费"))
    }

    /// Views too long for one sheet continue on `指标 (2)`, `指标 (3)`…, every row once, in order, each sheet
    /// with its header; corrections made on a continuation sheet are applied too.
    @Test func longViewsContinueOnFurtherSheets() throws {
        let dir = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        let all = try dataset.indicatorsSheet().rows
        let path = work.appendingPathComponent("汇总.xlsx").path
        try dataset.writeWorkbook([.indicators], to: path, rowsPerSheet: 7)
        var wb = try XLSXReader().read(path: path)
        let expectedSheets = (all.count + 6) / 7
        #expect(wb.sheets.map(\.name) == ["指标"] + (1..<expectedSheets).map { "指标 (\($0 + 1))" })
        var read: [[String]] = []
        for sheet in wb.sheets {
            var grid: [Int: [Int: String]] = [:]
            for cell in sheet.cells { grid[cell.reference.row, default: [:]][cell.reference.column] = cell.value.text }
            #expect((0..<Dataset.indicatorHeader.count).map { grid[0]?[$0] ?? "" } == Dataset.indicatorHeader)
            for r in 1..<(grid.keys.max() ?? 0) + 1 { read.append((0..<Dataset.indicatorHeader.count).map { grid[r]?[$0] ?? "" }) }
        }
        #expect(read == all)
        // A correction on the last sheet.
        let last = wb.sheets.count - 1
        let valueColumn = try #require(Dataset.indicatorHeader.firstIndex(of: "指标值"))
        let k = try #require(wb.sheets[last].cells.firstIndex { $0.reference == CellReference(row: 1, column: valueColumn) })
        let old = wb.sheets[last].cells[k].value.text
        wb.sheets[last].cells[k].value = .string("≥99%")
        try GridWriter.write(wb, to: path)
        let corrections = try dataset.applyCorrections(from: path).applied
        #expect(corrections.count == 1 && corrections[0].old == old && corrections[0].new == "≥99%")
    }

    /// The CSV written row by row is the whole view: BOM, header, every row, CRLF.
    @Test func csvStreamsEveryRow() throws {
        let dir = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        let written = try dataset.writeCSV(to: work.appendingPathComponent("csv").path)
        let indicators = try #require(written.first { $0.hasSuffix("指标.csv") })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: indicators))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 1 + (try dataset.indicatorsSheet().rows.count))
        #expect(lines.first == Dataset.indicatorHeader.joined(separator: ","))
        // Nothing is left behind under a temporary name.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("csv").path).sorted()
                == ["回执.csv", "指标.csv", "问题.csv", "项目.csv"].sorted())
    }

    /// Several corrections to one table all apply, and indicators keep their ids (the 指标ID the workbook carries),
    /// so the same workbook applied again finds every row and changes nothing.
    @Test func severalCorrectionsToOneTableAllApply() throws {
        let dir = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        let idsBefore = try dataset.pool.read { try Int64.fetchAll($0, sql: "SELECT id FROM indicator ORDER BY id") }
        let consolidated = work.appendingPathComponent("汇总.xlsx").path
        try dataset.writeConsolidated(to: consolidated)
        var wb = try XLSXReader().read(path: consolidated)
        let i = try #require(wb.sheets.firstIndex { $0.name == "指标" })
        let nameColumn = try #require(Dataset.indicatorHeader.firstIndex(of: "三级指标"))
        let valueColumn = try #require(Dataset.indicatorHeader.firstIndex(of: "指标值"))
        // Three rows of the police table: two values and one name.
        var edited: [String: String] = ["发放完成率": "≥99%", "警辅人员满意度": "≥95%"]
        for (name, value) in edited {
            let row = try #require(wb.sheets[i].cells.first { $0.reference.column == nameColumn && $0.value == .string(name) }).reference.row
            let k = try #require(wb.sheets[i].cells.firstIndex { $0.reference == CellReference(row: row, column: valueColumn) })
            wb.sheets[i].cells[k].value = .string(value)
        }
        let renamed = try #require(wb.sheets[i].cells.firstIndex { $0.reference.column == nameColumn && $0.value == .string("发放人员数") })
        wb.sheets[i].cells[renamed].value = .string("发放人数")
        edited["发放人数"] = "342人"
        try GridWriter.write(wb, to: consolidated)

        let corrections = try dataset.applyCorrections(from: consolidated).applied
        #expect(corrections.count == 3)
        for (name, value) in edited {
            #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE name = '\(name)' AND value_raw = '\(value)'") == 1, "\(name)")
        }
        #expect(try dataset.pool.read { try Int64.fetchAll($0, sql: "SELECT id FROM indicator ORDER BY id") } == idsBefore)
        // The stored model has all three.
        let police = try #require(try dataset.currentTables().first { $0.table.project?.projectName == "警务辅助人员专项经费" })
        let rows = try #require(police.table.project?.indicatorSets.first?.rows)
        for (name, value) in edited { #expect(rows.contains { $0.name == name && $0.value.raw == value }, "\(name)") }
        #expect(try dataset.applyCorrections(from: consolidated).applied.isEmpty)
    }

    @Test func consolidatedWorkbookCarriesCorrectionsBack() throws {
        let dir = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([dir.path])
        let consolidated = work.appendingPathComponent("汇总.xlsx").path
        try dataset.writeConsolidated(to: consolidated)
        // An analyst corrects 警辅人员满意度 from 100% to ≥95% in the 指标 sheet.
        var wb = try XLSXReader().read(path: consolidated)
        let i = try #require(wb.sheets.firstIndex { $0.name == "指标" })
        let header = Dictionary(uniqueKeysWithValues: wb.sheets[i].cells.filter { $0.reference.row == 0 }.map { ($0.value.text, $0.reference.column) })
        let nameColumn = try #require(header["三级指标"]), valueColumn = try #require(header["指标值"])
        let row = try #require(wb.sheets[i].cells.first { $0.reference.column == nameColumn && $0.value == .string("警辅人员满意度") }).reference.row
        let k = try #require(wb.sheets[i].cells.firstIndex { $0.reference == CellReference(row: row, column: valueColumn) })
        wb.sheets[i].cells[k].value = .string("≥95%")
        try GridWriter.write(wb, to: consolidated)

        let corrections = try dataset.applyCorrections(from: consolidated).applied
        #expect(corrections.count == 1 && corrections[0].old == "100%" && corrections[0].new == "≥95%")
        #expect(try dataset.count("SELECT COUNT(*) FROM indicator WHERE name = '警辅人员满意度' AND value_raw = '≥95%' AND comparator = 'ge'") == 1)
        #expect(try dataset.count("SELECT COUNT(*) FROM goal_table WHERE corrected = 1") == 1)
        // Applying the same workbook again changes nothing.
        #expect(try dataset.applyCorrections(from: consolidated).applied.isEmpty)

        // Export per table: the correction is in the department's workbook, in its own layout.
        let out = work.appendingPathComponent("退回").path
        let (written, _) = try dataset.exportTables(to: out, exporter: try GoalExporter())
        #expect(written.count == 5)
        let police = try #require(written.first { $0.hasSuffix("/平阴县公安局/警务辅助人员专项经费.xlsx") })
        let back = try GoalImporter().importFile(police)
        let rows = try #require(back.tables.first?.project?.indicatorSets.first?.rows)
        #expect(rows.last?.value.raw == "≥95%")
        // The input folder is untouched.
        #expect(try Data(contentsOf: dir.appendingPathComponent("pingyin-2024-police-auxiliary.xlsx"))
                == Data(contentsOf: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx")))
    }
}
