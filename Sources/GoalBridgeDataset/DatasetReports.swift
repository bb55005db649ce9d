import Foundation
import GRDB
import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// A view of the dataset as rows of text: one sheet of the receipt or the consolidated workbook, one CSV file.
/// The query's columns are the header's, in order.
public struct ReportView: Sendable {
    public let name: String
    public let header: [String]
    let sql: String
    /// Captions of the columns holding exact decimal text (amounts, 数值): written to a workbook as numbers, so sums
    /// work, and to CSV as the text (`853.94`).
    var decimalColumns: Set<String> = []

    /// One row per current file: the receipt each department gets.
    /// Withdrawn files (gone from a folder collected again) and files that are not workbooks have a line too.
    public static let receiptFiles = ReportView(
        name: "回执", header: ["文件", "路径", "状态", "表数", "警告数", "原因", "模板", "模板版本", "收录时间"], sql: """
        SELECT name, path, status, tables, warnings, reason, template_id, template_version, datetime(collected_at, 'localtime')
        FROM source_file WHERE is_current = 1
        UNION ALL
        SELECT name, path, '\(Submissions.withdrawnStatus)', tables, warnings, '文件已不在收件文件夹中，视为撤回', template_id, template_version,
               datetime(withdrawn_at, 'localtime')
        FROM source_file f WHERE withdrawn_at IS NOT NULL
          AND id = (SELECT MAX(id) FROM source_file g WHERE g.path = f.path)
          AND NOT EXISTS (SELECT 1 FROM source_file g WHERE g.path = f.path AND g.is_current = 1)
        UNION ALL
        SELECT name, path, '\(Submissions.skippedStatus)', 0, 0, reason, NULL, NULL, datetime(seen_at, 'localtime') FROM skipped_file
        ORDER BY 2
        """)

    /// One row per problem: read diagnostics and review findings, with file, sheet!cell and reason.
    public static let receiptProblems = ReportView(
        name: "问题", header: ["文件", "位置", "类别", "程度", "问题类型", "问题", "修改建议", "处理", "审核意见", "技术细节"], sql: """
        SELECT f.name AS file, COALESCE(d.sheet || '!' || d.cell, d.sheet, '') AS place, '读取' AS category,
               CASE d.severity WHEN 'error' THEN '错误' ELSE '警告' END AS severity, \(ReceiptText.readingProblemNameSQL("d.code")) AS code,
               d.message AS message, '' AS suggestion, CASE d.severity WHEN 'error' THEN '退回修改' ELSE '提示' END, '', COALESCE(d.detail, '') AS detail
        FROM diagnostic d JOIN source_file f ON f.id = d.file_id WHERE f.is_current = 1
        UNION ALL
        SELECT f.name, COALESCE(x.sheet || '!' || x.cell, x.sheet, ''), x.category,
               CASE x.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' ELSE '提示' END, x.rule, x.message, x.suggestion,
               \(Dataset.actionSQL("x.rule")), \(Dataset.opinionSQL("x.rule")), ''
        FROM finding x JOIN goal_table t ON t.id = x.table_id JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1
        ORDER BY 1, 2
        """)

    /// One row per current table. A table read without a clear layout says so in 版式 (its fields may be misplaced).
    public static let tables = ReportView(
        name: "项目", header: ["表ID", "文件", "工作表", "版式", "年度", "主管部门", "实施单位", "项目编码", "项目名称", "项目类别",
                               "资金总额", "财政拨款", "上年结转", "其他资金", "年度目标", "已更正"], sql: """
        SELECT t.id, f.name, t.sheet,
               CASE WHEN json_extract(t.model_json, '$.table.source.layoutUncertain') THEN
                 '不确定，按最接近的“' || \(Dataset.layoutNameSQL("t.layout")) || '”读取，内容可能错位，未审核' ELSE \(Dataset.layoutNameSQL("t.layout")) END,
               t.fiscal_year, t.department, t.implementing_unit, t.project_code, t.project_name,
               t.project_category, t.funds_total_decimal, t.funds_fiscal_decimal, t.funds_carryover_decimal, t.funds_other_decimal,
               t.goal_annual, CASE t.corrected WHEN 1 THEN '是' ELSE '' END AS corrected
        FROM goal_table t JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1 ORDER BY f.path, t.seq
        """, decimalColumns: ["资金总额", "财政拨款", "上年结转", "其他资金"])

    /// One row per indicator of a current table, its levels repeated on every row. The consolidated workbook is
    /// read back (`apply`) by these captions.
    public static let indicators = ReportView(
        name: "指标", header: Dataset.indicatorHeader, sql: """
        SELECT i.id, t.id AS table_id, COALESCE(t.department, '') AS department, COALESCE(t.project_name, '') AS project_name,
               CASE i.scope WHEN 'annual' THEN '年度' ELSE '中期' END AS scope, i.seq + 1 AS seq, i.level1_raw, i.level2_raw, i.name,
               i.description, i.value_raw, i.basis, \(Dataset.comparatorSymbolSQL("i.comparator")) AS comparator, i.number_decimal, i.unit,
               i.weight, COALESCE(i.sheet || '!' || i.cell, '') AS place
        FROM indicator i JOIN goal_table t ON t.id = i.table_id JOIN source_file f ON f.id = t.file_id
        WHERE f.is_current = 1 ORDER BY f.path, t.seq, i.scope, i.seq
        """, decimalColumns: ["数值"])
}

/// Tabular views of the dataset: receipts, CSV per entity, and the consolidated workbook (汇总表). Rows are
/// streamed from SQLite to the file being written: a dataset of 100,000 files (900,000 indicators) is written
/// in flat memory (materialised, it took 2.7 GB).
extension Dataset {
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[String]]
    }

    /// Calls `body` with each row of `view`, as text, in order, without holding the rows.
    public func forEachRow(of view: ReportView, _ body: ([String]) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: view.sql)
            var fields = [String](repeating: "", count: view.header.count)
            while let row = try rows.next() {
                for i in fields.indices {
                    fields[i] = ReportText.text(row[i] as DatabaseValue)
                }
                try body(fields)
            }
        }
    }

    /// All rows of `view` in memory (for small datasets and tests; the writers below stream).
    public func sheet(_ view: ReportView) throws -> Sheet {
        var rows: [[String]] = []
        try forEachRow(of: view) { rows.append($0) }
        return Sheet(name: view.name, header: view.header, rows: rows)
    }

    /// The receipt's 文件 sheet in memory: one row per file.
    ///
    /// ```swift
    /// let files = try dataset.receiptFiles().rows
    /// ```
    public func receiptFiles() throws -> Sheet { try sheet(.receiptFiles) }
    /// The receipt's 问题 sheet in memory: one row per problem, with its cell.
    ///
    /// ```swift
    /// let problems = try dataset.receiptProblems().rows
    /// ```
    public func receiptProblems() throws -> Sheet { try sheet(.receiptProblems) }
    /// The consolidated workbook's 项目 sheet in memory: one row per current table.
    ///
    /// ```swift
    /// let tables = try dataset.tablesSheet().rows
    /// ```
    public func tablesSheet() throws -> Sheet { try sheet(.tables) }
    /// The consolidated workbook's 指标 sheet in memory: one row per indicator, by `indicatorHeader`.
    ///
    /// ```swift
    /// let indicators = try dataset.indicatorsSheet().rows
    /// ```
    public func indicatorsSheet() throws -> Sheet { try sheet(.indicators) }

    /// Columns of the 指标 sheet; the consolidated workbook is read back by these captions.
    public static let indicatorHeader = ["指标ID", "表ID", "主管部门", "项目名称", "指标集", "序号", "一级指标", "二级指标", "三级指标",
                                          "绩效指标描述", "指标值", "指标值确定依据", "符号", "数值", "单位", "权重", "原表位置"]

    /// A layout's name as people read it (`项目支出绩效目标表（平阴 2024…）`, not `pingyin-2024`); the id when the
    /// layout is not among the bundled ones.
    static func layoutNameSQL(_ column: String) -> String {
        let layouts = (try? LayoutCatalog.current().layouts) ?? []
        return ReportText.sqlCase(column, layouts.map { ($0.id, $0.name) }, otherwise: column)
    }

    /// The comparator as people write it (≥, not the stored code `ge`).
    static func comparatorSymbolSQL(_ column: String) -> String {
        ReportText.sqlCase(column, ValueComparator.allCases.map { ($0.rawValue, $0.symbol) }, otherwise: "''")
    }

    /// One CSV per entity in `directory`: 回执.csv, 项目.csv, 指标.csv, 问题.csv.
    public func writeCSV(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for view in [ReportView.receiptFiles, .tables, .indicators, .receiptProblems] {
            let path = (directory as NSString).appendingPathComponent(view.name + ".csv")
            let file = try CSVFile(path: path, header: view.header)
            try forEachRow(of: view) { try file.append($0) }
            try file.commit()
            written.append(path)
        }
        return written
    }

    /// The custom property that marks a workbook GoalBridge wrote from a dataset (receipt, consolidated workbook).
    public static let ownOutputProperty = "GoalBridge.consolidated"

    /// Data rows on one worksheet: Excel's 1,048,576 rows less the header. Beyond, a view continues on
    /// sheets named `指标 (2)`, `指标 (3)`… (`apply` reads them all).
    public static let rowsPerSheet = CellReference.maxRows - 1

    /// A workbook of the views, each on a sheet with a frozen header and an autofilter, written in constant
    /// memory (rows go to disk as they are written; text is stored inline).
    public func writeWorkbook(_ views: [ReportView], to path: String, rowsPerSheet: Int = Dataset.rowsPerSheet) throws {
        let writer = try XLSXWriter(path: path, constantMemory: true)
        writer.setProperties(DocumentProperties(title: "绩效目标汇总表", author: "GoalBridge", custom: [Dataset.ownOutputProperty: .string("1")]))
        let header = CellFormat(fontSize: 10.5, bold: true, fillColor: 0xDDEBF7, border: true, horizontal: .center, wrap: true)
        let body = CellFormat(fontSize: 10.5, border: true, wrap: false)
        for view in views {
            var sheet: SheetWriter?
            var part = 0, row = 0
            func finishSheet() throws {
                guard let sheet else { return }
                try sheet.autofilter(CellRange(rows: 0...max(row, 1), columns: 0...(view.header.count - 1)))
            }
            func startSheet() throws {
                try finishSheet()
                part += 1
                let out = try writer.addSheet(part == 1 ? view.name : "\(view.name) (\(part))")
                for (c, h) in view.header.enumerated() { try out.setColumn(c...c, width: h.count > 4 ? 18 : 12) }
                try out.freezePanes(row: 1, column: 0)
                for (c, h) in view.header.enumerated() { try out.write(h, at: CellReference(row: 0, column: c), format: header) }
                sheet = out
                row = 0
            }
            try startSheet()
            // Numbers stay numbers (表ID, amounts, 数值: sums work); text stays text. Amounts are stored as exact decimal
            // text and become the nearest double only here, in the cell (a workbook's numbers are doubles).
            let decimals = Set(view.header.indices.filter { view.decimalColumns.contains(view.header[$0]) })
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: view.sql)
                while let fields = try rows.next() {
                    if row == rowsPerSheet { try startSheet() }
                    row += 1
                    for c in 0..<view.header.count {
                        let at = CellReference(row: row, column: c)
                        switch (fields[c] as DatabaseValue).storage {
                        case .null, .blob: continue
                        case .int64(let n): try sheet!.write(Double(n), at: at, format: body)
                        case .double(let d): try sheet!.write(d, at: at, format: body)
                        case .string(let s):
                            if decimals.contains(c), let d = DecimalText.parse(s) { try sheet!.write(DecimalText.double(d), at: at, format: body) }
                            else if !s.isEmpty { try sheet!.write(s, at: at, format: body) }
                        }
                    }
                }
            }
            try finishSheet()
        }
        try writer.close()
    }

    /// The consolidated workbook: 项目, 指标 (one row per indicator, levels repeated), 问题, 回执.
    public func writeConsolidated(to path: String) throws {
        try writeWorkbook([.tables, .indicators, .receiptProblems, .receiptFiles], to: path)
    }

}
