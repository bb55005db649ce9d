/// Where in a workbook something went wrong. Every field is optional because a file
/// can fail before its sheets are known.
public struct SpreadsheetLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    public var part: String?
    public var sheet: String?
    public var cell: String?

    /// Where a reading error happened: file, package part, sheet and cell, as far as known.
    ///
    ///     SpreadsheetLocation(file: "平阴.xlsx", sheet: "Sheet1", cell: "D9")
    public init(file: String? = nil, part: String? = nil, sheet: String? = nil, cell: String? = nil) {
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
    }

    public var description: String {
        var pieces: [String] = []
        if let file { pieces.append(file) }
        if let sheet { pieces.append("工作表“\(sheet)”") }
        if let cell { pieces.append("单元格 \(cell)") }
        if sheet == nil, let part { pieces.append("部件 \(part)") }
        return pieces.joined(separator: " ")
    }
}

/// Why a workbook could not be read. Each case has a message a department clerk can act on.
public enum SpreadsheetErrorKind: Hashable, Sendable {
    case fileNotFound
    case unreadable(String)
    case emptyFile
    /// An OLE2 compound file: an old .xls, or an .xlsx locked with a password.
    case legacyXLS
    case encryptedXLSX
    case openDocument
    case textFile
    /// A web page, as web systems export “Excel” files.
    case htmlFile
    /// Excel's XML Spreadsheet 2003.
    case xmlSpreadsheet2003
    case notZip
    case truncatedZip
    case corruptZip(String)
    case missingPart(String)
    case duplicatePart(String)
    case limitExceeded(limit: String, value: Int, maximum: Int)
    case suspiciousCompression(ratio: Int, maximum: Int)
    case malformedXML(String, line: Int)
    /// OPC forbids DTDs; a DOCTYPE is how entity attacks start.
    case forbiddenDTD
    case forbiddenEntity(String)
    case badCellReference(String)
    case sharedStringIndexOutOfRange(index: Int, count: Int)
    case missingSharedStringIndex
    case badNumber(String)
    case unknownCellType(String)
    case unsupportedEncoding(String)
    case sharedSheetPart(String)
    case overlappingMerges(String, String)
}

/// A typed read error with its location.
public struct SpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
    public var kind: SpreadsheetErrorKind
    public var location: SpreadsheetLocation

    /// An error of one kind at one place; `description` is the message for the person who sent the file.
    ///
    ///     throw SpreadsheetError(.emptyFile, SpreadsheetLocation(file: path))
    public init(_ kind: SpreadsheetErrorKind, _ location: SpreadsheetLocation = SpreadsheetLocation()) {
        self.kind = kind
        self.location = location
    }

    /// Chinese message for the person who filled the file.
    public var message: String {
        switch kind {
        case .fileNotFound: return "找不到文件，请检查路径。"
        case .unreadable: return "无法读取文件，请检查文件是否正被其他程序占用、是否有读取权限。"
        case .emptyFile: return "文件是空的（0 字节），请重新保存或重新上传。"
        case .legacyXLS: return "这是旧版 Excel 97-2003 格式（.xls），请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx）后重新提交。"
        case .encryptedXLSX: return "文件设置了打开密码（已加密），请取消密码后另存为 .xlsx 再提交。"
        case .openDocument: return "这是 OpenDocument 表格（.ods），请另存为 Excel 工作簿（.xlsx）后再提交。"
        case .textFile: return "这是文本文件（如 CSV），不是 Excel 工作簿，请在表格软件中另存为 .xlsx。"
        case .htmlFile: return "这是网页文件（HTML），常见于从网上系统导出的“Excel”文件，并不是 Excel 工作簿：请用 Excel/WPS 打开后“另存为”Excel 工作簿（.xlsx）再提交。"
        case .xmlSpreadsheet2003: return "这是“XML 电子表格 2003”格式，不是 Excel 工作簿（.xlsx）：请用 Excel/WPS 打开后“另存为”Excel 工作簿（.xlsx）再提交。"
        case .notZip: return "文件不是 Excel 工作簿（.xlsx），请确认文件类型后另存为 .xlsx。"
        case .truncatedZip: return "文件不完整（可能下载或复制中断），请重新保存后提交。"
        case .corruptZip: return "文件已损坏，无法解压，请用 Excel/WPS 打开后重新保存再提交。"
        case .missingPart(let part): return "工作簿缺少必要部件 \(part)，文件可能已损坏，请用 Excel/WPS 打开后重新保存。"
        case .duplicatePart(let part): return "工作簿内部件名称重复（\(part)），文件不可信，请重新保存。"
        case .limitExceeded(let limit, let value, let maximum): return "文件超出安全上限：\(limit) 为 \(value)，上限 \(maximum)。请拆分文件或删除多余内容。"
        case .suspiciousCompression(let ratio, let maximum): return "文件压缩比异常（\(ratio):1，上限 \(maximum):1），疑似“压缩炸弹”，已拒绝读取。"
        case .malformedXML(_, let line): return "文件内部格式错误（第 \(line) 行），请用 Excel/WPS 打开后重新保存。"
        case .forbiddenDTD: return "文件内含 DTD 声明（Office 文件不允许），出于安全考虑拒绝读取。"
        case .forbiddenEntity(let name): return "文件内含实体引用 &\(name);（Office 文件不允许），出于安全考虑拒绝读取。"
        case .badCellReference(let ref): return "单元格地址“\(ref)”无效或超出 XFD1048576。"
        case .sharedStringIndexOutOfRange(let index, let count): return "单元格引用的共享字符串序号 \(index) 不存在（共 \(count) 个），文件已损坏。"
        case .missingSharedStringIndex: return "文本单元格缺少共享字符串序号，文件已损坏。"
        case .badNumber(let text): return "数值“\(text)”无法识别，文件已损坏。"
        case .unknownCellType(let type): return "单元格类型“\(type)”无法识别，文件可能由不兼容的程序生成，请用 Excel/WPS 打开后重新保存。"
        case .sharedSheetPart(let part): return "多个工作表指向同一个部件 \(part)（Excel 不会这样保存），文件不可信，已拒绝读取。请用 Excel/WPS 打开后重新保存。"
        case .unsupportedEncoding(let encoding): return "文件内部使用了 Excel 文件不允许的字符编码 \(encoding)（只允许 UTF-8 或 UTF-16），文字会变成乱码，已拒绝读取。请用 Excel/WPS 打开后重新保存。"
        case .overlappingMerges(let a, let b): return "合并单元格 \(a) 与 \(b) 相互重叠，请取消其中一个合并后重新保存。"
        }
    }

    /// What the library or the system said, for whoever investigates (never in the clerk's message): the zip or XML
    /// parser's words, the system error. Nil when the message says all there is.
    public var detail: String? {
        switch kind {
        case .unreadable(let why), .corruptZip(let why): return why
        case .malformedXML(let why, let line): return "line \(line): \(why)"
        default: return nil
        }
    }

    /// English message, for logs and for people who read English.
    public var englishMessage: String {
        switch kind {
        case .fileNotFound: return "file not found"
        case .unreadable(let why): return "cannot read file (\(why))"
        case .emptyFile: return "empty file"
        case .legacyXLS: return "legacy Excel 97-2003 (.xls) file; save as .xlsx"
        case .encryptedXLSX: return "password-protected (encrypted) workbook"
        case .openDocument: return "OpenDocument spreadsheet (.ods); save as .xlsx"
        case .textFile: return "text file (CSV?), not a workbook"
        case .htmlFile: return "HTML page (a web system's \".xls\" export), not a workbook"
        case .xmlSpreadsheet2003: return "XML Spreadsheet 2003, not a workbook"
        case .notZip: return "not an .xlsx file (not a zip container)"
        case .truncatedZip: return "truncated file"
        case .corruptZip(let why): return "corrupt zip: \(why)"
        case .missingPart(let part): return "missing part \(part)"
        case .duplicatePart(let part): return "duplicate part name \(part)"
        case .limitExceeded(let limit, let value, let maximum): return "limit exceeded: \(limit) = \(value) > \(maximum)"
        case .suspiciousCompression(let ratio, let maximum): return "compression ratio \(ratio):1 exceeds \(maximum):1 (zip bomb?)"
        case .malformedXML(let why, let line): return "malformed XML at line \(line): \(why)"
        case .forbiddenDTD: return "DTD/DOCTYPE not allowed in OOXML"
        case .forbiddenEntity(let name): return "entity reference &\(name); not allowed"
        case .badCellReference(let ref): return "invalid cell reference \(ref)"
        case .sharedStringIndexOutOfRange(let index, let count): return "shared string index \(index) out of range (\(count))"
        case .missingSharedStringIndex: return "shared string cell without index"
        case .badNumber(let text): return "invalid number \(text)"
        case .unknownCellType(let type): return "unknown cell type \(type)"
        case .unsupportedEncoding(let encoding): return "unsupported XML encoding \(encoding)"
        case .sharedSheetPart(let part): return "several sheets point at one part \(part)"
        case .overlappingMerges(let a, let b): return "overlapping merged ranges \(a) and \(b)"
        }
    }

    public var description: String {
        let place = location.description
        return (place.isEmpty ? "" : place + "：") + message + " [" + englishMessage + "]"
    }
}
