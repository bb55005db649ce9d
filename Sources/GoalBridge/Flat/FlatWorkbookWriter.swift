import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Writes goal tables as the flat file the 预算管理一体化 system imports: one row per 三级指标 with the table's keys
/// (年度, 主管部门 and its code, 实施单位, 项目编码 and 项目名称), 总体/年度, the three levels, 计算符号 as the system's
/// code and name, 指标值, 计量单位, 权重, 指标解释, 指标值设定依据. Every cell is text (codes keep their leading zeros),
/// the header is frozen, and the code columns have dropdowns whose choices sit on a hidden sheet (代码表). Rows are
/// streamed (constant memory), so a dataset of any size fits; past Excel's row limit the rows go on on a second sheet.
///
/// ```swift
/// let writer = try FlatWorkbookWriter(path: "一体化导入.xlsx")
/// for table in document.tables { try writer.append(table) }
/// let notes = try writer.close()   // what was left out or written differently, in words for the analyst
/// ```
public final class FlatWorkbookWriter {
    /// The sheet of indicator rows (and `绩效指标 (2)` … past the row limit).
    public static let sheetName = "绩效指标"
    /// The hidden sheet of codes and names the dropdowns take their choices from.
    public static let codeSheetName = "代码表"
    /// Names of the 总体/年度 column.
    public static func scopeName(_ scope: IndicatorScope) -> String { scope == .annual ? "年度" : "总体" }

    private let writer: XLSXWriter
    private let path: String
    private let rowsPerSheet: Int
    private var sheet: SheetWriter?
    private var sheets: [(sheet: SheetWriter, rows: Int)] = []
    private var part = 0
    private var row = 0
    private let header = CellFormat(fontSize: 10.5, bold: true, fillColor: 0xDDEBF7, border: true, horizontal: .center, wrap: true, numberFormat: "@")
    private let body = CellFormat(fontSize: 10.5, border: true, numberFormat: "@")
    /// What the analyst is told at the end.
    private var skipped: [String] = []
    private var uncertain: [String] = []
    private var qualitativeQuantities = 0
    private var respelled = 0
    private var approximations = 0
    /// Indicators with a 备注 or 评（扣）分标准, which the system's file has no column for.
    private var unplacedTexts = 0
    public private(set) var rowsWritten = 0
    public private(set) var tablesWritten = 0

    /// - Parameter rowsPerSheet: indicator rows per sheet before a new one starts (Excel's limit less the header).
    public init(path: String, rowsPerSheet: Int = CellReference.maxRows - 1) throws {
        self.path = path
        self.rowsPerSheet = rowsPerSheet
        writer = try XLSXWriter(path: path, constantMemory: true)
        writer.setProperties(DocumentProperties(title: "绩效指标（一体化导入）", author: "GoalBridge"))
        try startSheet()
    }

    private func startSheet() throws {
        if let sheet { sheets.append((sheet, row)) }
        part += 1
        let out = try writer.addSheet(part == 1 ? Self.sheetName : "\(Self.sheetName) (\(part))")
        for c in FlatColumn.allCases { try out.setColumn(c.rawValue...c.rawValue, width: c.width, format: body) }
        try out.freezePanes(row: 1, column: 0)
        try out.setPrint(PrintSetup(landscape: true, fitToWidth: true, repeatRows: 0...0, footer: PrintSetup.pageNumberFooter))
        for c in FlatColumn.allCases { try out.write(c.headers[0], at: CellReference(row: 0, column: c.rawValue), format: header) }
        sheet = out
        row = 0
    }

    /// Appends every indicator of a project table, set by set in the table's order. A table of another
    /// kind (department-wide tables, summary lists) has no place in the system's project file: it is left out and
    /// named in the notes `close()` returns. So is a table read without a clear layout (its fields may be misplaced:
    /// `GoalTable.isReadWithCertainty`), which must not reach the budget system.
    public func append(_ table: GoalTable) throws {
        guard table.isReadWithCertainty else {
            uncertain.append(table.placeName)
            return
        }
        guard case .project(let t) = table else {
            skipped.append(table.quotedName(withDepartment: false))
            return
        }
        let keys: [FlatColumn: String] = [
            .year: t.fiscalYear.map(String.init) ?? "",
            .departmentCode: t.supervisingDepartment?.code ?? "", .department: t.supervisingDepartment?.name ?? "",
            .unitCode: t.implementingUnit?.code ?? "", .unit: t.implementingUnit?.name ?? "",
            .projectCode: t.projectCode ?? "", .projectName: t.projectName ?? "",
        ]
        for set in t.indicatorSets {
            for r in set.rows {
                let value = FlatValue(r.value)
                if value.symbol == .qualitative {
                    if r.value.comparator == .approx { approximations += 1 }
                    else if r.value.kind == .quantitative && r.value.number != nil { qualitativeQuantities += 1 }
                } else if value.respells(r.value.raw) {
                    respelled += 1
                }
                if !(r.remark ?? "").isEmpty || !(r.scoringRule ?? "").isEmpty { unplacedTexts += 1 }
                var cells = keys
                cells[.scope] = Self.scopeName(set.scope)
                cells[.level1] = r.level1Raw
                cells[.level2] = r.level2Raw
                cells[.name] = r.name
                cells[.symbolCode] = "\(value.symbol.rawValue)"
                cells[.symbolName] = value.symbol.name
                cells[.value] = value.value
                cells[.measureUnit] = value.unit
                cells[.weight] = r.weight ?? ""
                cells[.description] = r.description ?? ""
                cells[.basis] = r.basis ?? ""
                try appendRow(cells)
            }
        }
        tablesWritten += 1
    }

    private func appendRow(_ cells: [FlatColumn: String]) throws {
        if row == rowsPerSheet { try startSheet() }
        row += 1
        rowsWritten += 1
        for c in FlatColumn.allCases {
            guard let text = cells[c], !text.isEmpty else { continue }
            try sheet!.write(text, at: CellReference(row: row, column: c.rawValue), format: body)
        }
    }

    /// Adds the dropdowns and the code sheet, writes the file (atomically) and returns what the analyst should know:
    /// tables left out, quantities without a 计算符号 (written as 定性), values respelled.
    public func close() throws -> [Diagnostic] {
        if let sheet { sheets.append((sheet, row)) }
        let codes = try writer.addSheet(Self.codeSheetName)
        // Row by row: in constant memory a row is on disk once the next one is written.
        let scopes = [IndicatorScope.annual, .midTerm].map(Self.scopeName)
        for (c, h) in ["计算符号编码", "计算符号", "", "目标类型"].enumerated() where !h.isEmpty {
            try codes.write(h, at: CellReference(row: 0, column: c))
        }
        for s in FlatSymbol.allCases {
            try codes.write("\(s.rawValue)", at: CellReference(row: s.rawValue, column: 0), format: body)
            try codes.write(s.name, at: CellReference(row: s.rawValue, column: 1))
            if s.rawValue <= scopes.count { try codes.write(scopes[s.rawValue - 1], at: CellReference(row: s.rawValue, column: 3)) }
        }
        try codes.hide()
        let symbolCount = FlatSymbol.allCases.count
        for (sheet, rows) in sheets {
            // Room below the rows for a clerk who adds indicators before the file goes to the system.
            let last = min(max(rows, 1) + 500, CellReference.maxRows - 1)
            func list(_ column: FlatColumn, _ formula: String, _ message: String) throws {
                try sheet.addListValidation(CellRange(rows: 1...last, columns: column.rawValue...column.rawValue),
                                            ListValidation(formula: formula, inputTitle: column.headers[0], inputMessage: message,
                                                           errorTitle: column.headers[0], errorMessage: message))
            }
            let q = "'\(Self.codeSheetName)'!"
            try list(.symbolCode, "=\(q)$A$2:$A$\(symbolCount + 1)", "1 ≥，2 ＞，3 ＝，4 ＜，5 ≤，6 定性")
            try list(.symbolName, "=\(q)$B$2:$B$\(symbolCount + 1)", "≥、＞、＝、＜、≤ 或 定性")
            try list(.scope, "=\(q)$D$2:$D$3", "年度 或 总体")
            try sheet.autofilter(CellRange(rows: 0...max(rows, 1), columns: 0...(FlatColumn.allCases.count - 1)))
        }
        try writer.close()
        var notes: [Diagnostic] = []
        if !skipped.isEmpty {
            notes.append(Diagnostic(.warning, "flat-table-skipped",
                "\(skipped.count) 张表不是项目绩效目标表，一体化项目指标文件中没有它们的位置，未写入：" + skipped.prefix(10).joined(separator: "、")
                + (skipped.count > 10 ? " 等" : "") + "。", file: path))
        }
        if !uncertain.isEmpty {
            notes.append(Diagnostic(.warning, "flat-table-uncertain",
                "\(uncertain.count) 张表导入时无法确定版式，读出的内容可能错位，未写入：" + uncertain.prefix(10).joined(separator: "、")
                + (uncertain.count > 10 ? " 等" : "") + "。请用 goalbridge layouts draft 为该版式写一个版式文件（--layouts）后重新收集，或退回部门改用标准模板填报。",
                file: path))
        }
        if qualitativeQuantities > 0 {
            notes.append(Diagnostic(.warning, "flat-no-symbol",
                "\(qualitativeQuantities) 个指标值是数量却没有计算符号（如“100人”），按“6 定性”写出、指标值保留原文；一体化系统要求定量指标写明 ≥、＞、＝、＜ 或 ≤，请各部门补上后再导入。",
                file: path))
        }
        if approximations > 0 {
            notes.append(Diagnostic(.warning, "flat-approximate",
                "\(approximations) 个指标值是约数（“约…”“…左右”），一体化系统没有对应的计算符号，按“6 定性”写出、指标值保留原文。", file: path))
        }
        if unplacedTexts > 0 {
            notes.append(Diagnostic(.warning, "flat-unplaced",
                "\(unplacedTexts) 个指标有备注或评（扣）分标准，一体化指标文件没有这两列，未写出（仍在数据集和导出的工作簿中）。", file: path))
        }
        if respelled > 0 {
            notes.append(Diagnostic(.info, "flat-respelled",
                "\(respelled) 个指标值的计算符号写法不同（如“>=”“不少于”），已按系统编码写出，读回时写作 ≥、≤ 等。", file: path))
        }
        return notes
    }
}
