import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// A clerk who types `95%` into Excel stores the number 0.95 with a percent format: read as it is shown (issue 12 —
/// it was read as `0.95`, and `100%`, the commonest target of all, as `1`).
struct PercentCellTests {
    @Test(arguments: [
        (9, nil as String?, NumberStyle.percent(decimals: 0)),
        (10, nil, .percent(decimals: 2)),
        (164, "0.0%", .percent(decimals: 1)),
        (165, "#,##0.00\\%", .literal(prefix: "", suffix: "%", decimals: 2)),   // escaped: words, not a percentage
        (166, "\"%\"0", .literal(prefix: "%", suffix: "", decimals: 0)),   // quoted: words, not a percentage
        (167, "0%;[Red]-0%", .percent(decimals: 0)),
        (14, nil, .date(DatePattern.builtIn(14))),
        (0, nil, .plain),
        (4, nil, .plain),
    ])
    func formats(_ id: Int, _ code: String?, _ expected: NumberStyle) {
        #expect(NumberFormat.style(id: id, code: code) == expected)
    }

    @Test(arguments: [
        (1.0, 0, "100%"), (0.95, 0, "95%"), (0.925, 1, "92.5%"), (0.04, 1, "4.0%"), (0.07, 0, "7%"),
        (0.955, 1, "95.5%"), (0.9555, 1, "95.6%"), (1.5, 2, "150.00%"), (0, 0, "0%"),
    ])
    func shownAsExcelShowsIt(_ value: Double, _ decimals: Int, _ text: String) {
        #expect(CellValue.format(percent: value, decimals: decimals) == text)
    }

    @Test func aPercentCellIsReadAsShown() throws {
        let styles = #"<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs>"#
        let package = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>0.925</v></c><c r="C1"><v>0.5</v></c></row>"#,
                                           styles: styles)
        let cells = try package.read().sheets[0].cells
        #expect(cells.map(\.value.text) == ["100%", "92.5%", "0.5"])
        #expect(cells[0].value == .percent(1, decimals: 0))
    }
}

/// A number whose format carries words (`0"人"`, `0.00"万元"`) is read with them, as the clerk sees it; it was read as
/// the bare number, and review then said the unit was missing.
struct LiteralFormatTests {
    @Test(arguments: [
        ("0\"人\"", NumberStyle.literal(prefix: "", suffix: "人", decimals: 0)),
        ("#,##0.00\"万元\"", .literal(prefix: "", suffix: "万元", decimals: 2)),
        ("\"约\"0", .literal(prefix: "约", suffix: "", decimals: 0)),
        // The 货币 format as Excel writes it and as LibreOffice re-saves it (each character escaped).
        ("\"¥\"#,##0.00", .literal(prefix: "¥", suffix: "", decimals: 2)),
        ("\\¥#,##0.00", .literal(prefix: "¥", suffix: "", decimals: 2)),
        ("0\\人\\次", .literal(prefix: "", suffix: "人次", decimals: 0)),
        // A target typed with its comparator kept in the format (issue 12: read as `95%`, the ≥ lost silently).
        ("\"≥\"0%", .literal(prefix: "≥", suffix: "", decimals: 0, percent: true)),
        ("\\≥0.0%", .literal(prefix: "≥", suffix: "", decimals: 1, percent: true)),
        ("0%\"以上\"", .literal(prefix: "", suffix: "以上", decimals: 0, percent: true)),
        ("\\", .plain),
        ("0.00", .plain),
        ("\"合计\"", .plain),
        ("0\"人\";-0\"人\"", .plain),      // two sections: left as the number
    ])
    func formats(_ code: String, _ expected: NumberStyle) {
        #expect(NumberFormat.style(id: 164, code: code) == expected)
    }

    @Test func aNumberWithWordsInItsFormat() throws {
        let styles = #"<numFmts count="2"><numFmt numFmtId="164" formatCode="0&quot;人&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>"#
        let package = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" s="1"><v>342</v></c><c r="B1" s="2"><v>2820.81</v></c><c r="C1" s="2"><v>40</v></c></row>"#,
                                           styles: styles)
        #expect(try package.read().sheets[0].cells.map(\.value.text) == ["342人", "2820.81万元", "40.00万元"])
    }

    @Test func aPercentageWithItsComparatorInTheFormat() throws {
        let styles = #"<numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;≥&quot;0%"/><numFmt numFmtId="165" formatCode="\≤0.0%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>"#
        let package = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" s="1"><v>0.95</v></c><c r="B1" s="2"><v>0.05</v></c><c r="C1" s="1"><v>1</v></c></row>"#,
                                           styles: styles)
        #expect(try package.read().sheets[0].cells.map(\.value.text) == ["≥95%", "≤5.0%", "≥100%"])
    }

    @Test(arguments: [(1000.0, 2, "1000.00"), (2820.815, 2, "2820.82"), (40.5, 0, "41"), (0.1, 1, "0.1"), (3.0, 0, "3")])
    func fixedDecimals(_ value: Double, _ decimals: Int, _ text: String) {
        #expect(CellValue.format(number: value, decimals: decimals) == text)
    }
}
