import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing
@testable import GoalBridge

/// What a clerk's spreadsheet puts in amount and value cells besides numbers (平阴's 保洁… table, written by openpyxl
/// from the seed text): a formula that broke, and the marks that say there is none.
struct FormulaErrorTests {
    /// `#REF!` in the total and `#DIV/0!` in a rate were read as text, the total told the department “金额“#REF!”不是数字，
    /// 请填写数字” and the rate nothing at all. Each is now one warning naming the cell and what went wrong.
    @Test func aBrokenFormulaIsSaidInWords() throws {
        let path = ForeignFormTests.directory + "/pingyin-formula-errors.xlsx"
        let sheet = try #require(try XLSXReader().read(path: path).sheets.first)
        // The file holds real error cells, not text.
        #expect(sheet.cells.filter { if case .error = $0.value { return true } else { return false } }.map(\.reference.description) == ["C5", "E19"])
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-formula-errors.json", quiet: false)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.code) == ["formula-error", "formula-error"], "\(warnings.map(\.message))")
        #expect(warnings.map { $0.cell ?? "" } == ["C5", "E19"])
        #expect(warnings[0].message.contains("“#REF!”（公式引用的单元格已被删除）"))
        #expect(warnings[1].message.contains("“#DIV/0!”（公式中的除数为零或为空）"))
        #expect(!result.diagnostics.contains { $0.code == "amount-not-number" })
    }

    /// `/` and `无` in 上年结转 and 其他资金 were each “不是数字，请填写数字”: the department was asked to fix what it had
    /// filled in the usual way. They are 0, kept as written.
    @Test(arguments: ["/", "／", "—", "——", "-", "无", " / "])
    func aNoneMarkIsZeroKeptAsWritten(_ mark: String) throws {
        let (result, t) = try importReplacing("C7", with: mark, in: "pingyin-computed-total.xlsx")
        #expect(t.annualFunds?.carryover == Amount(raw: TextNormalizer.trimmed(mark), value: 0))
        #expect(!result.diagnostics.contains { $0.severity != .info }, "\(result.diagnostics.map(\.message))")
    }

    /// Anything else that is not a number is still kept as written and warned about.
    @Test(arguments: ["待定", "见附件", "/ 10", "一"])
    func otherTextInAnAmountIsStillWarnedAbout(_ text: String) throws {
        let (result, t) = try importReplacing("C7", with: text, in: "pingyin-computed-total.xlsx")
        #expect(t.annualFunds?.carryover == Amount(raw: text, value: nil))
        #expect(result.diagnostics.contains { $0.code == "amount-not-number" && $0.cell == "C7" })
    }
}


/// An amount typed with a unit other than the table's (`8539400元` under `项目资金（万元）`) was read as 8539400 万元,
/// silently; it is the number in the table's unit, computed in decimal, the text kept, with a note.
struct AmountUnitTests {
    @Test func anAmountInYuanUnderWanYuanIsConverted() throws {
        let path = ForeignFormTests.directory + "/pingyin-amount-in-yuan.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-amount-in-yuan.json")
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.annualFunds?.total == Amount(raw: "8539400元", value: Decimal(string: "853.94")))
        #expect(t.amountUnit == "万元")
        let notes = result.diagnostics.filter { $0.code == "amount-unit-converted" }
        #expect(notes.count == 1 && notes[0].message.contains("已读作 853.94 万元"), "\(notes.map(\.message))")
    }

    @Test(arguments: [("8539400元", "元"), ("853.94万元", "万元"), ("853.94 万", "万元"), ("８５３.９４万元", "万元"),
                      ("853.94", nil), ("约853万元", nil), ("元", nil)] as [(String, String?)])
    func theUnitWrittenAfterTheNumber(_ text: String, _ unit: String?) {
        #expect(FormText.amountUnit(writtenAfter: text) == unit)
    }
}

/// Amounts in the 货币 format Chinese Excel offers (`"¥"#,##0.00`: number cells shown `¥853.94`) and one typed with its
/// sign (`￥0.00`), written by openpyxl and re-saved by LibreOffice (`\¥#,##0.00`) and gnumeric (scripts/corpus/
/// foreign.py). Each was “金额“¥853.94”不是数字”, its value lost, though the cell held the number; LibreOffice's
/// spelling of the format lost the sign the clerk saw.
struct CurrencyAmountTests {
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func amountsInTheCurrencyFormatAreTheirNumbers(_ writer: String) throws {
        let path = ForeignFormTests.directory + "/\(writer)pingyin-currency-amounts.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-currency-amounts.json")
        let funds = try #require(result.tables.first?.project?.annualFunds)
        #expect(funds.total == Amount(raw: "¥853.94", value: Decimal(string: "853.94")))
        #expect(funds.other == Amount(raw: "￥0.00", value: 0))
    }
}

/// Percentage targets typed as Excel stores them, the comparator kept in the number format so the cell still computes
/// (`"≥"0%` shows 0.9 as `≥90%`; LibreOffice spells it `\≥0%`): 农村最低生活保障金 written by openpyxl from the seed
/// text, re-saved by LibreOffice and gnumeric. `≥90%` and `<5%` were read as `90%` and `5%`, the comparator lost with
/// no word.
struct PercentTargetTests {
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aComparatorInThePercentFormatIsKept(_ writer: String) throws {
        let path = ForeignFormTests.directory + "/\(writer)pingyin-percent-targets.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-percent-targets.json")
        let rows = try #require(result.tables.first?.project?.indicatorSets.first?.rows)
        let values = rows.compactMap(\.value).filter { $0.raw.hasSuffix("%") }
        #expect(values.map(\.raw) == ["100%", "100%", "100%", "<5%", "≥90%"])
        #expect(values.map(\.comparator) == [nil, nil, nil, .lt, .ge])
    }
}
