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

    public init(_ severity: Severity, _ code: String, _ message: String, file: String? = nil, sheet: String? = nil, cell: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.sheet = sheet
        self.cell = cell
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
