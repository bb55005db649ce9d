import GoalBridgeModel
import GRDB
import GRDBSQLite

/// Runs one of collect's prepared statements with its values bound straight through the SQLite C API.
///
/// Why not `Statement.execute(arguments:)`: GRDB builds a `StatementArguments` array of boxed values,
/// checks it against the statement and binds it — for the dozen rows a goal table stores, that was most of
/// the writing thread's own time (≈ 25 µs of ≈ 35 µs per file, `perf` over `goalbridge-bench collect`).
/// The statement still comes from GRDB's cache and runs inside GRDB's transaction; only binding and
/// stepping are done here. Values are bound in order, one call per `?`.
struct BoundStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private var index: Int32 = 0

    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
    }

    private mutating func next() -> Int32 { index += 1; return index }

    mutating func bind(_ value: String?) {
        let i = next()
        guard let value else { sqlite3_bind_null(handle, i); return }
        let handle = self.handle
        // In place for native strings (no copy); SQLite copies the bytes (SQLITE_TRANSIENT).
        withUTF8Bytes(value) { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                sqlite3_bind_text(handle, i, base, Int32(bytes.count), SQLITE_TRANSIENT_DESTRUCTOR)
            } else {
                sqlite3_bind_text(handle, i, "", 0, SQLITE_TRANSIENT_DESTRUCTOR)
            }
        }
    }

    mutating func bind(_ value: Int64?) {
        let i = next()
        if let value { sqlite3_bind_int64(handle, i, value) } else { sqlite3_bind_null(handle, i) }
    }

    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    mutating func bind(_ value: Double?) {
        let i = next()
        if let value { sqlite3_bind_double(handle, i, value) } else { sqlite3_bind_null(handle, i) }
    }

    /// Steps an INSERT or UPDATE once and resets it for the next row; the last inserted row's id.
    @discardableResult
    mutating func run(_ db: Database) throws -> Int64 {
        try step(db, expecting: SQLITE_DONE) { _ in }
        return sqlite3_last_insert_rowid(db.sqliteConnection!)
    }

    /// The first column of the first row of a query, as a Bool (`SELECT EXISTS(…)`).
    mutating func fetchBool(_ db: Database) throws -> Bool {
        var value = false
        try step(db, expecting: SQLITE_ROW) { value = sqlite3_column_int64($0, 0) != 0 }
        return value
    }

    private mutating func step(_ db: Database, expecting expected: Int32, _ read: (OpaquePointer) -> Void) throws {
        precondition(index == Int32(sqlite3_bind_parameter_count(handle)), "BoundStatement: \(index) values for \(sqlite3_bind_parameter_count(handle)) parameters")
        index = 0
        let code = sqlite3_step(handle)
        if code == expected { read(handle) }
        sqlite3_reset(handle)
        guard code == expected else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}

/// SQLite copies the bound text (the Swift buffer does not outlive the call).
private let SQLITE_TRANSIENT_DESTRUCTOR = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
