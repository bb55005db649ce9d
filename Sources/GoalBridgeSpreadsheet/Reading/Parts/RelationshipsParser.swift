/// One relationship of an OPC package (`_rels/*.rels`).
struct Relationship {
    var id: String
    var type: String
    var target: String
    var isExternal: Bool
    /// The last path segment of the type, the same in transitional and strict OOXML
    /// (`…/officeDocument/2006/relationships/worksheet` and `http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet`).
    var kind: Substring

    init(id: String, type: String, target: String, isExternal: Bool) {
        self.id = id
        self.type = type
        self.target = target
        self.isExternal = isExternal
        if let slash = type.lastIndex(of: "/") { kind = type[type.index(after: slash)...] } else { kind = type[...] }
    }
}

final class RelationshipsParser: XMLPartHandler {
    var relationships: [Relationship] = []

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship") else { return }
        relationships.append(Relationship(
            id: attributes.string("Id") ?? "",
            type: attributes.string("Type") ?? "",
            target: attributes.string("Target") ?? "",
            isExternal: attributes.string("TargetMode") == "External"))
    }

    /// Resolves a relationship target against the folder of the part that owns the .rels file.
    /// Absolute targets (`/xl/worksheets/sheet1.xml`, written by openpyxl) start at the package root.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        // The common case, a plain relative name without `.` or `..` segments, needs no splitting.
        // (Scanned as bytes: Foundation's `String.contains(_:)` cost ≈ 3 % of a whole workbook read.)
        if target.utf8.first != UInt8(ascii: "/") && !RelationshipsParser.hasDotSegment(target) {
            guard let slash = sourcePart.lastIndex(of: "/") else { return target }
            return String(sourcePart[...slash]) + target
        }
        var segments: [Substring]
        if target.hasPrefix("/") {
            segments = []
        } else {
            segments = sourcePart.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }
        }
        for piece in target.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(piece)
        }
        return segments.joined(separator: "/")
    }

    /// True when `path` contains "./" (a `.` or `..` segment).
    private static func hasDotSegment(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }

    /// The .rels part that belongs to `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relsPart(for part: String) -> String {
        var segments = part.split(separator: "/").map(String.init)
        let file = segments.popLast() ?? ""
        return (segments + ["_rels", file + ".rels"]).joined(separator: "/")
    }
}
