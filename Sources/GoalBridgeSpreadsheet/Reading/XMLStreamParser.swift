import CLibXML2
import Foundation

/// An element's local name as libxml2 hands it over: a NUL-terminated UTF-8 pointer, valid for one callback.
struct XMLName {
    let pointer: UnsafePointer<UInt8>
    /// The element's namespace URI (NUL-terminated), nil when it has none. libxml2 hands the same interned
    /// pointer for every element of one namespace declaration.
    var uri: UnsafePointer<UInt8>? = nil

    @inline(__always)
    func `is`(_ name: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    var string: String { String(cString: pointer) }
}

/// The attributes of one start tag (libxml2's SAX2 layout: five pointers per attribute).
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The raw bytes of the attribute whose local name is `name` (and, when given, whose namespace is non-empty).
    @inline(__always)
    func bytes(_ name: StaticString, namespaced: Bool = false) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for i in 0..<count {
            let p = base + i * 5
            guard let local = p[0] else { continue }
            if strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 {
                if namespaced && p[2] == nil { continue }
                guard let begin = p[3], let end = p[4] else { return nil }
                return UnsafeBufferPointer(start: begin, count: end - begin)
            }
        }
        return nil
    }

    func string(_ name: StaticString, namespaced: Bool = false) -> String? {
        bytes(name, namespaced: namespaced).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Receives the events of one XML part. Subclasses override what they need; they record
/// the first problem in `failure`, which stops the parse.
class XMLPartHandler {
    var failure: SpreadsheetError?
    fileprivate var context: xmlParserCtxtPtr?

    func start(_ name: XMLName, _ attributes: XMLAttributes) {}
    func end(_ name: XMLName) {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Set when the handler has all it needs and stopped the parser on purpose.
    var finishedEarly = false

    /// Stops the parser without an error: the rest of the part is not needed.
    final func finishEarly() {
        finishedEarly = true
        if let context { xmlStopParser(context) }
    }

    /// Records a problem and stops the parser.
    final func fail(_ error: SpreadsheetError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }
}

/// Runs libxml2's SAX2 push parser over a buffer.
///
/// Safety: `XML_PARSE_NONET`, no entity substitution, no DTD loading; a DOCTYPE or any
/// entity reference other than the five predefined ones is an error (OPC forbids DTDs).
enum XMLStreamParser {
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    static let initialise: Void = { xmlInitParser() }()

    private static func handlerTemplate() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            // The session keeps the handler alive for the whole parse: borrow it without retain/release
            // (that pair was ≈ 10 % of a read, three callbacks per cell).
            Unmanaged<XMLPartHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.start(XMLName(pointer: localname, uri: uri), XMLAttributes(base: attributes, count: Int(nbAttributes)))
            }
        }
        sax.endElementNs = { ctx, localname, _, uri in
            guard let ctx, let localname else { return }
            Unmanaged<XMLPartHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.end(XMLName(pointer: localname, uri: uri)) }
        }
        sax.characters = { ctx, chars, len in
            guard let ctx, let chars, len > 0 else { return }
            Unmanaged<XMLPartHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.characters(UnsafeBufferPointer(start: chars, count: Int(len)))
            }
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let h = Unmanaged<XMLPartHandler>.fromOpaque(ctx).takeUnretainedValue()
            h.fail(SpreadsheetError(.forbiddenDTD))
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLPartHandler>.fromOpaque(ctx).takeUnretainedValue().fail(SpreadsheetError(.forbiddenDTD))
        }
        sax.reference = { ctx, name in
            guard let ctx else { return }
            let n = name.map { String(cString: $0) } ?? ""
            Unmanaged<XMLPartHandler>.fromOpaque(ctx).takeUnretainedValue().fail(SpreadsheetError(.forbiddenEntity(n)))
        }
        return sax
    }

    // Read-only after initialisation; each parse copies it.
    nonisolated(unsafe) static let template = handlerTemplate()
}

/// One libxml2 push-parser context reused for every part of a workbook: creating a context
/// (and its name dictionary) per part cost more than parsing a small part.
final class XMLParserSession {
    private var context: xmlParserCtxtPtr?

    init() {}

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses `bytes` into `handler`; throws the handler's failure or libxml2's well-formedness error.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, into handler: XMLPartHandler, location: SpreadsheetLocation) throws {
        try PartEncoding.check(bytes, location)
        // The first bytes go in with the (re)start: libxml2 detects a byte-order mark or UTF-16 only there.
        let head = UnsafeBufferPointer(rebasing: bytes[..<min(4, bytes.count)])
        let rest = UnsafeBufferPointer(rebasing: bytes[head.count...])
        let ctxt: xmlParserCtxtPtr
        if let existing = context {
            head.withMemoryRebound(to: CChar.self) { _ = xmlCtxtResetPush(existing, $0.baseAddress, Int32($0.count), nil, nil) }
            existing.pointee.userData = Unmanaged.passUnretained(handler).toOpaque()
            ctxt = existing
        } else {
            let created = try XMLParserSession.newContext(handler, location, head: head)
            context = created
            ctxt = created
        }
        defer { handler.context = nil }
        xmlCtxtUseOptions(ctxt, XMLStreamParser.options)
        handler.context = ctxt
        let rc = withExtendedLifetime(handler) { XMLParserSession.feed(ctxt, rest, last: true, handler) }
        if handler.finishedEarly && handler.failure == nil {
            // A stopped context cannot be reset reliably: start afresh next time.
            context = nil
            xmlFreeParserCtxt(ctxt)
            return
        }
        if handler.failure != nil || rc != 0 || ctxt.pointee.wellFormed == 0 {
            // A stopped or failed context is not reused.
            context = nil
            defer { xmlFreeParserCtxt(ctxt) }
            try throwFailure(handler, ctxt, rc, location)
        }
    }

    /// Parses a part that arrives in chunks (`produce` calls `feed` with each chunk and whether it is the last)
    /// with a context of its own. Throws as `parse` does. Once the handler has stopped the parser, `feed` throws
    /// to end `produce` early (nothing more is inflated); that stop is not an error.
    func parseStreaming(into handler: XMLPartHandler, location: SpreadsheetLocation,
                        _ produce: (_ feed: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws -> Void) throws {
        // The context is made with the first chunk (its first bytes tell the encoding).
        var context: xmlParserCtxtPtr?
        defer { if let context { xmlFreeParserCtxt(context) }; handler.context = nil }
        struct Stopped: Error {}
        var rc: Int32 = 0
        try withExtendedLifetime(handler) {
            do {
                try produce { bytes, last in
                    var bytes = bytes
                    let ctxt: xmlParserCtxtPtr
                    if let existing = context { ctxt = existing } else {
                        try PartEncoding.check(bytes, location)
                        let head = UnsafeBufferPointer(rebasing: bytes[..<min(4, bytes.count)])
                        ctxt = try XMLParserSession.newContext(handler, location, head: head)
                        xmlCtxtUseOptions(ctxt, XMLStreamParser.options)
                        handler.context = ctxt
                        context = ctxt
                        bytes = UnsafeBufferPointer(rebasing: bytes[head.count...])
                    }
                    // An empty last chunk still has to end the document.
                    rc = XMLParserSession.feed(ctxt, bytes.isEmpty ? UnsafeBufferPointer(start: nil, count: 0) : bytes, last: last, handler)
                    if rc != 0 || handler.failure != nil || handler.finishedEarly { throw Stopped() }
                }
            } catch is Stopped {}
        }
        if handler.finishedEarly && handler.failure == nil { return }
        guard let ctxt = context else { throw SpreadsheetError(.malformedXML("Document is empty", line: 0), location) }
        if handler.failure != nil || rc != 0 || ctxt.pointee.wellFormed == 0 { try throwFailure(handler, ctxt, rc, location) }
    }

    private static func newContext(_ handler: XMLPartHandler, _ location: SpreadsheetLocation,
                                   head: UnsafeBufferPointer<UInt8>) throws -> xmlParserCtxtPtr {
        _ = XMLStreamParser.initialise
        var sax = XMLStreamParser.template
        let created = head.withMemoryRebound(to: CChar.self) {
            xmlCreatePushParserCtxt(&sax, Unmanaged.passUnretained(handler).toOpaque(), $0.baseAddress, Int32($0.count), nil)
        }
        guard let created else { throw SpreadsheetError(.malformedXML("parser", line: 0), location) }
        return created
    }

    /// Feeds `bytes` in pieces of at most 256 KB — one huge chunk trips libxml2's lookahead limit ("Huge input
    /// lookup") without XML_PARSE_HUGE, which we never set — until the handler fails or stops the parser.
    /// `last` marks the end of the document. libxml2's return code.
    private static func feed(_ ctxt: xmlParserCtxtPtr, _ bytes: UnsafeBufferPointer<UInt8>, last: Bool, _ handler: XMLPartHandler) -> Int32 {
        bytes.withMemoryRebound(to: CChar.self) { chars -> Int32 in
            guard let base = chars.baseAddress else { return xmlParseChunk(ctxt, nil, 0, last ? 1 : 0) }
            var offset = 0
            while offset < chars.count {
                let n = min(256 << 10, chars.count - offset)
                let end: Int32 = last && offset + n == chars.count ? 1 : 0
                let rc = xmlParseChunk(ctxt, base + offset, Int32(n), end)
                if rc != 0 || handler.failure != nil || handler.finishedEarly { return rc }
                offset += n
            }
            return 0
        }
    }

    private func throwFailure(_ handler: XMLPartHandler, _ ctxt: xmlParserCtxtPtr, _ rc: Int32, _ location: SpreadsheetLocation) throws {
        if var failure = handler.failure {
            if failure.location.part == nil {
                let file = failure.location.file ?? location.file
                failure.location = SpreadsheetLocation(file: file, part: location.part, sheet: location.sheet ?? failure.location.sheet, cell: failure.location.cell)
            }
            throw failure
        }
        if rc != 0 || ctxt.pointee.wellFormed == 0 {
            var message = "not well-formed"
            var line = 0
            if let err = xmlCtxtGetLastError(ctxt) {
                if let m = err.pointee.message {
                    message = String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                line = Int(err.pointee.line)
                // An undeclared entity is libxml2's error 26 (XML_ERR_UNDECLARED_ENTITY) or 27.
                if err.pointee.code == 26 || err.pointee.code == 27 {
                    throw SpreadsheetError(.forbiddenEntity(message), location)
                }
            }
            throw SpreadsheetError(.malformedXML(message, line: line), location)
        }
    }
}


/// What a part's first bytes say of its encoding. The XML standard lets OOXML parts be UTF-8 (with or without a
/// byte-order mark) or UTF-16 (with a mark or a declaration); a part declaring anything else would be decoded by
/// libxml2 into text no spreadsheet program shows, so it is refused with a message, never read garbled.
enum PartEncoding {
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ location: SpreadsheetLocation) throws {
        // The usual part (`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`) is checked on its bytes
        // in place, with no copy: this runs for every part of every workbook.
        if bytes.count >= 5, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "?") {
            guard let value = declaredEncoding(in: bytes, from: 0, step: 1) else { return }
            try accept(value, location)
            return
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            guard let value = declaredEncoding(in: bytes, from: 3, step: 1) else { return }
            try accept(value, location)
        } else if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            // UTF-16 with a mark: the declaration's characters are the low bytes.
            guard let value = declaredEncoding(in: bytes, from: bytes[0] == 0xFF ? 2 : 3, step: 2) else { return }
            try accept(value, location)
        } else if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
            // UTF-16 without a mark: `<` then 0, or 0 then `<`.
            guard let value = declaredEncoding(in: bytes, from: bytes[0] == 0 ? 1 : 0, step: 2) else { return }
            try accept(value, location)
        }
    }

    static let declarationStart: [UInt8] = Array("<?xml".utf8)
    static let encodingKey: [UInt8] = Array("encoding".utf8)
    private static let utf8Name: [UInt8] = Array("utf-8".utf8)

    private static func accept(_ value: [UInt8], _ location: SpreadsheetLocation) throws {
        // The usual `UTF-8`, compared in place.
        if value.count == 5, zip(value, utf8Name).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) { return }
        let name = String(decoding: value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        guard ["utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf16"].contains(name) else {
            throw SpreadsheetError(.unsupportedEncoding(String(decoding: value.prefix(40), as: UTF8.self)), location)
        }
    }

    /// The value of `encoding` in the XML declaration that starts at `from` (characters `step` bytes apart, so
    /// UTF-16's low bytes can be read as ASCII), looked for in the first 256 characters; nil when there is none.
    /// Read in place: no copy of the part's head (this runs for every part of every workbook).
    static func declaredEncoding(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, step: Int) -> [UInt8]? {
        let limit = min(bytes.count, start + 256 * step)
        @inline(__always) func char(_ k: Int) -> UInt8? { let p = start + k * step; return p < limit ? bytes[p] : nil }
        let open = PartEncoding.declarationStart
        for (k, c) in open.enumerated() where char(k) != c { return nil }
        // The declaration ends at its `>`.
        var end = open.count
        while let c = char(end), c != UInt8(ascii: ">") { end += 1 }
        guard char(end) != nil else { return nil }
        let key = PartEncoding.encodingKey
        var k = open.count
        search: while k + key.count <= end {
            for (j, c) in key.enumerated() where char(k + j) != c { k += 1; continue search }
            break
        }
        guard k + key.count <= end else { return nil }
        var j = k + key.count
        func skipSpace() { while let c = char(j), c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { j += 1 } }
        skipSpace()
        guard char(j) == UInt8(ascii: "=") else { return nil }
        j += 1
        skipSpace()
        guard let quote = char(j), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        j += 1
        var value: [UInt8] = []
        while let c = char(j), c != quote, j < end { value.append(c); j += 1 }
        return value
    }
}
