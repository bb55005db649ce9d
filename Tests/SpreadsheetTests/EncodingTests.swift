import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// Parts are read in the encodings the XML standard allows OOXML (UTF-8 with or without a byte-order mark, UTF-16
/// with a mark or a declaration); any other declared encoding is refused with a clear message, never garbled.
struct EncodingTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The one-sheet test workbook with `transform` applied to the bytes of the parts it names.
    private func workbook(_ names: Set<String>, _ transform: ([UInt8]) -> [UInt8]) -> TestPackage {
        var p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>内联</t></is></c></row>"#,
                                     sharedStrings: "<si><t>项目名称</t></si>", styles: #"<cellXfs count="1"><xf numFmtId="0"/></cellXfs>"#)
        p.parts = p.parts.map { names.contains($0.0) ? ($0.0, transform($0.1)) : $0 }
        return p
    }

    static let allParts: Set<String> = ["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                                        "xl/_rels/workbook.xml.rels", "_rels/.rels"]

    @Test(arguments: Array(allParts))
    func aUTF8ByteOrderMarkIsRead(_ part: String) throws {
        let wb = try workbook([part]) { Self.bom + $0 }.read()
        #expect(wb.sheets[0].cells.map(\.value.text) == ["项目名称", "内联"])
    }

    @Test func everyPartWithAByteOrderMarkAtOnce() throws {
        let wb = try workbook(Self.allParts) { Self.bom + $0 }.read()
        #expect(wb.sheets[0].cells.map(\.value.text) == ["项目名称", "内联"])
    }

    static func utf16LE(_ bytes: [UInt8], declare: Bool) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        if declare { text = text.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
                                .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"") }
        return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test(arguments: ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml"])
    func utf16WithAByteOrderMarkIsRead(_ part: String) throws {
        let wb = try workbook([part]) { Self.utf16LE($0, declare: true) }.read()
        #expect(wb.sheets[0].cells.map(\.value.text) == ["项目名称", "内联"])
    }

    @Test(arguments: ["ISO-8859-1", "GBK", "Shift_JIS", "windows-1252"])
    func anotherDeclaredEncodingIsRefused(_ encoding: String) throws {
        let p = workbook(["xl/sharedStrings.xml"]) { bytes in
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>").utf8)
        }
        let e = errorOf { try p.read() }
        #expect(e?.kind == .unsupportedEncoding(encoding))
        #expect(e?.message.contains(encoding) == true)
        #expect(e?.location.part == "xl/sharedStrings.xml")
    }
}
