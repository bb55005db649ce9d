import CXLSXWriter
import Foundation

/// Options for a list data validation (a dropdown).
public struct ListValidation: Sendable {
    /// The choices, when short enough to sit in the validation itself (≤ 255 UTF-8 bytes).
    public var values: [String]?
    /// A formula for the choices, e.g. `=列表!$A$2:$A$9` or `=INDIRECT($B5)`.
    public var formula: String?
    public var inputTitle: String?
    public var inputMessage: String?
    public var errorTitle: String?
    public var errorMessage: String?
    /// When false, other values are allowed after a warning.
    public var strict = true

    /// A cell validation: a dropdown of `values`, or a list from a `formula` (`=代码表!$A$2:$A$20`), with an input
    /// hint and the error shown on a wrong value.
    ///
    ///     ListValidation(values: ["定量", "定性"], errorTitle: "指标性质", errorMessage: "请从下拉列表选择")
    public init(values: [String]? = nil, formula: String? = nil, inputTitle: String? = nil, inputMessage: String? = nil,
                errorTitle: String? = nil, errorMessage: String? = nil, strict: Bool = true) {
        self.values = values
        self.formula = formula
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
        self.strict = strict
    }
}

/// Page setup for printing.
public struct PrintSetup: Sendable {
    public var a4 = true
    public var landscape = false
    /// Fit all columns on one page width (any number of pages tall).
    public var fitToWidth = true
    /// Rows (zero-based, inclusive) repeated at the top of every printed page.
    public var repeatRows: ClosedRange<Int>?
    public var centerHorizontally = true
    /// A page footer in Excel's header/footer codes (`&C第 &P 页，共 &N 页`: centred page numbers).
    public var footer: String?

    /// How a sheet prints; the defaults print A4 portrait, one page wide, centred.
    ///
    ///     PrintSetup(landscape: true, repeatRows: 0...1, footer: "&C第 &P 页，共 &N 页")
    public init(a4: Bool = true, landscape: Bool = false, fitToWidth: Bool = true, repeatRows: ClosedRange<Int>? = nil,
                centerHorizontally: Bool = true, footer: String? = nil) {
        self.a4 = a4
        self.landscape = landscape
        self.fitToWidth = fitToWidth
        self.repeatRows = repeatRows
        self.centerHorizontally = centerHorizontally
        self.footer = footer
    }

    /// Centred page numbers, 第 1 页，共 3 页.
    public static let pageNumberFooter = "&C第 &P 页，共 &N 页"
}

/// Writes one worksheet. Obtained from `XLSXWriter.addSheet(_:)`.
public final class SheetWriter {
    private let worksheet: UnsafeMutablePointer<lxw_worksheet>
    public let name: String
    private let owner: XLSXWriter
    private var merges: [CellRange] = []

    init(worksheet: UnsafeMutablePointer<lxw_worksheet>, name: String, owner: XLSXWriter) {
        self.worksheet = worksheet
        self.name = name
        self.owner = owner
    }

    private func ws() throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard owner.isOpen else { throw WriteError.library("workbook already closed", context: name) }
        return worksheet
    }

    private func check(_ rc: lxw_error, _ context: @autoclosure () -> String) throws {
        if rc != LXW_NO_ERROR { throw WriteError.library(String(cString: lxw_strerror(rc)), context: context()) }
    }

    private func checkBounds(_ ref: CellReference) throws {
        guard ref.row >= 0, ref.column >= 0, ref.row < CellReference.maxRows, ref.column < CellReference.maxColumns else {
            throw WriteError.cellOutOfRange(row: ref.row, column: ref.column)
        }
    }

    /// Writes text as text: a value starting with `=` is never turned into a formula. Text over Excel's 32,767
    /// characters is cut, ends with a visible marker, and is listed in `XLSXWriter.cutCells`: one over-long cell
    /// never stops a workbook (or a batch of them) from being written.
    public func write(_ text: String, at ref: CellReference, format: CellFormat? = nil) throws {
        try checkBounds(ref)
        var text = text
        if text.utf8.count > ExcelLimits.cellTextLength, text.utf16.count > ExcelLimits.cellTextLength {
            text = ExcelLimits.cut(text)
            owner.cutCells.append("\(name)!\(ref.description)")
        }
        let w = try ws()
        if text.isEmpty {
            try check(worksheet_write_blank(w, lxw_row_t(ref.row), lxw_col_t(ref.column), owner.format(format ?? .plain)), ref.description)
            return
        }
        try check(worksheet_write_string(w, lxw_row_t(ref.row), lxw_col_t(ref.column), text, owner.format(format)), ref.description)
    }

    /// Writes a number cell.
    ///
    ///     try sheet.write(120.5, at: CellReference("D5")!, format: CellFormat(numberFormat: "0.00"))
    public func write(_ number: Double, at ref: CellReference, format: CellFormat? = nil) throws {
        try checkBounds(ref)
        try check(worksheet_write_number(try ws(), lxw_row_t(ref.row), lxw_col_t(ref.column), number, owner.format(format)), ref.description)
    }

    /// Writes a TRUE/FALSE cell.
    ///
    ///     try sheet.write(true, at: CellReference("E5")!)
    public func write(_ value: Bool, at ref: CellReference, format: CellFormat? = nil) throws {
        try checkBounds(ref)
        try check(worksheet_write_boolean(try ws(), lxw_row_t(ref.row), lxw_col_t(ref.column), value ? 1 : 0, owner.format(format)), ref.description)
    }

    /// Writes a formula with its cached result, so readers that do not calculate see the value.
    public func writeFormula(_ formula: String, cachedNumber: Double, at ref: CellReference, format: CellFormat? = nil) throws {
        try checkBounds(ref)
        try check(worksheet_write_formula_num(try ws(), lxw_row_t(ref.row), lxw_col_t(ref.column), formula, owner.format(format), cachedNumber), ref.description)
    }

    /// Writes any cell value read by `XLSXReader` (dates as their serial with a date format).
    public func write(_ value: CellValue, at ref: CellReference, format: CellFormat? = nil) throws {
        switch value {
        case .string(let s): try write(s, at: ref, format: format)
        case .number(let d): try write(d, at: ref, format: format)
        case .bool(let b): try write(b, at: ref, format: format)
        case .date(let d):
            var f = format ?? .plain
            if f.numberFormat == nil { f.numberFormat = d.pattern?.code ?? "yyyy-mm-dd" }
            try write(d.serial, at: ref, format: f)
        case .error(let e): try write(e, at: ref, format: format)
        case .percent(let d, let decimals):
            var f = format ?? CellFormat()
            f.numberFormat = decimals > 0 ? "0." + String(repeating: "0", count: decimals) + "%" : "0%"
            try write(d, at: ref, format: f)
        }
    }

    /// A blank cell with a format (borders, unlocked input cells).
    public func writeBlank(at ref: CellReference, format: CellFormat) throws {
        try checkBounds(ref)
        try check(worksheet_write_blank(try ws(), lxw_row_t(ref.row), lxw_col_t(ref.column), owner.format(format)), ref.description)
    }

    /// Merges a range and writes `text` into it. Single-cell and overlapping merges are refused
    /// here, since libxlsxwriter does not detect overlaps (Excel would "repair" the file).
    public func merge(_ range: CellRange, text: String, format: CellFormat? = nil) throws {
        if range.isSingleCell { throw WriteError.singleCellMerge(range.description) }
        try checkBounds(range.last)
        if let clash = merges.first(where: { $0.intersects(range) }) {
            throw WriteError.overlappingMerge(clash.description, range.description)
        }
        try check(worksheet_merge_range(try ws(), lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                        lxw_row_t(range.last.row), lxw_col_t(range.last.column), "", owner.format(format ?? .plain)),
                  range.description)
        merges.append(range)
        // merge_range writes its text as a string already; write again so an empty text stays a styled blank.
        if !text.isEmpty { try write(text, at: range.first, format: format) }
    }

    /// Merges a range holding a number.
    public func merge(_ range: CellRange, number: Double, format: CellFormat? = nil) throws {
        try merge(range, text: "", format: format)
        try write(number, at: range.first, format: format)
    }

    /// Column width in characters (Excel's unit); a format applies to the whole column.
    public func setColumn(_ columns: ClosedRange<Int>, width: Double, format: CellFormat? = nil, hidden: Bool = false) throws {
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(worksheet_set_column_opt(try ws(), lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width,
                                           owner.format(format), &options), "columns")
    }

    /// Row height in points.
    public func setRow(_ row: Int, height: Double, format: CellFormat? = nil) throws {
        try check(worksheet_set_row(try ws(), lxw_row_t(row), height, owner.format(format)), "row \(row + 1)")
    }

    /// A dropdown over `range`. A list longer than Excel's 255 bytes (counted in UTF-8, since libxlsxwriter
    /// copies it into 258 bytes) is written to a hidden sheet and referred to by range.
    public func addListValidation(_ range: CellRange, _ validation: ListValidation) throws {
        var dv = lxw_data_validation()
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func c(_ s: String) -> UnsafeMutablePointer<CChar> { let p = strdup(s)!; owned.append(p); return p }
        func checkText(_ s: String?, _ field: String, _ max: Int) throws {
            if let s, s.count > max { throw WriteError.validationTextTooLong(field: field, length: s.count, maximum: max) }
        }
        try checkText(validation.inputTitle, "输入提示标题", ExcelLimits.validationTitleLength)
        try checkText(validation.errorTitle, "出错警告标题", ExcelLimits.validationTitleLength)
        try checkText(validation.inputMessage, "输入提示信息", ExcelLimits.validationMessageLength)
        try checkText(validation.errorMessage, "出错警告信息", ExcelLimits.validationMessageLength)
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        defer { list?.deallocate() }
        if let values = validation.values,
           values.reduce(0, { $0 + $1.utf8.count }) + max(values.count - 1, 0) > ExcelLimits.validationListBytes {
            // Too long to sit in the validation (Excel's 255 limit; libxlsxwriter 1.1.4 would overflow its
            // 258-byte buffer): the list goes to a hidden sheet and the validation refers to its range.
            var moved = validation
            moved.values = nil
            moved.formula = try owner.listRangeFormula(values)
            return try addListValidation(range, moved)
        }
        if let values = validation.values {
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            list = .allocate(capacity: values.count + 1)
            for (i, v) in values.enumerated() { list![i] = c(v) }
            list![values.count] = nil
            dv.value_list = list
        } else if let formula = validation.formula {
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            dv.value_formula = c(formula)
        } else {
            return
        }
        if let t = validation.inputTitle { dv.input_title = c(t) }
        if let t = validation.inputMessage { dv.input_message = c(t) }
        if let t = validation.errorTitle { dv.error_title = c(t) }
        if let t = validation.errorMessage { dv.error_message = c(t) }
        dv.error_type = UInt8(validation.strict ? LXW_VALIDATION_ERROR_TYPE_STOP.rawValue : LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
        try check(worksheet_data_validation_range(try ws(), lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                  lxw_row_t(range.last.row), lxw_col_t(range.last.column), &dv),
                  "validation \(range)")
    }

    /// An input message shown when a cell is selected, with no restriction on what may be typed.
    public func addInputMessage(_ range: CellRange, title: String?, message: String) throws {
        if let title, title.count > ExcelLimits.validationTitleLength {
            throw WriteError.validationTextTooLong(field: "输入提示标题", length: title.count, maximum: ExcelLimits.validationTitleLength)
        }
        if message.count > ExcelLimits.validationMessageLength {
            throw WriteError.validationTextTooLong(field: "输入提示信息", length: message.count, maximum: ExcelLimits.validationMessageLength)
        }
        var dv = lxw_data_validation()
        dv.validate = UInt8(LXW_VALIDATION_TYPE_ANY.rawValue)
        let t = title.map { strdup($0)! }
        let m = strdup(message)!
        defer { t.map { free($0) }; free(m) }
        dv.input_title = t
        dv.input_message = m
        try check(worksheet_data_validation_range(try ws(), lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                  lxw_row_t(range.last.row), lxw_col_t(range.last.column), &dv), "input message \(range)")
    }

    /// A cell comment (note), shown on hover.
    public func addComment(_ text: String, at ref: CellReference, author: String = "GoalBridge", visible: Bool = false) throws {
        var options = lxw_comment_options()
        let a = strdup(author)!
        defer { free(a) }
        options.author = a
        options.visible = UInt8(visible ? LXW_COMMENT_DISPLAY_VISIBLE.rawValue : LXW_COMMENT_DISPLAY_HIDDEN.rawValue)
        options.width = 300
        options.height = 120
        try check(worksheet_write_comment_opt(try ws(), lxw_row_t(ref.row), lxw_col_t(ref.column), text, &options), "comment \(ref)")
    }

    /// Protects the sheet without a password (a guard against accidental edits, not security):
    /// locked cells are read-only; unlocked cells, formatting, and inserting or deleting rows stay allowed.
    public func protect(allowInsertRows: Bool = true) throws {
        var options = lxw_protection()
        options.format_columns = 1
        options.format_rows = 1
        options.format_cells = 1
        options.insert_rows = allowInsertRows ? 1 : 0
        options.delete_rows = allowInsertRows ? 1 : 0
        options.autofilter = 1
        options.sort = 1
        worksheet_protect(try ws(), nil, &options)
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) throws {
        worksheet_freeze_panes(try ws(), lxw_row_t(row), lxw_col_t(column))
    }

    /// Puts filter buttons on the range's first row.
    ///
    ///     try sheet.autofilter(CellRange("A1:L900")!)
    public func autofilter(_ range: CellRange) throws {
        try check(worksheet_autofilter(try ws(), lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                       lxw_row_t(range.last.row), lxw_col_t(range.last.column)), "autofilter")
    }

    /// Applies a print setup (paper, orientation, fit to width, repeated rows, centring, footer).
    ///
    ///     try sheet.setPrint(PrintSetup(landscape: true, repeatRows: 0...0))
    public func setPrint(_ setup: PrintSetup) throws {
        let w = try ws()
        if setup.a4 { worksheet_set_paper(w, 9) }
        if setup.landscape { worksheet_set_landscape(w) } else { worksheet_set_portrait(w) }
        if setup.fitToWidth { worksheet_fit_to_pages(w, 1, 0) }
        if let rows = setup.repeatRows {
            try check(worksheet_repeat_rows(w, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "repeat rows")
        }
        if setup.centerHorizontally { worksheet_center_horizontally(w) }
        if let footer = setup.footer { try check(worksheet_set_footer(w, footer), "footer") }
    }

    /// Hides the sheet (never very hidden: libxlsxwriter 1.1.4 has no such state). At least one sheet must stay visible.
    ///
    ///     try listSheet.hide()
    public func hide() throws { worksheet_hide(try ws()) }

    /// Makes this the sheet shown when the workbook opens.
    ///
    ///     try summary.activate()
    public func activate() throws { worksheet_activate(try ws()) }
}
