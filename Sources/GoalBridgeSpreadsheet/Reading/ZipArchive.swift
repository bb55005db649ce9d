import CZip
import Foundation

/// A read-only zip archive over a byte buffer, with bounded inflation.
///
/// libzip is asked only for the directory and for streams; every size limit is enforced
/// on bytes actually inflated, never on what the directory claims.
final class ZipArchive {
    struct Entry {
        var index: UInt64
        var name: String
        var compressedSize: UInt64
        /// What the directory claims; only used as a first buffer size.
        var uncompressedSize: UInt64
    }

    private let archive: OpaquePointer
    /// The buffer libzip reads from; it must outlive the archive.
    private let storage: UnsafeMutableRawBufferPointer
    private var entriesByLowercasedName: [String: Entry] = [:]
    private let limits: ReadLimits
    private var totalInflated = 0
    let file: String?

    init(bytes: UnsafeRawBufferPointer, limits: ReadLimits, file: String?) throws {
        self.limits = limits
        self.file = file
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        storage.copyMemory(from: bytes)
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(storage.baseAddress, UInt64(bytes.count), 0, &error) else {
            storage.deallocate()
            throw SpreadsheetError(.corruptZip("zip_source_buffer_create"), SpreadsheetLocation(file: file))
        }
        guard let za = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            storage.deallocate()
            let code = zip_error_code_zip(&error)
            switch code {
            case ZIP_ER_NOZIP, ZIP_ER_INCONS, ZIP_ER_EOF, ZIP_ER_SEEK, ZIP_ER_READ:
                throw SpreadsheetError(.truncatedZip, SpreadsheetLocation(file: file))
            default:
                throw SpreadsheetError(.corruptZip(String(cString: zip_error_strerror(&error))), SpreadsheetLocation(file: file))
            }
        }
        archive = za
        // Fully initialised from here: if this throws, deinit releases the archive and the buffer.
        try buildIndex()
    }

    deinit {
        zip_discard(archive)
        storage.deallocate()
        free(scratch)
    }

    private func buildIndex() throws {
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0 else { throw SpreadsheetError(.corruptZip("entries"), SpreadsheetLocation(file: file)) }
        if count > limits.maxEntries {
            throw SpreadsheetError(.limitExceeded(limit: "压缩包条目数 zip entries", value: Int(count), maximum: limits.maxEntries),
                                   SpreadsheetLocation(file: file))
        }
        entriesByLowercasedName.reserveCapacity(Int(count))
        for i in 0..<UInt64(count) {
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(archive, i, 0, &st) == 0, let cname = st.name else { continue }
            let name = String(cString: cname)
            let key = ZipArchive.normalise(name)
            if entriesByLowercasedName[key] != nil {
                // OPC part names are case-insensitive: two entries naming one part make the file ambiguous.
                throw SpreadsheetError(.duplicatePart(name), SpreadsheetLocation(file: file))
            }
            entriesByLowercasedName[key] = Entry(index: i, name: name, compressedSize: st.comp_size, uncompressedSize: st.size)
        }
    }

    /// Part names are case-insensitive and may be written with a leading slash.
    static func normalise(_ name: String) -> String {
        var n = name.lowercased()
        while n.hasPrefix("/") { n.removeFirst() }
        return n
    }

    func contains(_ name: String) -> Bool { entriesByLowercasedName[ZipArchive.normalise(name)] != nil }

    var entryNames: [String] { entriesByLowercasedName.values.map(\.name) }

    /// Inflates one part, counting bytes as they arrive.
    func read(_ name: String) throws -> [UInt8]? {
        try withPart(name) { Array($0) }
    }

    /// Scratch space the parts are inflated into, reused from part to part: one allocation per
    /// workbook instead of two per part.
    private var scratch: UnsafeMutableRawPointer?
    private var scratchCapacity = 0

    /// Inflates one part into reused scratch space and hands its bytes to `body`; the bytes are
    /// valid only inside `body`. Nil when the part does not exist.
    func withPart<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        guard let entry = entriesByLowercasedName[ZipArchive.normalise(name)] else { return nil }
        let where_ = SpreadsheetLocation(file: file, part: entry.name)
        let zf = try open(entry, where_)
        defer { zip_fclose(zf) }
        // Start from the directory's size claim (capped) and grow as bytes really arrive; nothing is zero-filled.
        // One byte more than the claim, so that the final zero-length read (where libzip checks the CRC)
        // does not force a doubling.
        let wanted = max(min(Int(clamping: entry.uncompressedSize), 64 << 20) + 1, 4096)
        if scratchCapacity < wanted { try grow(to: wanted, where_) }
        var count = 0
        while true {
            if count == scratchCapacity { try grow(to: scratchCapacity * 2, where_) }
            let n = zip_fread(zf, scratch! + count, UInt64(scratchCapacity - count))
            if n < 0 {
                let message = String(cString: zip_file_strerror(zf))
                throw SpreadsheetError(.corruptZip(message), where_)
            }
            if n == 0 { break } // the final zero-length read is where libzip checks the CRC
            count += Int(n)
            totalInflated += Int(n)
            if count > limits.maxPartBytes {
                throw SpreadsheetError(.limitExceeded(limit: "单个部件解压后字节数 inflated part bytes", value: count, maximum: limits.maxPartBytes), where_)
            }
            if totalInflated > limits.maxTotalBytes {
                throw SpreadsheetError(.limitExceeded(limit: "解压后总字节数 total inflated bytes", value: totalInflated, maximum: limits.maxTotalBytes), where_)
            }
            try checkRatio(count, entry, where_)
        }
        return try body(UnsafeBufferPointer(start: scratch!.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Inflates one part a chunk at a time into a fixed buffer and hands each chunk to `body`, with whether it is
    /// the last: for parts too large to hold (a consolidated workbook's sheet of a million rows). The compression
    /// ratio is checked as for `withPart`; the size is bounded by `maxStreamedBytes` instead of `maxPartBytes`.
    /// False when the part does not exist.
    func streamPart(_ name: String, chunk: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws -> Bool {
        guard let entry = entriesByLowercasedName[ZipArchive.normalise(name)] else { return false }
        let where_ = SpreadsheetLocation(file: file, part: entry.name)
        let zf = try open(entry, where_)
        defer { zip_fclose(zf) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        var count = 0, filled = 0
        while true {
            let n = zip_fread(zf, buffer + filled, UInt64(chunk - filled))
            if n < 0 { throw SpreadsheetError(.corruptZip(String(cString: zip_file_strerror(zf))), where_) }
            filled += Int(n)
            count += Int(n)
            if count > limits.maxStreamedBytes {
                throw SpreadsheetError(.limitExceeded(limit: "解压后字节数 inflated bytes", value: count, maximum: limits.maxStreamedBytes), where_)
            }
            try checkRatio(count, entry, where_)
            // The final zero-length read is where libzip checks the CRC.
            if n == 0 || filled == chunk {
                try body(UnsafeBufferPointer(start: buffer, count: filled), n == 0)
                filled = 0
                if n == 0 { return true }
            }
        }
    }

    /// Opens an entry for inflating; an encrypted entry is named as such.
    private func open(_ entry: Entry, _ where_: SpreadsheetLocation) throws -> OpaquePointer {
        guard let zf = zip_fopen_index(archive, entry.index, 0) else {
            if let e = zip_get_error(archive), zip_error_code_zip(e) == ZIP_ER_ENCRNOTSUPP || zip_error_code_zip(e) == ZIP_ER_NOPASSWD {
                throw SpreadsheetError(.encryptedXLSX, where_)
            }
            throw SpreadsheetError(.corruptZip("cannot open \(entry.name)"), where_)
        }
        return zf
    }

    /// Inflated ÷ compressed bytes so far, checked once past `compressionCheckThreshold` (a zip bomb).
    private func checkRatio(_ count: Int, _ entry: Entry, _ where_: SpreadsheetLocation) throws {
        guard count > limits.compressionCheckThreshold else { return }
        let ratio = count / max(Int(clamping: entry.compressedSize), 1)
        if ratio > limits.maxCompressionRatio {
            throw SpreadsheetError(.suspiciousCompression(ratio: ratio, maximum: limits.maxCompressionRatio), where_)
        }
    }

    private func grow(to capacity: Int, _ where_: SpreadsheetLocation) throws {
        guard let grown = realloc(scratch, capacity) else {
            throw SpreadsheetError(.limitExceeded(limit: "内存 memory", value: capacity, maximum: 0), where_)
        }
        scratch = grown
        scratchCapacity = capacity
    }
}
