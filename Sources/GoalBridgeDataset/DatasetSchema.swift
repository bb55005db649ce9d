import GRDB

/// The dataset's SQLite schema (docs/dataset.md). Migrations are applied in order when a dataset opens.
enum DatasetSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
            CREATE TABLE run (
              id INTEGER PRIMARY KEY,
              started_at TEXT NOT NULL,
              finished_at TEXT,
              inputs TEXT NOT NULL,
              files_seen INTEGER NOT NULL DEFAULT 0,
              files_new INTEGER NOT NULL DEFAULT 0,
              files_unchanged INTEGER NOT NULL DEFAULT 0
            );
            -- One row per version of a file. A path collected again with other content gets a new row;
            -- the earlier one stops being current. Content is identified by its SHA-256.
            CREATE TABLE source_file (
              id INTEGER PRIMARY KEY,
              run_id INTEGER NOT NULL REFERENCES run(id),
              path TEXT NOT NULL,
              name TEXT NOT NULL,
              size INTEGER NOT NULL,
              sha256 TEXT NOT NULL,
              template_id TEXT,
              template_version TEXT,
              status TEXT NOT NULL CHECK (status IN ('成功', '部分成功', '失败')),
              reason TEXT,
              tables INTEGER NOT NULL,
              warnings INTEGER NOT NULL,
              is_current INTEGER NOT NULL DEFAULT 1,
              collected_at TEXT NOT NULL
            );
            CREATE UNIQUE INDEX source_file_sha_path ON source_file(sha256, path);
            CREATE INDEX source_file_path ON source_file(path, is_current);

            CREATE TABLE goal_table (
              id INTEGER PRIMARY KEY,
              file_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              kind TEXT NOT NULL,
              layout TEXT,
              sheet TEXT,
              cell_range TEXT,
              fiscal_year INTEGER,
              project_code TEXT,
              project_name TEXT,
              project_category TEXT,
              department TEXT,
              department_code TEXT,
              implementing_unit TEXT,
              implementing_unit_code TEXT,
              amount_unit TEXT,
              funds_total REAL, funds_total_raw TEXT,
              funds_fiscal REAL, funds_carryover REAL, funds_other REAL,
              funds_text TEXT,
              fund_use TEXT,
              goal_mid_term TEXT,
              goal_annual TEXT,
              corrected INTEGER NOT NULL DEFAULT 0,
              model_json TEXT NOT NULL
            );
            CREATE INDEX goal_table_file ON goal_table(file_id);

            CREATE TABLE spending_point (
              table_id INTEGER NOT NULL REFERENCES goal_table(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              kind TEXT NOT NULL,
              label TEXT NOT NULL,
              value_raw TEXT,
              value REAL
            );

            CREATE TABLE indicator (
              id INTEGER PRIMARY KEY,
              table_id INTEGER NOT NULL REFERENCES goal_table(id) ON DELETE CASCADE,
              scope TEXT NOT NULL,
              seq INTEGER NOT NULL,
              level1_raw TEXT NOT NULL, level1 TEXT,
              level2_raw TEXT NOT NULL, level2 TEXT,
              name TEXT NOT NULL,
              description TEXT,
              value_raw TEXT NOT NULL,
              value_kind TEXT NOT NULL,
              comparator TEXT,
              number REAL,
              upper REAL,
              unit TEXT,
              value_text TEXT,
              basis TEXT,
              scoring_rule TEXT,
              weight TEXT,
              remark TEXT,
              sheet TEXT,
              cell TEXT
            );
            CREATE INDEX indicator_table ON indicator(table_id);

            CREATE TABLE diagnostic (
              file_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
              severity TEXT NOT NULL,
              code TEXT NOT NULL,
              message TEXT NOT NULL,
              sheet TEXT,
              cell TEXT
            );
            CREATE INDEX diagnostic_file ON diagnostic(file_id);

            CREATE TABLE finding (
              table_id INTEGER NOT NULL REFERENCES goal_table(id) ON DELETE CASCADE,
              rule TEXT NOT NULL,
              category TEXT NOT NULL,
              severity TEXT NOT NULL,
              message TEXT NOT NULL,
              suggestion TEXT,
              location TEXT NOT NULL,
              sheet TEXT,
              cell TEXT,
              figures TEXT
            );
            CREATE INDEX finding_table ON finding(table_id);
            """)
        }
        m.registerMigration("v2") { db in
            // Content is looked up by the first 16 hex digits of its hash, among current files only: the index
            // on the whole hash and path was a random-order B-tree that every transaction of a large collect
            // rewrote nearly whole (1.1 GB of the 2.9 GB written collecting 100,000 files). Queries compare the
            // whole hash as well. A file changed back to earlier content is a new version (no unique pair).
            try db.execute(sql: """
            DROP INDEX source_file_sha_path;
            CREATE INDEX source_file_current_sha ON source_file(substr(sha256, 1, 16)) WHERE is_current = 1;
            """)
        }
        m.registerMigration("v3") { db in
            // A submission is a file at its path (issue 14): a file is current when its path's latest version is,
            // looked up through source_file_path; content only tells that a path did not change. The index on
            // content alone goes (two departments' byte-identical files are two submissions).
            // A file gone from a folder collected again is withdrawn (撤回): no longer current, the time noted.
            // Files that are not workbooks (.docx, .pdf, images …) are listed, not stored as submissions.
            try db.execute(sql: """
            DROP INDEX IF EXISTS source_file_current_sha;
            ALTER TABLE source_file ADD COLUMN withdrawn_at TEXT;
            CREATE TABLE skipped_file (
              path TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              run_id INTEGER NOT NULL REFERENCES run(id),
              reason TEXT NOT NULL,
              seen_at TEXT NOT NULL
            );
            """)
        }
        m.registerMigration("v4") { db in
            // Departments: a file's department may come from the folder it was found in (collect
            // --department-from-folder); the roster lists the departments expected to submit.
            try db.execute(sql: """
            ALTER TABLE source_file ADD COLUMN department TEXT;
            CREATE TABLE roster (
              seq INTEGER NOT NULL,
              name TEXT NOT NULL PRIMARY KEY,
              code TEXT
            );
            """)
        }
        m.registerMigration("v5") { db in
            // What a library or the system said of a file that could not be read, kept apart from the message a
            // clerk reads.
            try db.execute(sql: "ALTER TABLE diagnostic ADD COLUMN detail TEXT")
        }
        m.registerMigration("v6") { db in
            // Amounts as exact decimal text (`853.94`), the value the model holds; the REAL columns beside them are
            // kept for arithmetic in SQL (SUM) and are the nearest double. Rows stored before this version get their
            // text from the REAL value (`1000.0` → `1000`): exact for every amount a double holds to 15 digits.
            let decimal = { (column: String) in "CASE WHEN \(column) IS NULL THEN NULL ELSE rtrim(rtrim(CAST(\(column) AS TEXT), '0'), '.') END" }
            for (table, column) in [("goal_table", "funds_total"), ("goal_table", "funds_fiscal"), ("goal_table", "funds_carryover"),
                                    ("goal_table", "funds_other"), ("spending_point", "value"), ("indicator", "number"), ("indicator", "upper")] {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column)_decimal TEXT")
                try db.execute(sql: "UPDATE \(table) SET \(column)_decimal = \(decimal(column)) WHERE \(column) IS NOT NULL")
            }
        }
        return m
    }
}
