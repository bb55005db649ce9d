/// Tells what kind of file a byte buffer holds before anything is unzipped, so that a clerk
/// who sends an .xls, a locked workbook, an .ods, a CSV, or a system's “Excel” export that is a web page or an
/// XML Spreadsheet 2003 gets told exactly that.
enum FileSniffer {
    enum Kind: Equatable {
        case zip
        case ole2(encrypted: Bool)
        case text
        /// A web page (`<html>`, `<table>`): what many web systems export under the name `….xls`.
        case html
        /// Excel's XML Spreadsheet 2003 (`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`).
        case xmlSpreadsheet
        case unknown
        case empty
    }

    /// Why a file of this kind is no workbook, in the clerk's words; nil for a zip (a package to open).
    static func refusal(of kind: Kind) -> SpreadsheetErrorKind? {
        switch kind {
        case .zip: return nil
        case .empty: return .emptyFile
        case .ole2(let encrypted): return encrypted ? .encryptedXLSX : .legacyXLS
        case .text: return .textFile
        case .html: return .htmlFile
        case .xmlSpreadsheet: return .xmlSpreadsheet2003
        case .unknown: return .notZip
        }
    }

    static func kind(of bytes: UnsafeRawBufferPointer) -> Kind {
        if bytes.isEmpty { return .empty }
        let b = bytes.bindMemory(to: UInt8.self)
        if b.count >= 4, b[0] == 0x50, b[1] == 0x4B, (b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8) {
            return .zip
        }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        if b.count >= 8, (0..<8).allSatisfy({ b[$0] == ole[$0] }) {
            // An encrypted OOXML package is an OLE2 file with these streams (names are UTF-16LE).
            return .ole2(encrypted: contains(b, utf16le: "EncryptedPackage") || contains(b, utf16le: "EncryptionInfo"))
        }
        if looksLikeText(b) {
            // Judged by the first kilobytes, lower-cased (ASCII only: the markers are ASCII).
            let head = String(decoding: UnsafeBufferPointer(rebasing: b[..<min(b.count, 4096)]).map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 },
                              as: UTF8.self)
            if head.contains("urn:schemas-microsoft-com:office:spreadsheet") || head.contains("progid=\"excel.sheet\"") { return .xmlSpreadsheet }
            if head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") { return .html }
            return .text
        }
        return .unknown
    }

    private static func contains(_ b: UnsafeBufferPointer<UInt8>, utf16le text: String) -> Bool {
        let needle = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard b.count >= needle.count else { return false }
        var i = 0
        let limit = b.count - needle.count
        while i <= limit {
            if b[i] == needle[0] {
                var j = 1
                while j < needle.count && b[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// True when the first kilobytes decode as UTF-8 (or GBK-ish high bytes) without control bytes.
    private static func looksLikeText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(b.count, 4096)
        for i in 0..<n {
            let c = b[i]
            if c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B) { return false }
        }
        return true
    }
}
