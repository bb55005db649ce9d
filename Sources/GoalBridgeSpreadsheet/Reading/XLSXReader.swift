import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads .xlsx workbooks into `Workbook` values.
///
/// ```swift
/// let workbook = try XLSXReader().read(path: "填报表.xlsx")
/// for sheet in workbook.sheets { print(sheet.name, sheet.cells.count, sheet.merges) }
/// ```
public struct XLSXReader: Sendable {
    public var limits: ReadLimits
    /// Whether to read docProps/core.xml (title, subject, author) into `Workbook.properties`.
    /// Off by default: nothing on the import path uses them, and the part cost ≈ 5 % of reading a
    /// goal table. Custom properties (the template id and version) are always read.
    public var readsCoreProperties: Bool

    /// Sheets listed (name, visibility) but whose cells are not read: a caller that ignores some sheets by
    /// name (the importer skips the template's 下拉列表 and 填报说明) does not pay for parsing them.
    public var skippedSheetNames: Set<String> = []

    /// A reader with these limits; core properties (title, author …) are read only when asked, as they cost a part.
    ///
    ///     let workbook = try XLSXReader().read(path: "填报表.xlsx")
    public init(limits: ReadLimits = .standard, readsCoreProperties: Bool = false) {
        self.limits = limits
        self.readsCoreProperties = readsCoreProperties
    }

    /// Reads a file. The file is only read, never modified or locked.
    public func read(path: String) throws -> Workbook {
        try read(bytes: fileContents(path: path), file: path)
    }

    /// Files larger than this are sniffed from their first 4 KiB before they are read whole.
    static let sniffFirstAbove = 1 << 20

    /// A file's bytes, refused before it is read into memory when it exceeds `limits.maxFileBytes`, or when it
    /// is larger than 1 MiB and its first bytes show it is not a workbook (text, a web page, neither zip nor OLE2: `FileSniffer`).
    public func fileContents(path: String) throws -> Data {
        // Plain open/fstat/read: four system calls, where FileManager and FileHandle made nine
        // (collect reads every file this way).
        let location = SpreadsheetLocation(file: path)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw SpreadsheetError(.fileNotFound, location) }
            throw SpreadsheetError(.unreadable(String(cString: strerror(code))), location)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SpreadsheetError(.unreadable(String(cString: strerror(errno))), location) }
        // A folder opens for reading on Linux; it is not a workbook.
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw SpreadsheetError(.fileNotFound, location) }
        let size = Int(info.st_size)
        if size > limits.maxFileBytes {
            throw SpreadsheetError(.limitExceeded(limit: "文件大小 file size", value: size, maximum: limits.maxFileBytes), location)
        }
        if size > XLSXReader.sniffFirstAbove {
            // A large file that is neither a zip nor an OLE2 file (a scan, a video, a CSV export) cannot be a
            // workbook: refuse it from its first bytes, as `read` would, without reading it into memory.
            var head = [UInt8](repeating: 0, count: 4096)
            let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                let kind = head.withUnsafeBytes { FileSniffer.kind(of: UnsafeRawBufferPointer(rebasing: $0[..<n])) }
                // (An OLE2 file is read whole: whether it is an old .xls or an encrypted .xlsx shows in stream names past 4 KiB.)
                if case .ole2 = kind {} else if let refusal = FileSniffer.refusal(of: kind) { throw SpreadsheetError(refusal, location) }
            }
        }
        // Read to the end into one byte more than the size: a file that ends where fstat said fills all but that
        // byte, and a file that grew while it was read shows by filling it (read on, up to the limit).
        var data = Data(count: size + 1)
        var filled = 0
        while true {
            if filled == data.count {
                guard filled <= limits.maxFileBytes else {
                    throw SpreadsheetError(.limitExceeded(limit: "文件大小 file size", value: filled, maximum: limits.maxFileBytes), location)
                }
                data.count = min(data.count * 2, limits.maxFileBytes + 1)
            }
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SpreadsheetError(.unreadable(String(cString: strerror(errno))), location)
            }
            if n == 0 { break }
            filled += n
        }
        data.count = filled
        return data
    }

    /// Reads one sheet row by row: `body` gets each row's cells in column order, and nothing is kept, so a
    /// sheet of a million rows (a consolidated workbook's) is read in the memory of one row. Merged ranges
    /// are not reported.
    ///
    /// ```swift
    /// try XLSXReader().forEachRow(ofSheet: "指标", inFile: "汇总.xlsx") { cells in print(cells.first?.reference.row ?? 0) }
    /// ```
    public func forEachRow(ofSheet name: String, inFile path: String, _ body: ([Cell]) throws -> Void) throws {
        try forEachRow(ofSheet: name, inFile: path, chunk: 1 << 20, body)
    }

    /// As above, inflating `chunk` bytes at a time (tests use tiny chunks to cut the XML anywhere).
    func forEachRow(ofSheet name: String, inFile path: String, chunk: Int, _ body: ([Cell]) throws -> Void) throws {
        try fileContents(path: path).withUnsafeBytes { try forEachRow(ofSheet: name, in: $0, file: path, chunk: chunk, body) }
    }

    /// `forEachRow` over a workbook held in memory; `file` only names it in errors.
    public func forEachRow(ofSheet name: String, in buffer: UnsafeRawBufferPointer, file: String? = nil, chunk: Int = 1 << 20,
                           _ body: ([Cell]) throws -> Void) throws {
        try withPackage(buffer, file) { try $0.forEachRow(ofSheet: name, chunk: chunk, body) }
    }

    /// The names of a workbook's sheets, in order, without reading their cells.
    public func sheetNames(inFile path: String) throws -> [String] {
        try fileContents(path: path).withUnsafeBytes { try sheetNames(in: $0, file: path) }
    }

    /// `sheetNames` of a workbook held in memory.
    public func sheetNames(in buffer: UnsafeRawBufferPointer, file: String? = nil) throws -> [String] {
        try withPackage(buffer, file) { try $0.sheetNames() }
    }

    private func withPackage<R>(_ buffer: UnsafeRawBufferPointer, _ file: String?, _ body: (PackageReader) throws -> R) throws -> R {
        try XLSXReader.requireZip(buffer, file)
        let zip = try ZipArchive(bytes: buffer, limits: limits, file: file)
        return try body(PackageReader(zip: zip, limits: limits, file: file, readsCoreProperties: false, skippedSheetNames: []))
    }

    /// What the file is when it is not a zip, said in words a clerk can act on (a .xls, a CSV, an empty file…).
    private static func requireZip(_ buffer: UnsafeRawBufferPointer, _ file: String?) throws {
        if let refusal = FileSniffer.refusal(of: FileSniffer.kind(of: buffer)) { throw SpreadsheetError(refusal, SpreadsheetLocation(file: file)) }
    }

    /// Reads a workbook held in memory; `file` only names it in errors.
    public func read(bytes: Data, file: String? = nil) throws -> Workbook {
        try bytes.withUnsafeBytes { try read(buffer: $0, file: file) }
    }

    /// Reads a workbook from bytes in memory (a mapped file, a buffer from a zip); `file` names it in errors. The bytes
    /// are only read during the call.
    ///
    ///     let workbook = try data.withUnsafeBytes { try XLSXReader().read(buffer: $0, file: "收件/平阴.xlsx") }
    public func read(buffer: UnsafeRawBufferPointer, file: String? = nil) throws -> Workbook {
        try XLSXReader.requireZip(buffer, file)
        let zip = try ZipArchive(bytes: buffer, limits: limits, file: file)
        return try PackageReader(zip: zip, limits: limits, file: file, readsCoreProperties: readsCoreProperties,
                                 skippedSheetNames: skippedSheetNames).read()
    }
}

/// Walks an OPC package: root relationships → workbook → sheets, styles, shared strings, properties.
private struct PackageReader {
    let zip: ZipArchive
    let limits: ReadLimits
    let file: String?
    let readsCoreProperties: Bool
    let skippedSheetNames: Set<String>
    let xml = XMLParserSession()

    func location(_ part: String, sheet: String? = nil) -> SpreadsheetLocation {
        SpreadsheetLocation(file: file, part: part, sheet: sheet)
    }

    func parse<H: XMLPartHandler>(_ part: String, _ handler: H, sheet: String? = nil) throws -> H? {
        do {
            let found: Void? = try zip.withPart(part) { bytes in
                try xml.parse(bytes, into: handler, location: location(part, sheet: sheet))
            }
            if found == nil { return nil }
        } catch var error as SpreadsheetError {
            error.location.file = file
            error.location.part = error.location.part ?? part
            error.location.sheet = error.location.sheet ?? sheet
            throw error
        }
        return handler
    }

    func relationships(of part: String) throws -> [Relationship] {
        try parse(RelationshipsParser.relsPart(for: part), RelationshipsParser())?.relationships ?? []
    }

    func read() throws -> Workbook {
        if zip.contains("mimetype") || (zip.contains("content.xml") && !zip.contains("[Content_Types].xml")) {
            if let m = try zip.read("mimetype"), String(decoding: m, as: UTF8.self).contains("opendocument") {
                throw SpreadsheetError(.openDocument, SpreadsheetLocation(file: file))
            }
        }
        if zip.contains("EncryptedPackage") { throw SpreadsheetError(.encryptedXLSX, SpreadsheetLocation(file: file)) }

        let (rootRels, workbookPart, workbookInfo, byId, sharedStrings, numberStyles, struck) = try structure()

        var sheets: [Sheet] = []
        sheets.reserveCapacity(workbookInfo.sheets.count)
        // Each part is read once: several sheets naming one part would inflate and parse it once per sheet.
        var partsRead = Set<String>()
        var cellCount = 0
        for entry in workbookInfo.sheets {
            let (part, isWorksheet) = try sheetPart(entry, byId, workbookPart)
            if isWorksheet, !partsRead.insert(part.lowercased()).inserted {
                throw SpreadsheetError(.sharedSheetPart(part), SpreadsheetLocation(file: file, sheet: entry.name))
            }
            if !isWorksheet || skippedSheetNames.contains(entry.name) {
                // Chart sheets and dialog sheets hold no cells; skipped sheets are listed without theirs.
                sheets.append(Sheet(name: entry.name, state: entry.state))
                continue
            }
            let parser = WorksheetParser(sharedStrings: sharedStrings, numberStyles: numberStyles,
                                         uses1904: workbookInfo.uses1904, limits: limits, struck: struck)
            guard let parsed = try parse(part, parser, sheet: entry.name) else {
                throw SpreadsheetError(.missingPart(part), SpreadsheetLocation(file: file, sheet: entry.name))
            }
            var merges = parsed.merges
            if let (a, b) = merges.firstOverlap() {
                // Excel "repairs" such files by dropping merges; we refuse to guess which one the clerk meant.
                throw SpreadsheetError(.overlappingMerges(a.description, b.description),
                                       SpreadsheetLocation(file: file, sheet: entry.name, cell: b.first.description))
            }
            merges = merges.filter { !$0.isSingleCell }
            let cells = parsed.sortedCells()
            cellCount += cells.count
            if cellCount > limits.maxCells {
                throw SpreadsheetError(.limitExceeded(limit: "单元格数 cells", value: cellCount, maximum: limits.maxCells),
                                       SpreadsheetLocation(file: file, sheet: entry.name))
            }
            sheets.append(Sheet(name: entry.name, state: entry.state, cells: cells, merges: merges, notes: parsed.notes,
                                hiddenRows: parsed.hiddenRows, hiddenColumns: parsed.hiddenColumns))
        }

        return Workbook(sheets: sheets, properties: try readProperties(rootRels), uses1904Dates: workbookInfo.uses1904)
    }

    /// The names of the workbook's sheets, in order.
    func sheetNames() throws -> [String] { try structure().workbookInfo.sheets.map(\.name) }

    /// The cells of one sheet, row by row, without holding the sheet (see `XLSXReader.forEachRow`).
    func forEachRow(ofSheet name: String, chunk: Int, _ body: ([Cell]) throws -> Void) throws {
        let (_, workbookPart, workbookInfo, byId, sharedStrings, numberStyles, _) = try structure()
        guard let entry = workbookInfo.sheets.first(where: { $0.name == name }) else {
            throw SpreadsheetError(.missingPart("sheet “\(name)”"), SpreadsheetLocation(file: file, sheet: name))
        }
        let (part, isWorksheet) = try sheetPart(entry, byId, workbookPart)
        guard isWorksheet else { return }
        let parser = WorksheetParser(sharedStrings: sharedStrings, numberStyles: numberStyles, uses1904: workbookInfo.uses1904, limits: limits)
        let location = SpreadsheetLocation(file: file, part: part, sheet: name)
        guard zip.contains(part) else { throw SpreadsheetError(.missingPart(part), location) }
        try withoutActuallyEscaping(body) { body in
            parser.rowSink = body
            defer { parser.rowSink = nil }
            try xml.parseStreaming(into: parser, location: location) { feed in
                _ = try zip.streamPart(part, chunk: chunk) { bytes, last in try feed(bytes, last) }
            }
        }
        if let error = parser.sinkError { throw error }
        // Cells after the last row's end (none in a valid sheet) still reach the caller.
        let rest = parser.sortedCells()
        if !rest.isEmpty { try body(rest) }
    }

    /// The sheet's part, and whether it is a worksheet (chart and dialog sheets hold no cells).
    private func sheetPart(_ entry: WorkbookPartParser.SheetEntry, _ byId: [String: Relationship], _ workbookPart: String) throws -> (String, Bool) {
        guard let rel = byId[entry.relationshipId], !rel.isExternal else {
            throw SpreadsheetError(.missingPart("sheet “\(entry.name)” (\(entry.relationshipId))"), SpreadsheetLocation(file: file, sheet: entry.name))
        }
        return (RelationshipsParser.resolve(rel.target, from: workbookPart), rel.kind == "worksheet")
    }

    /// Root relationships → workbook → its relationships, shared strings and date styles.
    private func structure() throws -> (rootRels: [Relationship], workbookPart: String, workbookInfo: WorkbookPartParser,
                                        byId: [String: Relationship], sharedStrings: [String], numberStyles: [NumberStyle],
                                        struck: StruckText) {
        let rootRels = try parse("_rels/.rels", RelationshipsParser())?.relationships ?? []
        let workbookPart = rootRels.first { $0.kind == "officeDocument" && !$0.isExternal }
            .map { RelationshipsParser.resolve($0.target, from: "") } ?? "xl/workbook.xml"
        guard let workbookInfo = try parse(workbookPart, WorkbookPartParser()) else {
            throw SpreadsheetError(.missingPart(workbookPart), SpreadsheetLocation(file: file))
        }
        if workbookInfo.sheets.count > limits.maxSheets {
            throw SpreadsheetError(.limitExceeded(limit: "工作表数 sheets", value: workbookInfo.sheets.count, maximum: limits.maxSheets),
                                   SpreadsheetLocation(file: file))
        }
        let rels = try relationships(of: workbookPart)
        var byId: [String: Relationship] = [:]
        for r in rels { byId[r.id] = r }

        var sharedStrings: [String] = []
        var struck = StruckText()
        if let r = rels.first(where: { $0.kind == "sharedStrings" }) {
            let part = RelationshipsParser.resolve(r.target, from: workbookPart)
            let parsed = try parse(part, SharedStringsParser(maxStrings: limits.maxSharedStrings))
            sharedStrings = parsed?.strings ?? []
            struck.strings = parsed?.struck ?? []
        }
        var numberStyles: [NumberStyle] = []
        if let r = rels.first(where: { $0.kind == "styles" }) {
            let part = RelationshipsParser.resolve(r.target, from: workbookPart)
            let parsed = try parse(part, StylesParser())
            numberStyles = parsed?.numberStyles() ?? []
            struck.styles = parsed?.struckStyles() ?? []
        }

        return (rootRels, workbookPart, workbookInfo, byId, sharedStrings, numberStyles, struck)
    }

    func readProperties(_ rootRels: [Relationship]) throws -> DocumentProperties {
        var props = DocumentProperties()
        for rel in rootRels where !rel.isExternal {
            let part = RelationshipsParser.resolve(rel.target, from: "")
            switch rel.kind {
            case "core-properties", "metadata/core-properties":
                guard readsCoreProperties else { break }
                if let core = try parse(part, CorePropertiesParser()) {
                    props.title = core.values["title"]
                    props.subject = core.values["subject"]
                    props.author = core.values["creator"]
                }
            case "extended-properties":
                // docProps/app.xml (Company, application) is not read: nothing downstream uses it,
                // and skipping it saves a parser pass per workbook.
                break
            case "custom-properties":
                if let custom = try parse(part, CustomPropertiesParser()) { props.custom = custom.values }
            default: break
            }
        }
        return props
    }
}
