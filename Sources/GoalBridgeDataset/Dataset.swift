import Foundation
import GRDB
import GoalBridge
import GoalBridgeModel
import GoalBridgeReview

/// Every input file ends in exactly one of these.
public enum FileStatus: String, Codable, Sendable, CaseIterable {
    case succeeded = "成功"
    case partial = "部分成功"
    case failed = "失败"
}

public enum DatasetOpenError: Error, CustomStringConvertible {
    case notFound(String)
    /// `PRAGMA quick_check` found damage (its first findings), or the file is no SQLite database at all.
    case damaged(String, details: String)
    public var description: String {
        switch self {
        case .notFound(let p): return "数据集 \(p) 不存在。请检查路径，或先用 goalbridge collect … --db \(p) 收录文件。"
        case .damaged(let p, let details):
            return "数据集 \(p) 已损坏（\(details)），无法读取。请用备份恢复，或用 goalbridge collect 把原始文件重新收录到一个新的数据集。"
        }
    }
}

/// One file read and reviewed, ready to be stored.
public struct CollectedFile: Sendable {
    public var path: String
    public var size: Int
    public var sha256: String
    public var status: FileStatus
    public var reason: String?
    public var templateId: String?
    public var templateVersion: String?
    public var tables: [GoalTable]
    public var diagnostics: [Diagnostic]
    public var findings: [Finding]
    /// The JSON columns (each table's model, each finding's location and figures), encoded ahead of
    /// storing by `encodeForStorage()` — on the reading threads, so the single writer only runs SQL.
    var encoded: EncodedColumns?
    /// Its content was already current in the dataset when it was read: only loaded and hashed, not stored again.
    var wasCurrent = false

    struct EncodedColumns: Sendable {
        var tables: [String]
        var findingLocations: [String]
        var findingFigures: [String?]
    }

    /// Encodes the JSON columns now (Collector does this on its worker threads); storing encodes them otherwise.
    public mutating func encodeForStorage() throws { encoded = try encodedColumns() }

    /// The JSON columns: those encoded ahead of time, or encoded now.
    func encodedColumns() throws -> EncodedColumns {
        if let encoded { return encoded }
        // Finding locations are matched as text in SQL: sorted keys keep that text stable. The encoder is made
        // only when a location or figures need it (most files have neither).
        var sortedEncoder: JSONEncoder?
        func encoder() -> JSONEncoder {
            if let e = sortedEncoder { return e }
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys]
            sortedEncoder = e
            return e
        }
        return EncodedColumns(
            tables: try tables.map { try Dataset.modelJSON($0) },
            findingLocations: try findings.map {
                try CollectedFile.locationJSON($0.location) ?? String(decoding: try encoder().encode($0.location), as: UTF8.self)
            },
            findingFigures: try findings.map { $0.figures.isEmpty ? nil : String(decoding: try encoder().encode($0.figures), as: UTF8.self) })
    }

    /// A finding's location as `JSONEncoder` with sorted keys writes it, for field names of plain ASCII
    /// (letters, digits, `.`, `_`, `[`, `]` — every name the layouts and rules use); nil for anything else,
    /// which then goes through JSONEncoder. (Making a JSONEncoder and encoding with it was several µs per file.)
    static func locationJSON(_ location: ModelLocation) -> String? {
        func plain(_ s: String) -> Bool {
            !s.isEmpty && s.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
            }
        }
        switch location {
        case .table:
            return #"{"table":{}}"#
        case .field(let name):
            return plain(name) ? #"{"field":{"_0":""# + name + #""}}"# : nil
        case .indicator(let scope, let row, let field):
            return plain(field) ? #"{"indicator":{"field":""# + field + #"","row":"# + String(row) + #","scope":""# + scope.rawValue + #""}}"# : nil
        }
    }

    /// A file as collect read it: where, its size and content hash, its status and reason, and what import and
    /// review found.
    ///
    /// ```swift
    /// CollectedFile(path: "/收件/平阴.xlsx", size: 9832, sha256: hash, status: .succeeded, reason: nil,
    ///               tables: result.tables, diagnostics: result.diagnostics, findings: findings)
    /// ```
    public init(path: String, size: Int, sha256: String, status: FileStatus, reason: String?, templateId: String? = nil,
                templateVersion: String? = nil, tables: [GoalTable], diagnostics: [Diagnostic], findings: [Finding]) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.status = status
        self.reason = reason
        self.templateId = templateId
        self.templateVersion = templateVersion
        self.tables = tables
        self.diagnostics = diagnostics
        self.findings = findings
    }
}

/// The collected dataset: an SQLite file (WAL mode; every write in a transaction, so a killed process leaves
/// a consistent dataset and a rerun completes it). Schema: docs/dataset.md.
public final class Dataset: @unchecked Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens a dataset that must already exist (`check --db`, `apply`, `export --db`): a mistyped path is
    /// reported as such instead of silently creating an empty dataset.
    /// With `readOnly`, the dataset is opened for reading only (`export --db`): a dataset on a read-only medium or
    /// shared read-only can be read, and the command cannot change it.
    public static func openExisting(path: String, readOnly: Bool = false) throws -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DatasetOpenError.notFound(path)
        }
        let dataset: Dataset
        do { dataset = try Dataset(path: path, readOnly: readOnly) } catch let error as DatabaseError
            where [ResultCode.SQLITE_CORRUPT, ResultCode.SQLITE_NOTADB].contains(error.resultCode.primaryResultCode) {
            throw DatasetOpenError.damaged(path, details: "不是完整的数据集文件")
        }
        try dataset.verify()
        return dataset
    }

    /// Checks the file's structure (`PRAGMA quick_check`: pages, records, indexes) before a command reads every
    /// table, so damage is reported on open, naming what is damaged, instead of as a bare decoding error midway.
    public func verify() throws {
        let findings: [String]
        do {
            findings = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        } catch let error as DatabaseError {
            throw DatasetOpenError.damaged(path, details: error.message ?? "无法读取")
        }
        guard findings != ["ok"] else { return }
        throw DatasetOpenError.damaged(path, details: findings.prefix(3).joined(separator: "；"))
    }

    /// Called once when another process holds the dataset and this one starts to wait for it (the CLI prints
    /// 数据集正被另一进程使用，等待中…).
    nonisolated(unsafe) public static var onWait: (@Sendable () -> Void)?
    /// How long a command waits for another process that holds the dataset, in seconds.
    public static let busyWaitSeconds = 600.0

    /// The page cache of the connection that writes, in KiB (readers keep SQLite's default).
    static let writerCacheKiB = 16 << 10

    /// Opens the dataset at `path` for writing, creating it with its schema when it does not exist; a damaged file
    /// is refused with `DatasetOpenError.damaged`; an older one is migrated to the current schema (docs/dataset.md).
    ///
    /// ```swift
    /// let dataset = try Dataset(path: "2025.sqlite")
    /// ```
    public convenience init(path: String) throws { try self.init(path: path, readOnly: false) }

    init(path: String, readOnly: Bool) throws {
        self.path = path
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        // Two commands on one dataset (two collects, a collect and an export): the second waits its turn
        // instead of failing with SQLite's "database is locked".
        let started = Date()
        config.busyMode = .callback { tries in
            if tries == 0 { Dataset.onWait?() }
            usleep(20_000)
            return Date().timeIntervalSince(started) < Dataset.busyWaitSeconds
        }
        // WAL with synchronous=NORMAL: a crash or kill never corrupts the file or leaves half a transaction;
        // only the last transactions may be lost on power failure, and a rerun collects them again.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL")
            // The writer's page cache holds a whole chunk's changes and the indexes it looks up. With SQLite's
            // default 2 MB, a chunk spilled pages to the WAL mid-transaction and re-read index pages from the
            // file: collecting 100,000 files spent 6–8 s in the kernel, 1.7–1.9 s with 16 MB. The WAL is copied
            // into the file every 4,000 pages (64 MiB) rather than 1,000: pages changed again before the copy are
            // copied once (+3–5 % at 100,000 files, interleaved runs).
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -\(Dataset.writerCacheKiB); PRAGMA wal_autocheckpoint = 4000")
            }
        }
        // Opening sets WAL mode, which needs a moment's exclusive lock: another process creating or opening the
        // same dataset at that instant makes it fail with SQLITE_BUSY before any busy handler runs. Wait and retry.
        var opened: DatabasePool?
        while opened == nil {
            do {
                opened = try DatabasePool(path: path, configuration: config)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date().timeIntervalSince(started) < Dataset.busyWaitSeconds {
                usleep(50_000)
            }
        }
        pool = opened!
        if readOnly {
            // Nothing can be migrated: a dataset of an older schema is named as such.
            guard try pool.read({ try DatasetSchema.migrator.hasCompletedMigrations($0) }) else {
                throw DatasetOpenError.damaged(path, details: "数据集版本较旧，需先用 goalbridge collect 打开一次以升级")
            }
        } else {
            try Dataset.migrate(pool)
        }
    }

    /// Brings the schema up to date. Two processes opening one new (or older) dataset at the same moment may both
    /// start the same migration: the second fails inside its transaction (nothing applied) on what the first made.
    /// Then the migrations are read again and the rest is applied, until the schema is complete.
    static func migrate(_ pool: DatabasePool) throws {
        var attempt = 0
        while true {
            do {
                try DatasetSchema.migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                if try pool.read({ try DatasetSchema.migrator.hasCompletedMigrations($0) }) { return }
                if attempt >= 10 { throw error }
                usleep(50_000)
            }
        }
    }

    /// The encoder of the model_json column: compact source cells (`Sheet!B21`), keys in encoding order.
    /// (Sorted keys cost ≈ 7 % more and nothing reads the column but the decoder.)
    static func modelEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.userInfo[.compactSourceCells] = true
        return encoder
    }

    /// A table's model_json text: written by ModelColumnEncoder (2× faster than JSONEncoder and without its
    /// cross-thread contention), or by JSONEncoder should the model ever encode itself in a way that cannot be streamed.
    static func modelJSON(_ table: GoalTable) throws -> String {
        if let text = try? ModelColumnEncoder().encode(table) { return text }
        return String(decoding: try modelEncoder().encode(table), as: UTF8.self)
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// Records the start of a collection run and returns its id.
    public func startRun(inputs: [String]) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO run (started_at, inputs) VALUES (?, ?)", arguments: [Dataset.now(), inputs.joined(separator: "\n")])
            return db.lastInsertedRowID
        }
    }

    func finishRun(_ id: Int64, seen: Int, new: Int, unchanged: Int) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE run SET finished_at = ?, files_seen = ?, files_new = ?, files_unchanged = ? WHERE id = ?",
                           arguments: [Dataset.now(), seen, new, unchanged, id])
        }
    }

    /// Which of these files (path and content) are already current in the dataset, as indices into `files`
    /// (one read for a whole chunk).
    func currentFiles(among files: [(path: String, sha256: String)]) throws -> Set<Int> {
        guard !files.isEmpty else { return [] }
        return try pool.read { db in
            var found = Set<Int>()
            for (i, f) in files.enumerated() where try Dataset.isCurrent(path: f.path, sha256: f.sha256, db) { found.insert(i) }
            return found
        }
    }

    /// True when this file is current in the dataset with this content. A submission is a file at its path: the
    /// same content under two paths is two submissions (two departments may send byte-identical files), and the
    /// content only tells that a path has not changed since it was collected.
    static func isCurrent(path: String, sha256: String, _ db: Database) throws -> Bool {
        var exists = BoundStatement(try db.cachedStatement(sql: isCurrentSQL))
        exists.bind(path); exists.bind(sha256)
        return try exists.fetchBool(db)
    }

    /// Searches the index source_file_path (path, is_current); arguments: the path, the hash.
    static let isCurrentSQL = """
        SELECT EXISTS(SELECT 1 FROM source_file WHERE path = ? AND is_current = 1 AND sha256 = ?)
        """

    /// Stores files in one transaction: all of them or none. For each file, whether it was stored (false: its
    /// content was already current, then nothing changes).
    @discardableResult
    public func store(_ files: [CollectedFile], run: Int64) throws -> [Bool] {
        // One timestamp per transaction: the files of a chunk are stored together.
        let collectedAt = Dataset.now()
        // All JSON first, then all SQL: each phase's code stays hot (as Collector.process does for reading).
        let encoded = try files.map { try $0.encodedColumns() }
        return try pool.write { db in
            try zip(files, encoded).map { file, columns in try Dataset.insert(file, columns, run: run, collectedAt: collectedAt, db) }
        }
    }

    /// Stores one file; false when its content is already current.
    static func insert(_ f: CollectedFile, _ encoded: CollectedFile.EncodedColumns, run: Int64, collectedAt: String, _ db: Database) throws -> Bool {
        // A new version of a path replaces the earlier one; the same content again changes nothing.
        // Every statement here is prepared once per connection (cachedStatement): preparing the wide
        // INSERTs anew for each file cost more than running them.
        if try isCurrent(path: f.path, sha256: f.sha256, db) { return false }
        var replaced = BoundStatement(try db.cachedStatement(sql: "UPDATE source_file SET is_current = 0 WHERE path = ? AND is_current = 1"))
        replaced.bind(f.path)
        try replaced.run(db)
        // A withdrawn file sent again is current again: its withdrawal is history (the receipt lists a path as
        // withdrawn only while no version of it is current).
        let warnings = f.diagnostics.filter { $0.severity == .warning }.count
        // The rows are bound value by value (BoundStatement), in the column order of each INSERT.
        var file = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO source_file (run_id, path, name, size, sha256, template_id, template_version, status, reason, tables, warnings, collected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        file.bind(run); file.bind(f.path); file.bind((f.path as NSString).lastPathComponent); file.bind(f.size); file.bind(f.sha256)
        file.bind(f.templateId); file.bind(f.templateVersion); file.bind(f.status.rawValue); file.bind(f.reason); file.bind(f.tables.count)
        file.bind(warnings); file.bind(collectedAt)
        let fileId = try file.run(db)
        var diag = BoundStatement(try db.cachedStatement(sql: "INSERT INTO diagnostic (file_id, severity, code, message, sheet, cell, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"))
        for d in f.diagnostics where d.severity != .info {
            diag.bind(fileId); diag.bind(d.severity.rawValue); diag.bind(d.code); diag.bind(d.message); diag.bind(d.sheet); diag.bind(d.cell)
            diag.bind(d.detail)
            try diag.run(db)
        }
        var tableIds: [Int64] = []
        for (seq, table) in f.tables.enumerated() {
            tableIds.append(try insertTable(table, json: encoded.tables[seq], seq: seq, file: fileId, db))
        }
        var finding = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO finding (table_id, rule, category, severity, message, suggestion, location, sheet, cell, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        for (i, x) in f.findings.enumerated() where tableIds.indices.contains(x.table) {
            finding.bind(tableIds[x.table]); finding.bind(x.rule); finding.bind(x.category.rawValue); finding.bind(x.severity.rawValue)
            finding.bind(x.message); finding.bind(x.suggestion); finding.bind(encoded.findingLocations[i]); finding.bind(x.sheet)
            finding.bind(x.cell); finding.bind(encoded.findingFigures[i])
            try finding.run(db)
        }
        return true
    }

    static func insertTable(_ table: GoalTable, json: String, seq: Int, file: Int64, _ db: Database) throws -> Int64 {
        let s = table.source
        func d(_ a: Amount?) -> Double? { a?.value.map(DecimalText.double) }
        /// The exact decimal, as text (`853.94`): the stored value; the REAL beside it is for SQL arithmetic.
        func x(_ a: Amount?) -> String? { a?.value.map { "\($0)" } }
        switch table {
        case .project(let t):
            var row = BoundStatement(try db.cachedStatement(sql: """
                INSERT INTO goal_table (file_id, seq, kind, layout, sheet, cell_range, fiscal_year, project_code, project_name, project_category,
                  department, department_code, implementing_unit, implementing_unit_code, amount_unit, funds_total, funds_total_raw,
                  funds_fiscal, funds_carryover, funds_other, funds_text, fund_use, goal_mid_term, goal_annual, model_json,
                  funds_total_decimal, funds_fiscal_decimal, funds_carryover_decimal, funds_other_decimal)
                VALUES (?, ?, 'project', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """))
            row.bind(file); row.bind(seq); row.bind(s?.layout); row.bind(s?.sheet); row.bind(s?.range); row.bind(t.fiscalYear)
            row.bind(t.projectCode); row.bind(t.projectName); row.bind(t.projectCategory)
            row.bind(t.supervisingDepartment?.name); row.bind(t.supervisingDepartment?.code); row.bind(t.implementingUnit?.name)
            row.bind(t.implementingUnit?.code); row.bind(t.amountUnit); row.bind(d(t.annualFunds?.total)); row.bind(t.annualFunds?.total?.raw)
            row.bind(d(t.annualFunds?.fiscal)); row.bind(d(t.annualFunds?.carryover)); row.bind(d(t.annualFunds?.other))
            row.bind(t.annualFunds?.text); row.bind(t.fundUse); row.bind(t.goals.midTerm); row.bind(t.goals.annual); row.bind(json)
            row.bind(x(t.annualFunds?.total)); row.bind(x(t.annualFunds?.fiscal)); row.bind(x(t.annualFunds?.carryover)); row.bind(x(t.annualFunds?.other))
            let id = try row.run(db)
            if let plan = t.spendingPlan {
                var point = BoundStatement(try db.cachedStatement(sql: "INSERT INTO spending_point (table_id, seq, kind, label, value_raw, value, value_decimal) VALUES (?, ?, ?, ?, ?, ?, ?)"))
                for (i, p) in plan.points.enumerated() {
                    point.bind(id); point.bind(i); point.bind(plan.kind.rawValue); point.bind(p.label); point.bind(p.value?.raw); point.bind(d(p.value))
                    point.bind(x(p.value))
                    try point.run(db)
                }
            }
            for set in t.indicatorSets { try insertIndicators(set, table: id, db) }
            return id
        case .departmentIndicators(let t):
            var row = BoundStatement(try db.cachedStatement(sql: """
                INSERT INTO goal_table (file_id, seq, kind, layout, sheet, cell_range, fiscal_year, department, amount_unit, funds_total,
                  funds_total_raw, goal_annual, model_json, funds_total_decimal)
                VALUES (?, ?, 'departmentIndicators', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """))
            row.bind(file); row.bind(seq); row.bind(s?.layout); row.bind(s?.sheet); row.bind(s?.range); row.bind(t.fiscalYear)
            row.bind(t.departmentName); row.bind(t.amountUnit); row.bind(d(t.annualFunds?.total)); row.bind(t.annualFunds?.total?.raw)
            row.bind(t.overallGoal); row.bind(json); row.bind(x(t.annualFunds?.total))
            let id = try row.run(db)
            try insertIndicators(t.indicators, table: id, db)
            return id
        default:
            let kind: String
            var department: String?, year: Int?
            switch table {
            case .departmentStrategic(let t): kind = "departmentStrategic"; department = t.departmentName; year = t.fiscalYear
            case .departmentPerformance(let t): kind = "departmentPerformance"; department = t.departmentName; year = t.fiscalYear
            default: kind = "projectList"
            }
            var row = BoundStatement(try db.cachedStatement(sql: "INSERT INTO goal_table (file_id, seq, kind, layout, sheet, cell_range, department, fiscal_year, model_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            row.bind(file); row.bind(seq); row.bind(kind); row.bind(s?.layout); row.bind(s?.sheet); row.bind(s?.range); row.bind(department)
            row.bind(year); row.bind(json)
            let id = try row.run(db)
            // Department-wide rows are indicators too (GoalTable.indicatorView).
            for set in table.indicatorView { try insertIndicators(set, table: id, db) }
            return id
        }
    }

    /// Inserts a set's rows. `ids`, when given, are the ids to use, one per row (a corrected table keeps its
    /// indicators' ids: the consolidated workbook refers to them); nil lets SQLite choose.
    static func insertIndicators(_ set: IndicatorSet, table: Int64, ids: ArraySlice<Int64>? = nil, _ db: Database) throws {
        var row = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO indicator (id, table_id, scope, seq, level1_raw, level1, level2_raw, level2, name, description, value_raw, value_kind,
              comparator, number, upper, unit, value_text, basis, scoring_rule, weight, remark, sheet, cell, number_decimal, upper_decimal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        // Rows are read in place through a pointer: binding `for r in rows` copied every row (a retain per field).
        try set.rows.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                let r = rows.baseAddress! + i
                let src = r.pointee.sources?["value"] ?? r.pointee.sources?["name"]
                row.bind(ids.flatMap { i < $0.count ? $0[$0.startIndex + i] : nil })
                row.bind(table); row.bind(set.scope.rawValue); row.bind(i); row.bind(r.pointee.level1Raw); row.bind(r.pointee.level1)
                row.bind(r.pointee.level2Raw); row.bind(r.pointee.level2); row.bind(r.pointee.name); row.bind(r.pointee.description)
                row.bind(r.pointee.value.raw); row.bind(r.pointee.value.kind.rawValue); row.bind(r.pointee.value.comparator?.rawValue)
                row.bind(r.pointee.value.number.map(DecimalText.double))
                row.bind(r.pointee.value.upper.map(DecimalText.double))
                row.bind(r.pointee.value.unit); row.bind(r.pointee.value.text); row.bind(r.pointee.basis); row.bind(r.pointee.scoringRule)
                row.bind(r.pointee.weight); row.bind(r.pointee.remark); row.bind(src?.sheet); row.bind(src?.cell)
                row.bind(r.pointee.value.number.map { "\($0)" }); row.bind(r.pointee.value.upper.map { "\($0)" })
                try row.run(db)
            }
        }
    }

    // MARK: Review across the dataset

    /// Runs the rules that compare tables (duplicates, one body spelled two ways, another project's wording, the
    /// summary list against its tables) over every current table, replacing the findings of an earlier run.
    public func reviewAcrossTables(_ reviewer: Reviewer = Reviewer()) throws -> [Finding] {
        // Two passes over the current tables in one read transaction (the same rows in the same order): the facts,
        // then, while the rules run, Q22's texts table by table — the texts were most of the facts' memory.
        let (ids, findings) = try pool.read { db -> ([Int64], [Finding]) in
            let (ids, facts) = try Dataset.currentFacts(db)
            let texts = try CurrentTexts(db)
            let findings = reviewer.reviewAcrossTables(facts) { texts.texts(at: $0) }
            if let error = texts.error { throw error }
            return (ids, findings)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try pool.write { db in
            let rules = Reviewer.acrossTableRules.map { "'\($0)'" }.joined(separator: ",")
            // Q18 also flags duplicate indicators within one table at collect time: only table-level ones are redone here.
            try db.execute(sql: "DELETE FROM finding WHERE rule IN (\(rules)) AND location = '{\"table\":{}}'")
            try db.execute(sql: "DELETE FROM finding WHERE rule IN ('Q17', 'Q22', 'Q24')")
            let st = try db.cachedStatement(sql: """
                INSERT INTO finding (table_id, rule, category, severity, message, suggestion, location, sheet, cell, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for f in findings where ids.indices.contains(f.table) {
                // Within-table duplicates were stored at collect time.
                if f.rule == "Q18", f.location != .table { continue }
                let location = String(decoding: try encoder.encode(f.location), as: UTF8.self)
                let figures = f.figures.isEmpty ? nil : String(decoding: try encoder.encode(f.figures), as: UTF8.self)
                try st.execute(arguments: [ids[f.table], f.rule, f.category.rawValue, f.severity.rawValue, f.message, f.suggestion,
                                           location, f.sheet, f.cell, figures])
            }
        }
        return findings.filter { !($0.rule == "Q18" && $0.location != .table) }
    }

    /// Current tables, in path order (both passes of `reviewAcrossTables` read them this way).
    static let currentModelsSQL = """
        SELECT t.id, t.model_json FROM goal_table t JOIN source_file f ON f.id = t.file_id
        WHERE f.is_current = 1 ORDER BY f.path, t.seq
        """

    /// Decodes stored models as `type` (the whole `GoalTable`, or only the parts a pass reads, like `StoredTexts`) on
    /// all cores and keeps `transform` of each, in order. The rules across tables compare contents, not cells: each
    /// indicator row's cells are left out (`CodingUserInfoKey.skipsRowSources`).
    static func decodeModels<D: Decodable, T>(_ json: [String], as type: D.Type, _ transform: @escaping @Sendable (D) -> T) throws -> [T] {
        let decoded = ResultSlots<Result<T, Error>>(count: json.count)
        DispatchQueue.concurrentPerform(iterations: json.count) { k in
            let decoder = JSONDecoder()
            decoder.userInfo[.skipsRowSources] = true
            decoded.set(k, Result { transform(try decoder.decode(D.self, from: Data(json[k].utf8))) })
        }
        return try decoded.values.map { try $0.get() }
    }

    /// Every current table reduced to what the rules across tables read, without the texts: the models are decoded
    /// 512 at a time on all cores and dropped, so memory holds the facts, not the tables.
    static func currentFacts(_ db: Database) throws -> (ids: [Int64], facts: [BatchFacts]) {
        var ids: [Int64] = [], facts: [BatchFacts] = [], chunk: [String] = []
        let rows = try Row.fetchCursor(db, sql: currentModelsSQL)
        while let row = try rows.next() {
            ids.append(row[0])
            chunk.append(row[1])
            if chunk.count == 512 {
                facts += try decodeModels(chunk, as: GoalTable.self) { BatchFacts($0, keepingTexts: false) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        facts += try decodeModels(chunk, as: GoalTable.self) { BatchFacts($0, keepingTexts: false) }
        return (ids, facts)
    }

    // MARK: Queries

    /// Counts of current files by status.
    public func statusCounts() throws -> [FileStatus: Int] {
        try pool.read { db in
            var out: [FileStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM source_file WHERE is_current = 1 GROUP BY status") {
                if let s = FileStatus(rawValue: row["status"]) { out[s] = row["n"] }
            }
            return out
        }
    }

    /// The most frequent reasons files failed.
    public func topReasons(limit: Int = 5) throws -> [(String, Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT reason, COUNT(*) AS n FROM source_file WHERE is_current = 1 AND status = '失败' GROUP BY reason ORDER BY n DESC LIMIT ?
                """, arguments: [limit]).map { ($0["reason"] ?? "", $0["n"]) }
        }
    }

    /// The integer a counting query returns (0 for no row): for reports and tests.
    ///
    /// ```swift
    /// try dataset.count("SELECT count(*) FROM indicator")
    /// ```
    public func count(_ sql: String) throws -> Int { try pool.read { try Int.fetchOne($0, sql: sql) ?? 0 } }

    /// Current tables with their ids, decoded from the stored model.
    public func currentTables() throws -> [(id: Int64, file: String, table: GoalTable)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.id, f.path, t.model_json FROM goal_table t JOIN source_file f ON f.id = t.file_id
                WHERE f.is_current = 1 ORDER BY f.path, t.seq
                """).map { row in
                (row["id"], row["path"], try JSONDecoder().decode(GoalTable.self, from: Data((row["model_json"] as String).utf8)))
            }
        }
    }
}

/// The second pass of `reviewAcrossTables`: each current table's Q22 texts, asked for in table order, decoded 512
/// tables ahead on all cores. A decoding error stops the pass and is kept in `error`.
private final class CurrentTexts {
    private let rows: RowCursor
    private var base = 0
    private var buffer: [[(field: String, text: String)]] = []
    private(set) var error: Error?

    init(_ db: Database) throws { rows = try Row.fetchCursor(db, sql: Dataset.currentModelsSQL) }

    func texts(at index: Int) -> [(field: String, text: String)] {
        while error == nil && index >= base + buffer.count {
            base += buffer.count
            buffer = []
            do {
                var chunk: [String] = []
                while chunk.count < 512, let row = try rows.next() { chunk.append(row[1]) }
                if chunk.isEmpty { return [] }
                buffer = try Dataset.decodeModels(chunk, as: StoredTexts.self) { $0.texts }
            } catch {
                self.error = error
            }
        }
        guard error == nil, index >= base else { return [] }
        return buffer[index - base]
    }
}
