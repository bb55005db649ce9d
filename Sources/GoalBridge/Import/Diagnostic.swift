import GoalBridgeSpreadsheet

/// How serious a diagnostic is.
public enum Severity: String, Codable, Sendable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A message about one file, sheet and cell, in words the person who filled it can act on.
public struct Diagnostic: Codable, Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    /// A stable code, e.g. `unmapped-cell`, `no-table`, `read-error`.
    public var code: String
    public var message: String
    public var file: String?
    public var sheet: String?
    public var cell: String?
    /// What a library or the system said (the XML parser's words, a system error), kept for whoever investigates and
    /// never shown to a clerk: `message` says what to do.
    public var detail: String?

    /// A diagnostic: `message` in Chinese for the person who filled the file, `code` stable for programs, `detail` for
    /// whoever investigates.
    ///
    /// ```swift
    /// Diagnostic(.warning, "extra-cell", "单元格 H5 的内容“已报县政府”不属于任何栏目，已作为附加信息保留。",
    ///            file: "平阴.xlsx", sheet: "Sheet1", cell: "H5")
    /// ```
    public init(_ severity: Severity, _ code: String, _ message: String, file: String? = nil, sheet: String? = nil, cell: String? = nil,
                detail: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.detail = detail
    }

    /// A workbook that could not be read: the reader's message for the clerk, its technical detail aside.
    public init(readError e: SpreadsheetError, file: String?) {
        self.init(.error, "read-error", e.message, file: file, sheet: e.location.sheet, cell: e.location.cell, detail: e.detail)
    }

    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let sheet { place.append("工作表“\(sheet)”") }
        if let cell { place.append("单元格 \(cell)") }
        let tag = severity == .error ? "错误" : severity == .warning ? "警告" : "提示"
        return "[\(tag)] " + (place.isEmpty ? "" : place.joined(separator: " ") + "：") + message
    }
}

extension Diagnostic {
    /// How many warnings one file may give before the rest are counted, not listed: a file with ten thousand
    /// stray cells is told so in one line, not in ten thousand.
    public static let maximumWarningsPerFile = 200

    /// Text quoted in a message: at most 40 characters, with the full length named when cut, so a cell holding a
    /// whole document does not make every message that quotes it as long.
    public static func quoted(_ text: String) -> String {
        let limit = 40
        guard text.unicodeScalars.count > limit else { return "“" + text + "”" }
        var count = 0
        var end = text.startIndex
        for i in text.indices {
            count += 1
            if count > limit { break }
            end = text.index(after: i)
        }
        return "“" + text[..<end] + "…”（共 \(text.count) 字）"
    }

    /// `diagnostics` with at most `maximumWarningsPerFile` warnings and infos, warnings first; errors are always kept,
    /// and the order is kept. What is left out is counted in one closing line (及其他 N 条), a warning only when a
    /// warning was left out: a workbook of many tables, each with its information, is not made 部分成功 by them.
    public static func capped(_ diagnostics: [Diagnostic], file: String?) -> [Diagnostic] {
        guard diagnostics.count > maximumWarningsPerFile else { return diagnostics }
        var keep = diagnostics.map { $0.severity == .error }
        var budget = maximumWarningsPerFile
        for severity in [Severity.warning, .info] {
            for (i, d) in diagnostics.enumerated() where d.severity == severity && budget > 0 { keep[i] = true; budget -= 1 }
        }
        let kept = diagnostics.indices.filter { keep[$0] }.map { diagnostics[$0] }
        let left = diagnostics.indices.filter { !keep[$0] }
        guard !left.isEmpty else { return kept }
        let warningLeft = left.contains { diagnostics[$0].severity == .warning }
        return kept + [Diagnostic(warningLeft ? .warning : .info, "more-diagnostics",
                                  "及其他 \(left.count) 条\(warningLeft ? "提示" : "说明")未列出（本文件共 \(diagnostics.count) 条）。\(warningLeft ? "请先处理上面列出的问题。" : "")", file: file)]
    }
}
