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

    public init(path: String, header: [String]) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard let handle = fopen(temporaryPath, "wx") else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        self.handle = handle
        try write("\u{FEFF}" + CSVWriter.line(header))
    }

    deinit {
        if let handle {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    public func append(_ fields: [String]) throws { try write(CSVWriter.line(fields)) }

    /// Flushes the file to disk and renames it into place.
    public func commit() throws {
        guard let handle else { return }
        self.handle = nil
        let ok = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        fclose(handle)
        guard ok, rename(temporaryPath, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: message])
        }
    }

    private func write(_ text: String) throws {
        guard let handle else { return }
        var text = text
        let ok = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, handle) == $0.count }
        if !ok { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
    }
}
