import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// CSV that Excel and WPS open with Chinese intact (UTF-8 with BOM, CRLF) and that cannot run formulas:
/// a cell starting with = + - @ tab or CR is prefixed with an apostrophe.
public enum CSVWriter {
    /// A first byte that makes a spreadsheet read the cell as a formula: = + - @ tab CR.
    static func startsFormula(_ b: UInt8) -> Bool {
        switch b {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return true
        default: return false
        }
    }

    /// A byte that needs the field quoted: comma, double quote, LF, CR.
    static func needsQuotes(_ b: UInt8) -> Bool {
        switch b {
        case 0x2C, 0x22, 0x0A, 0x0D: return true
        default: return false
        }
    }

    /// One field as CSV writes it: quoted when it holds a comma, quote or line break (quotes doubled), prefixed with
    /// an apostrophe when a spreadsheet would take it for a formula.
    ///
    /// ```swift
    /// CSVWriter.escape("≥95%")          // ≥95%
    /// CSVWriter.escape("=1+1")          // '=1+1
    /// CSVWriter.escape("甲,乙")          // "甲,乙"
    /// ```
    public static func escape(_ field: String) -> String {
        // Decided on the UTF-8 bytes (every character that matters is ASCII); most fields need nothing. Byte by
        // byte also finds a CR or LF inside a CRLF pair, which a Character search does not ("\r\n" is one Character).
        let (formula, quote) = withUTF8Bytes(field) { b -> (Bool, Bool) in
            let formula = b.first.map(CSVWriter.startsFormula) ?? false
            let quote = b.contains(where: CSVWriter.needsQuotes)
            return (formula, quote)
        }
        if !formula && !quote { return field }
        let s = formula ? "'" + field : field
        return quote ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// One line: fields escaped, comma-separated, CRLF.
    static func line(_ fields: [String]) -> String { fields.map(escape).joined(separator: ",") + "\r\n" }
}

/// A CSV file written row by row (the rows need not fit in memory), under a temporary name beside the
/// target, renamed into place by `commit()`: the target is either the whole file or untouched. A file never
/// committed is removed.
public final class CSVFile {
    private let path: String
    private let temporaryPath: String
    private var handle: UnsafeMutablePointer<FILE>?

    /// Starts a CSV file for `path` (refused when `path` is an input of the run) and writes the byte-order mark and
    /// the header.
    ///
    /// ```swift
    /// let csv = try CSVFile(path: "指标.csv", header: ["项目名称", "三级指标", "指标值"])
    /// try csv.append(["辅警经费", "培训人次", "≥500人次"])
    /// try csv.commit()
    /// ```
    public init(path: String, header: [String]) throws {
        self.path = path
        try InputGuard.check(target: path)
        temporaryPath = TemporaryFile.path(beside: path)
        guard let handle = fopen(temporaryPath, "wx") else { throw CSVFile.writeError(path) }
        self.handle = handle
        try write("\u{FEFF}" + CSVWriter.line(header))
    }

    deinit {
        if let handle {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    /// Writes one row, each field escaped (`CSVWriter.escape`).
    ///
    /// ```swift
    /// try csv.append(["辅警经费", "培训人次", "≥500人次"])
    /// ```
    public func append(_ fields: [String]) throws { try write(CSVWriter.line(fields)) }

    /// Flushes the file to disk and renames it into place.
    public func commit() throws {
        guard let handle else { return }
        self.handle = nil
        let ok = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        fclose(handle)
        guard ok, rename(temporaryPath, path) == 0 else {
            let error = CSVFile.writeError(path)
            unlink(temporaryPath)
            throw error
        }
    }

    private func write(_ text: String) throws {
        guard let handle else { return }
        var text = text
        let ok = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, handle) == $0.count }
        if !ok { throw CSVFile.writeError(path) }
    }

    /// The error of the last failed system call, naming the file.
    private static func writeError(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
