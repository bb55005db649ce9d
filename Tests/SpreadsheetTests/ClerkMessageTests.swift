import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// Library text never reaches a clerk (issue 14): the XML parser's and the zip library's words are kept in `detail`,
/// the message says in Chinese what to do.
struct ClerkMessageTests {
    /// Words of English a library would say (`Opening and ending tag mismatch`, `Premature end of data`).
    static func hasEnglishWords(_ text: String) -> Bool {
        // Program and format names a clerk knows are not library text.
        var t = text
        for name in ["Excel", "WPS", "xlsx", "XLSX", "OpenDocument", "CSV", "DTD", "XML", "UTF"] { t = t.replacingOccurrences(of: name, with: "") }
        return t.range(of: #"[A-Za-z]{3,}"#, options: .regularExpression) != nil
    }

    @Test func malformedXMLIsSaidInChineseWithTheParserInTheDetail() throws {
        let package = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></roww>"#)
        let error = try #require(errorOf { try package.read() })
        guard case .malformedXML = error.kind else { Issue.record("\(error.kind)"); return }
        #expect(!Self.hasEnglishWords(error.message), "\(error.message)")
        #expect(error.message.contains("重新保存"))
        let detail = try #require(error.detail)
        #expect(Self.hasEnglishWords(detail), "\(detail)")
    }

    @Test func aCorruptZipIsSaidInChinese() throws {
        var bytes = [UInt8](try TestPackage.workbook(sheetData: "").zipped())
        // Damage the central directory's signature: the archive cannot be opened.
        if let i = (0..<(bytes.count - 4)).last(where: { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 5 && bytes[$0 + 3] == 6 }) {
            bytes[i + 2] = 0
        }
        let error = try #require(errorOf { try XLSXReader().read(bytes: Data(bytes)) })
        #expect(!Self.hasEnglishWords(error.message), "\(error.kind): \(error.message)")
    }
}
