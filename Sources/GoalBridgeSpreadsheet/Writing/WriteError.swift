/// Why a workbook could not be written. Excel's limits are checked before libxlsxwriter
/// is called, so the message names the limit instead of a C error code.
public enum WriteError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidSheetName(String, reason: String)
    case duplicateSheetName(String)
    case textTooLong(cell: String, length: Int)
    case validationListTooLong(range: String, bytes: Int)
    case validationTextTooLong(field: String, length: Int, maximum: Int)
    case singleCellMerge(String)
    case overlappingMerge(String, String)
    case cellOutOfRange(row: Int, column: Int)
    case invalidDefinedName(String)
    case library(String, context: String)
    case io(String, path: String)
    case wouldReplaceInput(path: String)

    public var description: String {
        switch self {
        case .invalidSheetName(let n, let why): return "工作表名“\(n)”不可用：\(why) [invalid sheet name]"
        case .duplicateSheetName(let n): return "工作表名“\(n)”重复 [duplicate sheet name]"
        case .textTooLong(let cell, let length): return "单元格 \(cell) 文字 \(length) 字，超过 Excel 上限 32767 字 [cell text > 32,767 characters]"
        case .validationListTooLong(let range, let bytes): return "\(range) 下拉列表 \(bytes) 字节，超过 Excel 上限 255 [validation list > 255]"
        case .validationTextTooLong(let field, let length, let maximum): return "数据验证\(field) \(length) 字，超过上限 \(maximum) [validation \(field) too long]"
        case .singleCellMerge(let r): return "合并区域 \(r) 只有一个单元格 [single-cell merge]"
        case .overlappingMerge(let a, let b): return "合并区域 \(a) 与 \(b) 重叠 [overlapping merges]"
        case .cellOutOfRange(let row, let column): return "单元格 行\(row + 1) 列\(column + 1) 超出 XFD1048576 [cell out of range]"
        case .invalidDefinedName(let n): return "名称“\(n)”不可用 [invalid defined name]"
        case .library(let m, let context): return "写入失败（\(context)）：\(m) [libxlsxwriter]"
        case .io(let m, let path): return "无法写入 \(path)：\(m)"
        case .wouldReplaceInput(let path): return "不能写入 \(path)：这是本次读取的输入文件，输出不会覆盖输入。请另选输出文件名或文件夹。"
        }
    }
}

/// Excel's hard limits, checked before calling C.
public enum ExcelLimits {
    public static let sheetNameLength = 31
    public static let cellTextLength = 32_767
    /// The list of a list validation, in UTF-8 bytes (libxlsxwriter 1.1.4 copies it into 258 bytes).
    public static let validationListBytes = 255
    public static let validationTitleLength = 32
    public static let validationMessageLength = 255
    public static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// What ends a text cut to fit a cell.
    public static let cutMarker = "…【超出 Excel 单元格 32767 字上限，以下内容已截断】"

    /// `text` cut between whole characters so that, with `cutMarker`, it fits a cell.
    public static func cut(_ text: String) -> String {
        let room = cellTextLength - cutMarker.utf16.count
        var units = 0
        var end = text.startIndex
        for i in text.indices {
            let n = text[i].utf16.count
            if units + n > room { break }
            units += n
            end = text.index(after: i)
        }
        return String(text[..<end]) + cutMarker
    }

    /// nil when `name` is a valid sheet name, else the reason in Chinese.
    public static func sheetNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "不能为空" }
        if name.utf16.count > sheetNameLength { return "超过 31 个字符" } // Excel counts UTF-16 units
        if let c = name.first(where: { forbiddenSheetNameCharacters.contains($0) }) { return "不能包含字符 \(c)" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "不能以单引号开头或结尾" }
        return nil
    }
}
