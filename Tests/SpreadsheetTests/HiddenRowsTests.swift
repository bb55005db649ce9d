import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// The reader keeps what a file hides: rows that hold cells (`<row hidden="1">`, LibreOffice's `hidden="true"`) and
/// column ranges (`<col hidden="1">`), so import can say that a table's cells are out of sight. Bounded by the sheet:
/// a hidden row without cells is not kept, column ranges come sorted and joined.
struct HiddenRowsTests {
    @Test func hiddenRowsWithCellsAreKept() throws {
        let data = #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row>"#
            + #"<row r="3" hidden="true" customHeight="true"><c r="B3" t="inlineStr"><is><t>旧指标</t></is></c></row>"#
            + #"<row r="4" hidden="false"><c r="A4"><v>4</v></c></row><row r="5" hidden="0"><c r="A5"><v>5</v></c></row>"#
            + #"<row r="6" hidden="1"/><row r="7" hidden="1" ht="0"></row>"#
        let sheet = try TestPackage.workbook(sheetData: data).read().sheets[0]
        #expect(sheet.hiddenRows == [1, 2])
        #expect(sheet.cells.count == 5)   // hidden cells are read like any other
    }

    @Test func hiddenColumnRangesAreSortedAndJoined() throws {
        let cols = #"<cols><col min="3" max="5" width="0" hidden="1"/><col min="1" max="2" hidden="true"/>"#
            + #"<col min="7" max="7" hidden="0"/><col min="10" max="16384" hidden="1"/><col min="12" max="20" hidden="1"/></cols>"#
        let p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        var parts = p
        parts.parts = p.parts.map { name, bytes in
            guard name == "xl/worksheets/sheet1.xml" else { return (name, bytes) }
            return (name, Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "<sheetData>", with: cols + "<sheetData>").utf8))
        }
        let sheet = try parts.read().sheets[0]
        #expect(sheet.hiddenColumns == [0...4, 9...16383])
        #expect(sheet.hiddenRows.isEmpty)
    }

    /// Twenty thousand `<col>` elements hiding every other column: at most one range per hidden column, never more.
    @Test func manyColumnElementsStayBounded() throws {
        var cols = "<cols>"
        for k in stride(from: 1, through: 16_384, by: 2) { cols += #"<col min="\#(k)" max="\#(k)" hidden="1"/>"# }
        for _ in 0..<4_000 { cols += #"<col min="1" max="1" hidden="1"/>"# }
        cols += "</cols>"
        var p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        p.parts = p.parts.map { name, bytes in
            guard name == "xl/worksheets/sheet1.xml" else { return (name, bytes) }
            return (name, Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "<sheetData>", with: cols + "<sheetData>").utf8))
        }
        let sheet = try p.read().sheets[0]
        #expect(sheet.hiddenColumns.count == 8_192)
        #expect(sheet.hiddenColumns.first == 0...0 && sheet.hiddenColumns.last == 16_382...16_382)
    }
}
