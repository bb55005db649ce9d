import Foundation
import GRDB
import GoalBridgeSpreadsheet

/// The receipt (回执): what the bureau sends back to departments, for the whole run or one department. A letter, not a
/// data dump: a title, the batch, the date and time (local), the department; one row per file (status, tables, what to
/// do) and one per problem (sheet!cell, what was found, what to change) — in Chinese, landscape A4, columns that fit,
/// wrapped text, the header repeated on every page, page numbers in the footer.
public struct ReceiptOptions: Sendable {
    /// The bureau's name for the batch (`2025年项目支出绩效目标第一批`).
    public var batch: String?
    /// Only this department's files; nil for every file. `Dataset.unknownDepartment` for files whose department
    /// could not be told.
    public var department: String?

    /// Options of a receipt: the batch's name, and one department or every one.
    ///
    /// ```swift
    /// ReceiptOptions(batch: "2025年项目支出绩效目标第一批", department: "平阴县公安局")
    /// ```
    public init(batch: String? = nil, department: String? = nil) {
        self.batch = batch
        self.department = department
    }
}

extension Dataset {
    /// The group of files whose department could not be told (no table read, no 主管部门 in it).
    public static let unknownDepartment = "（未识别部门）"

    /// A file's department: the folder it was found in (collect --department-from-folder), else the 主管部门 of its
    /// first table that names one.
    static let fileDepartmentSQL = """
        COALESCE(f.department, (SELECT t.department FROM goal_table t WHERE t.file_id = f.id AND t.department IS NOT NULL AND t.department <> ''
                  ORDER BY t.seq LIMIT 1), '\(unknownDepartment)')
        """

    /// Every file line of the receipt: current files, withdrawn ones, files that are not workbooks.
    static let receiptLinesSQL = """
        SELECT * FROM (
          SELECT \(fileDepartmentSQL) AS department, f.name, f.status, f.tables,
                 (SELECT COUNT(*) FROM diagnostic d WHERE d.file_id = f.id)
                   + (SELECT COUNT(*) FROM finding x JOIN goal_table t ON t.id = x.table_id WHERE t.file_id = f.id) AS problems,
                 COALESCE(f.reason, '') AS reason, datetime(f.collected_at, 'localtime') AS at, f.path
          FROM source_file f WHERE f.is_current = 1
          UNION ALL
          SELECT \(fileDepartmentSQL), f.name, '\(Submissions.withdrawnStatus)', f.tables, 0, '文件已不在收件文件夹中，视为撤回',
                 datetime(f.withdrawn_at, 'localtime'), f.path
          FROM source_file f WHERE f.withdrawn_at IS NOT NULL AND f.id = (SELECT MAX(id) FROM source_file g WHERE g.path = f.path)
            AND NOT EXISTS (SELECT 1 FROM source_file g WHERE g.path = f.path AND g.is_current = 1)
          UNION ALL
          SELECT '\(unknownDepartment)', name, '\(Submissions.skippedStatus)', 0, 0, reason, datetime(seen_at, 'localtime'), path FROM skipped_file
        ) WHERE ?1 IS NULL OR department = ?1 ORDER BY department, path
        """

    /// Every problem line: read diagnostics and review findings of current files, with sheet!cell.
    static let receiptProblemsSQL = """
        SELECT * FROM (
          SELECT \(fileDepartmentSQL) AS department, f.name, COALESCE(d.sheet || '!' || d.cell, d.sheet, '') AS place, '读取' AS category,
                 CASE d.severity WHEN 'error' THEN '错误' ELSE '警告' END AS severity, d.message, '' AS suggestion,
                 CASE d.severity WHEN 'error' THEN '退回修改' ELSE '提示' END AS action, '' AS opinion, d.code, f.path
          FROM diagnostic d JOIN source_file f ON f.id = d.file_id WHERE f.is_current = 1
          UNION ALL
          SELECT \(fileDepartmentSQL), f.name, COALESCE(x.sheet || '!' || x.cell, x.sheet, ''), x.category,
                 CASE x.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' ELSE '提示' END, x.message, COALESCE(x.suggestion, ''),
                 \(actionSQL("x.rule")), \(opinionSQL("x.rule")), x.rule, f.path
          FROM finding x JOIN goal_table t ON t.id = x.table_id JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1
        ) WHERE ?1 IS NULL OR department = ?1 ORDER BY department, path, place
        """

    /// Departments with a line in the receipt, in order (the unknown group last).
    public func receiptDepartments() throws -> [String] {
        try pool.read { db in
            let all = try String.fetchAll(db, sql: "SELECT DISTINCT department FROM (\(Dataset.receiptLinesSQL.replacingOccurrences(of: "?1", with: "NULL")))")
            return all.filter { $0 != Dataset.unknownDepartment }.sorted() + (all.contains(Dataset.unknownDepartment) ? [Dataset.unknownDepartment] : [])
        }
    }

    /// Writes the receipt workbook: sheet 回执 (one row per file) and sheet 问题 (one row per problem).
    public func writeReceipt(to path: String, options: ReceiptOptions = ReceiptOptions()) throws {
        let writer = try XLSXWriter(path: path, constantMemory: true)
        writer.setProperties(DocumentProperties(title: "绩效目标表收录回执", author: "GoalBridge", custom: [Dataset.ownOutputProperty: .string("receipt")]))
        let now = Dataset.localTimestamp()
        var heading = [options.department.map { "部门：\($0)" } ?? "部门：全部", options.batch.map { "批次：\($0)" }, "生成时间：\(now)"]
            .compactMap { $0 }.joined(separator: "　　")
        // Counts first (one aggregate query), then the rows streamed from SQLite into the sheet: a receipt of
        // 100,000 files and a million problems is written in flat memory, as the other outputs are.
        var counts: [String: Int] = [:]
        var files = 0
        try pool.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM (\(Dataset.receiptLinesSQL)) GROUP BY status",
                                        arguments: [options.department]) {
                counts[row["status"]] = row["n"]
                files += row["n"] as Int
            }
        }
        let problemCount = try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(Dataset.receiptProblemsSQL))", arguments: [options.department]) ?? 0
        }
        let order = FileStatus.allCases.map(\.rawValue) + [Submissions.withdrawnStatus, Submissions.skippedStatus]
        heading += "\n共 \(files) 个文件：" + order.filter { counts[$0] != nil }.map { "\($0) \(counts[$0]!)" }.joined(separator: "，")
        try writeLetterSheet(writer, name: "回执", title: "绩效目标表收录回执", heading: heading,
                             columns: [("序号", 5), ("部门", 16), ("文件", 24), ("状态", 9), ("表数", 5), ("问题数", 6), ("说明", 40), ("收录时间", 16), ("路径", 0)]) { emit in
            var n = 0
            try forEachRow(Dataset.receiptLinesSQL, options.department) { line in n += 1; try emit([String(n)] + line) }
        }
        try writeLetterSheet(writer, name: "问题", title: "绩效目标表问题清单", heading: heading.components(separatedBy: "\n")[0] + "\n共 \(problemCount) 条问题：请按“位置”找到原表中的单元格，按“修改建议”修改后重新提交。",
                             columns: [("序号", 5), ("部门", 10), ("文件", 16), ("位置", 10), ("类别", 7), ("程度", 5), ("问题", 40), ("修改建议", 26),
                                       ("处理", 8), ("审核意见", 14), ("规则", 0), ("路径", 0)]) { emit in
            var n = 0
            try forEachRow(Dataset.receiptProblemsSQL, options.department) { p in
                // The rule: a review rule's number (Q3) as it is; a reading problem by its name, not its code.
                var p = p
                p[9] = p[3] == "读取" ? ReceiptText.readingProblemName(p[9]) : p[9]
                n += 1
                try emit([String(n)] + p)
            }
        }
        // The whole run's receipt: who of the roster has submitted.
        let roll = options.department == nil ? try rosterStatus() : []
        if !roll.isEmpty {
            let missing = roll.filter { !$0.submitted }.count
            try writeLetterSheet(writer, name: "提交情况", title: "绩效目标表提交情况",
                                 heading: heading.components(separatedBy: "\n")[0] + "\n名单 \(roll.count) 个部门：已提交 \(roll.count - missing)，未提交 \(missing)。",
                                 columns: [("序号", 5), ("部门", 30), ("部门代码", 12), ("状态", 10), ("文件数", 8), ("表数", 8)]) { emit in
                for (i, e) in roll.enumerated() {
                    try emit([String(i + 1), e.name, e.code ?? "", e.submitted ? "已提交" : "未提交", String(e.files), String(e.tables)])
                }
            }
        }
        try writer.close()
    }

    /// One receipt per department in `directory` (`回执-部门.xlsx`), besides the whole run's. Returns the paths.
    public func writeReceipts(toDirectory directory: String, batch: String?) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        var used = Set<String>()
        for department in try receiptDepartments() {
            var n = 1
            var name = SafeNames.fileName("回执-" + department, ext: "xlsx")
            while used.contains(name) { n += 1; name = SafeNames.fileName("回执-" + department, ext: "xlsx", n: n) }
            used.insert(name)
            let path = (directory as NSString).appendingPathComponent(name)
            try writeReceipt(to: path, options: ReceiptOptions(batch: batch, department: department))
            written.append(path)
        }
        return written
    }

    /// Each row of a receipt query, as text, for one department or all, without holding the rows.
    private func forEachRow(_ sql: String, _ department: String?, _ body: ([String]) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: [department])
            while let row = try cursor.next() {
                try body((0..<row.count).map { ReportText.text(row[$0] as DatabaseValue) })
            }
        }
    }

    /// A sheet laid out as a document: title, heading lines, header row repeated on every printed page, wrapped
    /// rows; landscape A4 fitted to the page width, page numbers in the footer. A column of width 0 is hidden (kept
    /// for whoever filters, not printed).
    private func writeLetterSheet(_ writer: XLSXWriter, name: String, title: String, heading: String,
                                  columns: [(caption: String, width: Double)],
                                  rows: (_ emit: ([String]) throws -> Void) throws -> Void) throws {
        let sheet = try writer.addSheet(name)
        let last = columns.count - 1
        for (c, col) in columns.enumerated() {
            try sheet.setColumn(c...c, width: col.width == 0 ? 12 : col.width, hidden: col.width == 0)
        }
        let titleFormat = CellFormat(fontSize: 16, bold: true, horizontal: .center)
        let headingFormat = CellFormat(fontSize: 10.5, horizontal: .left, wrap: true)
        let headerFormat = CellFormat(fontSize: 10.5, bold: true, fillColor: 0xDDEBF7, border: true, horizontal: .center, wrap: true)
        let body = CellFormat(fontSize: 10, border: true, vertical: .top, wrap: true)
        let visibleLast = columns.lastIndex { $0.width > 0 } ?? last
        try sheet.setRow(0, height: 28)
        try sheet.merge(CellRange(rows: 0...0, columns: 0...visibleLast), text: title, format: titleFormat)
        try sheet.setRow(1, height: 34)
        try sheet.merge(CellRange(rows: 1...1, columns: 0...visibleLast), text: heading, format: headingFormat)
        for (c, col) in columns.enumerated() { try sheet.write(col.caption, at: CellReference(row: 2, column: c), format: headerFormat) }
        try sheet.setPrint(PrintSetup(a4: true, landscape: true, fitToWidth: true, repeatRows: 2...2, centerHorizontally: true,
                                      footer: PrintSetup.pageNumberFooter))
        try sheet.freezePanes(row: 3, column: 0)
        var r = -1
        try rows { row in
            r += 1
            // Wrapped text needs its height set: neither Excel nor LibreOffice grows a row on opening the file.
            let lines = row.enumerated().map { c, value in
                c < columns.count && columns[c].width > 0 ? WrappedText.lineCount(value, columnWidth: columns[c].width) : 1
            }.max() ?? 1
            try sheet.setRow(3 + r, height: 13.5 * Double(min(lines, 30)) + 2)
            for (c, value) in row.enumerated() where c < columns.count && !value.isEmpty {
                if let n = Int(value), ["序号", "表数", "问题数", "文件数"].contains(columns[c].caption) {
                    try sheet.write(Double(n), at: CellReference(row: 3 + r, column: c), format: body)
                } else {
                    try sheet.write(value, at: CellReference(row: 3 + r, column: c), format: body)
                }
            }
        }
    }

    /// Now, in local time, as a clerk reads it: `2026-12-02 21:50`.
    static func localTimestamp(_ date: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone.current
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}

/// Names of reading problems as a department reads them (the codes stay in the dataset and the JSON).
public enum ReceiptText {
    static let readingProblems: [String: String] = [
        "read-error": "无法读取", "own-output": "不是填报表", "reader-crashed": "读取异常终止", "layout-uncertain": "无法确定表格版式",
        "extra-cell": "多余内容", "unknown-column": "未知的列", "unknown-column-value": "未知列的内容", "unknown-level1": "一级指标名称",
        "unknown-level2": "二级指标名称", "amount-not-number": "金额不是数字", "year-not-number": "年度无法识别",
        "formula-without-result": "公式没有计算结果", "picture-in-cell": "单元格中的图片未读取", "struck-through": "带删除线的内容", "formula-error": "公式出错", "hidden-sheet": "隐藏的工作表", "hidden-cells": "隐藏的行或列", "text-too-long": "内容过长",
        "unknown-value-nature": "指标性质无法识别", "funds-period-conflict": "资金年度与中期矛盾", "repeated-cell": "重复的单元格",
        "no-table": "未找到绩效目标表", "blank-tables": "空白表，未填写", "placeholder-value": "模板提示文字未替换", "no-table-on-sheet": "工作表中没有绩效目标表", "extra-field": "多余内容",
        "more-diagnostics": "其他问题", "unmapped-cell": "多余内容", "unknown-layout": "无法确定表格版式", "name-not-in-title": "项目名称无法识别",
        "listed-not-found": "目录中的表未找到", "flat-no-project": "缺少项目名称", "flat-unknown-column": "未知的列",
        "flat-bad-year": "年度无法识别", "flat-bad-scope": "目标类型无法识别", "flat-symbol-mismatch": "计算符号不一致",
    ]

    /// The same as a SQL expression over a code column.
    static func readingProblemNameSQL(_ column: String) -> String {
        ReportText.sqlCase(column, readingProblems.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, otherwise: "'读取问题'")
    }

    /// A reading problem's name; the generic 读取问题 for a code not listed.
    public static func readingProblemName(_ code: String) -> String { readingProblems[code] ?? "读取问题" }
}
