import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// A date cell reads as its format shows it (issue 12: `2023年12月` typed into Excel was read `2023-12-01`).
struct DatePatternTests {
    @Test(arguments: [
        (#"yyyy"年"m"月""#, "2023年12月"),
        (#"yyyy"年"m"月"d"日""#, "2023年12月1日"),
        (#"[$-804]yyyy"年"m"月"d"日";@"#, "2023年12月1日"),
        (#"m"月"d"日""#, "12月1日"),
        (#"yyyy\年m\月"#, "2023年12月"),                 // LibreOffice escapes the characters instead of quoting them
        (#"YYYY"年"M"月"D"日""#, "2023年12月1日"),       // and writes the letters in capitals
        ("yyyy-mm-dd", "2023-12-01"),
        ("yyyy/m/d", "2023/12/1"),
        ("yy.mm.dd", "23.12.01"),
        ("yyyy-mm-dd hh:mm", "2023-12-01 08:05"),
        ("h:mm AM/PM", "8:05 AM"),
        (#"上午/下午h"时"mm"分""#, "上午8时05分"),
        ("[Red]yyyy-mm-dd;[Blue]@", "2023-12-01"),
    ])
    func showsADateAsItsFormatDoes(_ code: String, _ shown: String) throws {
        let pattern = try #require(DatePattern(code), "\(code)")
        #expect(pattern.text(year: 2023, month: 12, day: 1, seconds: 8 * 3600 + 5 * 60) == shown)
    }

    /// Month and weekday names, elapsed hours, fractions of a second, other numeral systems and calendars are not
    /// shown here: such a date reads in ISO form rather than half right.
    @Test(arguments: ["d-mmm-yy", "mmmm yyyy", "yyyy-mm-dd dddd", "aaaa", "[h]:mm:ss", "mm:ss.0", #"[DBNum1]yyyy"年"m"月""#,
                      "[$-F800]dddd, mmmm dd, yyyy", "General", "0.00", "yyyy-mm-dd\"", "[$-804"])
    func aFormatWithPartsItCannotShowHasNoPattern(_ code: String) {
        #expect(DatePattern(code) == nil)
    }

    /// Whatever a hostile styles part puts in a code, parsing ends without a trap: letters that lower-case to more
    /// than one character (`İ`), unclosed quotes and brackets, escapes at the end, very long codes.
    @Test(arguments: ["İyyyy", "yyyyİ年", "\"", "[", "\\", "_", "*", "yyyy\\", String(repeating: "y\"年\"", count: 5_000), "ﬃyyyy", "ǅd"])
    func anyCodeParsesWithoutATrap(_ code: String) {
        _ = DatePattern(code)?.text(year: 2023, month: 12, day: 1, seconds: 0)
    }

    @Test func nonASCIILettersAreLiteralsAndLongCodesAreWhole() throws {
        #expect(try #require(DatePattern("İyyyy")).text(year: 2023, month: 12, day: 1, seconds: 0) == "İ2023")
        let long = try #require(DatePattern(String(repeating: "yyyy\"年\"", count: 5_000)))
        #expect(long.text(year: 2023, month: 12, day: 1, seconds: 0) == String(repeating: "2023年", count: 5_000))
    }

    /// The built-in ids a file may name without spelling out the code, as zh-CN spreadsheets show them.
    @Test func readsBuiltInAndCustomDateFormats() throws {
        let styles = #"<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;;@"/><numFmt numFmtId="177" formatCode="d-mmm-yy"/><numFmt numFmtId="178" formatCode="m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/></cellXfs>"#
        // 45261 is 2023-12-01; 46022 is 2025-12-31.
        let data = #"<row r="1"><c r="A1" s="1"><v>45261</v></c><c r="B1" s="2"><v>45261</v></c><c r="C1" s="3"><v>45261</v></c><c r="D1" s="4"><v>45261</v></c><c r="E1" s="5"><v>45261</v></c><c r="F1" s="6"><v>46022</v></c><c r="G1" s="1"><v>45261.5</v></c></row>"#
        let cells = try TestPackage.workbook(sheetData: data, styles: styles).read().sheets[0].cells
        #expect(cells.map(\.value.text) == ["2023/12/1", "2023年12月1日", "2023年12月", "2023年12月", "2023-12-01", "12月31日", "2023/12/1"])
        // The serial is kept whatever the format shows: nothing is lost.
        for cell in cells.dropLast() {
            guard case .date(let d) = cell.value else { Issue.record("\(cell.reference) is no date"); continue }
            #expect(d.components.year == (cell.reference.column == 5 ? 2025 : 2023))
        }
    }
}
