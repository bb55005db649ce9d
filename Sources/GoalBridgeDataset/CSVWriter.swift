import Foundation

/// CSV that Excel and WPS open with Chinese intact (UTF-8 with BOM, CRLF) and that cannot run formulas:
/// a cell starting with = + - @ tab or CR is prefixed with an apostrophe.
public enum CSVWriter {
    public static func escape(_ field: String) -> String {
        var s = field
        if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { s = "'" + s }
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            s = "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func render(header: [String], rows: [[String]]) -> Data {
        var text = "\u{FEFF}" + header.map(escape).joined(separator: ",") + "\r\n"
        for row in rows { text += row.map(escape).joined(separator: ",") + "\r\n" }
        return Data(text.utf8)
    }

    /// Writes atomically.
    public static func write(header: [String], rows: [[String]], to path: String) throws {
        try render(header: header, rows: rows).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
