import Foundation
import GRDB
import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Tabular views of the dataset: receipts, CSV per entity, and the consolidated workbook (汇总表).
extension Dataset {
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[String]]
    }

    func rows(_ sql: String, _ columns: [String]) throws -> [[String]] {
        try pool.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                columns.map { c in
                    let v: DatabaseValue = row[c]
                    switch v.storage {
                    case .null: return ""
                    case .int64(let i): return String(i)
                    case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
                    case .string(let s): return s
                    case .blob: return ""
                    }
                }
            }
        }
    }

    /// One row per current file: the receipt each department gets.
    public func receiptFiles() throws -> Sheet {
        Sheet(name: "回执", header: ["文件", "路径", "状态", "表数", "警告数", "原因", "模板", "模板版本", "收录时间"],
              rows: try rows("""
                SELECT name, path, status, tables, warnings, reason, template_id, template_version, collected_at
                FROM source_file WHERE is_current = 1 ORDER BY path
                """, ["name", "path", "status", "tables", "warnings", "reason", "template_id", "template_version", "collected_at"]))
    }

    /// One row per problem: read diagnostics and review findings, with file, sheet!cell and reason.
    public func receiptProblems() throws -> Sheet {
        Sheet(name: "问题", header: ["文件", "位置", "类别", "程度", "代码", "问题", "修改建议"],
              rows: try rows("""
                SELECT f.name AS file, COALESCE(d.sheet || '!' || d.cell, d.sheet, '') AS place, '读取' AS category,
                       CASE d.severity WHEN 'error' THEN '错误' ELSE '警告' END AS severity, d.code AS code, d.message AS message, '' AS suggestion
                FROM diagnostic d JOIN source_file f ON f.id = d.file_id WHERE f.is_current = 1
                UNION ALL
                SELECT f.name, COALESCE(x.sheet || '!' || x.cell, x.sheet, ''), x.category,
                       CASE x.severity WHEN 'error' THEN '错误' WHEN 'warning' THEN '警告' ELSE '提示' END, x.rule, x.message, x.suggestion
                FROM finding x JOIN goal_table t ON t.id = x.table_id JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1
                ORDER BY 1, 2
                """, ["file", "place", "category", "severity", "code", "message", "suggestion"]))
    }

    public func tablesSheet() throws -> Sheet {
        Sheet(name: "项目", header: ["表ID", "文件", "工作表", "版式", "年度", "主管部门", "实施单位", "项目编码", "项目名称", "项目类别",
                                     "资金总额", "财政拨款", "上年结转", "其他资金", "年度目标", "已更正"],
              rows: try rows("""
                SELECT t.id, f.name, t.sheet, t.layout, t.fiscal_year, t.department, t.implementing_unit, t.project_code, t.project_name,
                       t.project_category, t.funds_total, t.funds_fiscal, t.funds_carryover, t.funds_other, t.goal_annual,
                       CASE t.corrected WHEN 1 THEN '是' ELSE '' END AS corrected
                FROM goal_table t JOIN source_file f ON f.id = t.file_id WHERE f.is_current = 1 ORDER BY f.path, t.seq
                """, ["id", "name", "sheet", "layout", "fiscal_year", "department", "implementing_unit", "project_code", "project_name",
                      "project_category", "funds_total", "funds_fiscal", "funds_carryover", "funds_other", "goal_annual", "corrected"]))
    }

    /// Columns of the 指标 sheet; the consolidated workbook is read back by these captions.
    public static let indicatorHeader = ["指标ID", "表ID", "主管部门", "项目名称", "指标集", "序号", "一级指标", "二级指标", "三级指标",
                                          "绩效指标描述", "指标值", "指标值确定依据", "符号", "数值", "单位", "原表位置"]

    public func indicatorsSheet() throws -> Sheet {
        Sheet(name: "指标", header: Dataset.indicatorHeader,
              rows: try rows("""
                SELECT i.id, t.id AS table_id, COALESCE(t.department, '') AS department, COALESCE(t.project_name, '') AS project_name,
                       CASE i.scope WHEN 'annual' THEN '年度' ELSE '中期' END AS scope, i.seq + 1 AS seq, i.level1_raw, i.level2_raw, i.name,
                       i.description, i.value_raw, i.basis, i.comparator, i.number, i.unit, COALESCE(i.sheet || '!' || i.cell, '') AS place
                FROM indicator i JOIN goal_table t ON t.id = i.table_id JOIN source_file f ON f.id = t.file_id
                WHERE f.is_current = 1 ORDER BY f.path, t.seq, i.scope, i.seq
                """, ["id", "table_id", "department", "project_name", "scope", "seq", "level1_raw", "level2_raw", "name", "description",
                      "value_raw", "basis", "comparator", "number", "unit", "place"]))
    }

    /// One CSV per entity in `directory`: 文件.csv, 项目.csv, 指标.csv, 问题.csv.
    public func writeCSV(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for sheet in [try receiptFiles(), try tablesSheet(), try indicatorsSheet(), try receiptProblems()] {
            let path = (directory as NSString).appendingPathComponent(sheet.name + ".csv")
            try CSVWriter.write(header: sheet.header, rows: sheet.rows, to: path)
            written.append(path)
        }
        return written
    }

    /// A workbook of sheets with a frozen header and an autofilter each.
    public static func writeWorkbook(_ sheets: [Sheet], to path: String) throws {
        let writer = try XLSXWriter(path: path)
        writer.setProperties(DocumentProperties(title: "绩效目标汇总表", author: "GoalBridge", custom: ["GoalBridge.consolidated": .string("1")]))
        let header = CellFormat(fontSize: 10.5, bold: true, fillColor: 0xDDEBF7, border: true, horizontal: .center, wrap: true)
        let body = CellFormat(fontSize: 10.5, border: true, wrap: false)
        for sheet in sheets {
            let out = try writer.addSheet(sheet.name)
            for (c, h) in sheet.header.enumerated() {
                try out.write(h, at: CellReference(row: 0, column: c), format: header)
                try out.setColumn(c...c, width: h.count > 4 ? 18 : 12)
            }
            for (r, row) in sheet.rows.enumerated() {
                for (c, v) in row.enumerated() where !v.isEmpty { try out.write(v, at: CellReference(row: r + 1, column: c), format: body) }
            }
            try out.freezePanes(row: 1, column: 0)
            try out.autofilter(CellRange(rows: 0...max(sheet.rows.count, 1), columns: 0...(sheet.header.count - 1)))
        }
        try writer.close()
    }

    /// The consolidated workbook: 项目, 指标 (one row per indicator, levels repeated), 问题, 回执.
    public func writeConsolidated(to path: String) throws {
        try Dataset.writeWorkbook([try tablesSheet(), try indicatorsSheet(), try receiptProblems(), try receiptFiles()], to: path)
    }

    /// The receipt workbook: one row per file, one row per problem.
    public func writeReceipt(to path: String) throws {
        try Dataset.writeWorkbook([try receiptFiles(), try receiptProblems()], to: path)
    }
}
