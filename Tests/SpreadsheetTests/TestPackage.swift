import CZip
import Foundation
@testable import GoalBridgeSpreadsheet
import TestScratch

/// Builds small .xlsx packages in a test, part by part, so each hazard is one readable case.
struct TestPackage {
    var parts: [(String, [UInt8])] = []

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>
    """
    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
    """

    /// A one-sheet workbook around `sheetData` (the inside of `<sheetData>`), with optional shared strings,
    /// styles and merges.
    static func workbook(sheetData: String, sharedStrings: String? = nil, styles: String? = nil,
                         extraSheetXML: String = "", workbookPr: String = "") -> TestPackage {
        var p = TestPackage()
        p.add("[Content_Types].xml", contentTypes)
        p.add("_rels/.rels", rootRels)
        p.add("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\(workbookPr)<sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>
        """)
        var rels = #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
        if let sharedStrings {
            rels += #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
            p.add("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + sharedStrings + "</sst>")
        }
        if let styles {
            rels += #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            p.add("xl/styles.xml", #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + styles + "</styleSheet>")
        }
        p.add("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + rels + "</Relationships>")
        p.add("xl/worksheets/sheet1.xml", #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + sheetData + "</sheetData>" + extraSheetXML + "</worksheet>")
        return p
    }

    mutating func add(_ name: String, _ text: String) { parts.append((name, Array(text.utf8))) }
    mutating func add(_ name: String, bytes: [UInt8]) { parts.append((name, bytes)) }

    /// Zips the parts with libzip (deflate) and returns the bytes.
    func zipped() throws -> Data {
        let path = newScratchPath("gb", suffix: ".zip")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var err: Int32 = 0
        guard let za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err) else { throw CocoaError(.fileWriteUnknown) }
        var buffers: [UnsafeMutableRawPointer] = []
        for (name, bytes) in parts {
            let buf = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
            bytes.withUnsafeBytes { buf.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            buffers.append(buf)
            let src = zip_source_buffer(za, buf, UInt64(bytes.count), 0)!
            let idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)
            precondition(idx >= 0, "zip_file_add \(name)")
            zip_set_file_compression(za, UInt64(idx), ZIP_CM_DEFLATE, 9)
        }
        precondition(zip_close(za) == 0)
        buffers.forEach { $0.deallocate() }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func read(limits: ReadLimits = .standard) throws -> Workbook {
        try XLSXReader(limits: limits).read(bytes: try zipped(), file: "test.xlsx")
    }
}

func fixturePath(_ name: String) -> String {
    Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures")!
}

func expectKind(_ kind: SpreadsheetErrorKind, _ body: () throws -> Any) -> Bool {
    do {
        _ = try body()
        return false
    } catch let e as SpreadsheetError {
        return e.kind == kind
    } catch {
        return false
    }
}

func errorOf(_ body: () throws -> Any) -> SpreadsheetError? {
    do { _ = try body(); return nil } catch let e as SpreadsheetError { return e } catch { return nil }
}
