import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing
@testable import GoalBridge

/// Deadlines typed into Chinese Excel or WPS become date cells: `2023年12月` is stored as the serial of 2023-12-01 with
/// the format `yyyy"年"m"月"`. Read in ISO form the value was `2023-12-01`, a day the department never wrote (新华's
/// 幼儿园补充经费; the seed says 2023年12月). Read through its format, it is what the clerk sees.
struct DateCellTests {
    @Test(arguments: ["xinhua-date-cells-openpyxl.xlsx", "libreoffice/xinhua-date-cells-openpyxl.xlsx",
                      "gnumeric/xinhua-date-cells-openpyxl.xlsx", "xinhua-date-cells-xlsxwriter.xlsx"])
    func aDeadlineTypedAsADateReadsAsTyped(_ name: String) throws {
        let path = ForeignFormTests.directory + "/" + name
        // The file really holds a date cell (serial and date format), not the text.
        let sheet = try #require(try XLSXReader().read(path: path).sheets.first)
        let dates = sheet.cells.filter { if case .date = $0.value { return true } else { return false } }
        #expect(dates.count == 1, "\(name)")
        let expected = name.contains("xlsxwriter") ? "2023年12月31日" : "2023年12月"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/" + name.replacingOccurrences(of: "libreoffice/", with: "")
            .replacingOccurrences(of: "gnumeric/", with: "").replacingOccurrences(of: ".xlsx", with: ".json"))
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        let row = try #require(t.indicatorSets.first?.rows.first { $0.level2 == "时效指标" })
        #expect(row.value.raw == expected)
        #expect(row.value.kind == .date)
        #expect(row.value.date?.year == 2023 && row.value.date?.month == 12)
        #expect(row.value.date?.day == (expected.hasSuffix("日") ? 31 : nil))
    }
}
