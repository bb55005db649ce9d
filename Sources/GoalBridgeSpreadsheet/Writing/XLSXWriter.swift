import CXLSXWriter
import Foundation

/// Writes an .xlsx with libxlsxwriter. The file appears atomically: it is written beside
/// the target under a temporary name and renamed on `close()`.
///
/// ```swift
/// let writer = try XLSXWriter(path: "out.xlsx")
/// let sheet = try writer.addSheet("项目")
/// try sheet.write("项目名称", at: CellReference(row: 0, column: 0))
/// try writer.close()
/// ```
public final class XLSXWriter {
    /// Fixed creation time (2024-01-01T00:00:00Z) so identical input gives identical bytes.
    public static let fixedCreationTime: time_t = 1_704_067_200

    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let targetPath: String
    private let temporaryPath: String
    private var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    /// C strings handed to libxlsxwriter for the workbook's life.
    private var retained: [UnsafeMutablePointer<CChar>] = []

    /// - Parameter constantMemory: libxlsxwriter's constant-memory mode, for sheets of hundreds of thousands
    ///   of rows: each row goes to disk when a later row is written, so rows must be written top to bottom
    ///   (merges and writes to an earlier row fail), and text is stored inline instead of in a shared table.
    public init(path: String, constantMemory: Bool = false) throws {
        try InputGuard.check(target: path)
        targetPath = path
        temporaryPath = TemporaryFile.path(beside: path)
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.tmpdir = XLSXWriter.scratchDirectory
        guard let wb = temporaryPath.withCString({ workbook_new_opt($0, &options) }) else {
            throw WriteError.io("cannot create workbook", path: path)
        }
        workbook = wb
        setProperties(DocumentProperties())
    }

    deinit {
        if let wb = workbook {
            // Never closed: let libxlsxwriter free everything, and remove the partial file.
            _ = workbook_close(wb)
            unlink(temporaryPath)
        }
        for p in retained { free(p) }
    }

    private func cString(_ s: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(s)!
        retained.append(p)
        return p
    }

    /// Where libxlsxwriter keeps its per-part scratch files while assembling the zip.
    /// libxlsxwriter 1.1.4 writes every XML part to a temporary file before deflating it (it has no
    /// in-memory mode), about a dozen per workbook; creating and deleting them on a journaled disk
    /// costs more than the XML itself. A memory-backed directory (`/dev/shm`) makes them cheap;
    /// `GOALBRIDGE_TMPDIR` overrides, and without either the C library's default (`tmpfile()`) is used.
    /// /dev/shm is used only with at least `minimumScratchSpace` free: containers often mount a 64 MB one,
    /// too small for the parts of a large consolidated workbook.
    /// Written once, read-only afterwards (libxlsxwriter only reads it).
    nonisolated(unsafe) static let scratchDirectory: UnsafeMutablePointer<CChar>? = {
        if let chosen = ProcessInfo.processInfo.environment["GOALBRIDGE_TMPDIR"], isWritableDirectory(chosen) { return strdup(chosen) }
        var fs = statvfs()
        if isWritableDirectory("/dev/shm"), statvfs("/dev/shm", &fs) == 0,
           UInt64(fs.f_bavail) * UInt64(fs.f_frsize) >= minimumScratchSpace {
            return strdup("/dev/shm")
        }
        return nil
    }()

    static let minimumScratchSpace: UInt64 = 1 << 30

    private static func isWritableDirectory(_ dir: String) -> Bool {
        var st = stat()
        return access(dir, W_OK | X_OK) == 0 && stat(dir, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The hidden sheet that holds dropdown lists too long for Excel's 255-byte inline limit.
    public static let listSheetName = "_lists"
    private var listSheet: SheetWriter?
    private var listColumns = 0

    /// Writes `values` into a column of the hidden list sheet and returns a formula for the range.
    func listRangeFormula(_ values: [String]) throws -> String {
        if listSheet == nil {
            listSheet = try addSheet(XLSXWriter.listSheetName)
            try listSheet!.hide()
        }
        let column = listColumns
        listColumns += 1
        for (i, v) in values.enumerated() { try listSheet!.write(v, at: CellReference(row: i, column: column)) }
        let letter = CellReference.columnName(column)
        return "='\(XLSXWriter.listSheetName)'!$\(letter)$1:$\(letter)$\(max(values.count, 1))"
    }

    /// False once `close()` has run; sheet writers check it before touching C memory.
    var isOpen: Bool { workbook != nil }

    /// Cells (`sheet!A1`) whose text was over Excel's limit and was written cut, with a marker.
    public internal(set) var cutCells: [String] = []

    private var wb: UnsafeMutablePointer<lxw_workbook> {
        guard let workbook else { preconditionFailure("XLSXWriter used after close()") }
        return workbook
    }

    /// Adds a worksheet; the name is checked against Excel's rules first.
    public func addSheet(_ name: String) throws -> SheetWriter {
        if let problem = ExcelLimits.sheetNameProblem(name) { throw WriteError.invalidSheetName(name, reason: problem) }
        guard sheetNames.insert(name.lowercased()).inserted else { throw WriteError.duplicateSheetName(name) }
        guard let ws = name.withCString({ workbook_add_worksheet(wb, $0) }) else {
            throw WriteError.invalidSheetName(name, reason: "libxlsxwriter 拒绝")
        }
        let sheet = SheetWriter(worksheet: ws, name: name, owner: self)
        return sheet
    }

    /// Title, author and custom properties. `created` defaults to a fixed time for reproducible output.
    public func setProperties(_ properties: DocumentProperties, created: time_t = XLSXWriter.fixedCreationTime) {
        var p = lxw_doc_properties()
        p.created = created
        if let t = properties.title { p.title = cString(t) }
        if let s = properties.subject { p.subject = cString(s) }
        if let a = properties.author { p.author = cString(a) }
        if let c = properties.company { p.company = cString(c) }
        workbook_set_properties(wb, &p)
        for key in properties.custom.keys.sorted() {
            switch properties.custom[key]! {
            case .string(let s): _ = workbook_set_custom_property_string(wb, key, s)
            case .number(let d): _ = workbook_set_custom_property_number(wb, key, d)
            case .bool(let b): _ = workbook_set_custom_property_boolean(wb, key, b ? 1 : 0)
            }
        }
    }

    /// A workbook-level defined name, e.g. `defineName("产出指标", "=列表!$B$2:$B$5")`.
    public func defineName(_ name: String, _ formula: String) throws {
        let rc = workbook_define_name(wb, name, formula)
        if rc != LXW_NO_ERROR { throw WriteError.invalidDefinedName(name) }
    }

    func format(_ f: CellFormat?) -> UnsafeMutablePointer<lxw_format>? {
        guard let f else { return nil }
        if let existing = formats[f] { return existing }
        let fmt = workbook_add_format(wb)!
        format_set_font_name(fmt, f.fontName)
        format_set_font_size(fmt, f.fontSize)
        if f.bold { format_set_bold(fmt) }
        if f.italic { format_set_italic(fmt) }
        if let c = f.fontColor { format_set_font_color(fmt, lxw_color_t(c)) }
        if let c = f.fillColor {
            format_set_pattern(fmt, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(fmt, lxw_color_t(c))
        }
        if f.border { format_set_border(fmt, UInt8(LXW_BORDER_THIN.rawValue)) }
        switch f.horizontal {
        case .general: break
        case .left: format_set_align(fmt, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(fmt, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(fmt, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch f.vertical {
        case .top: format_set_align(fmt, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(fmt, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: format_set_align(fmt, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        }
        if f.wrap { format_set_text_wrap(fmt) }
        if let n = f.numberFormat { format_set_num_format(fmt, n) }
        if !f.locked { format_set_unlocked(fmt) }
        formats[f] = fmt
        return fmt
    }

    /// Writes the file and moves it into place. The writer cannot be used afterwards.
    public func close() throws {
        guard let wb = workbook else { return }
        workbook = nil
        let rc = workbook_close(wb)
        guard rc == LXW_NO_ERROR else {
            unlink(temporaryPath)
            throw WriteError.library(String(cString: lxw_strerror(rc)), context: "workbook_close")
        }
        if rename(temporaryPath, targetPath) != 0 {
            let why = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw WriteError.io(why, path: targetPath)
        }
    }
}
