import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// A cell's value is its own (issue: stale text, cells outside sheetData, hex numbers, unknown types, huge dates).
/// Each test failed on the reader before these rules.
struct CellValueIntegrityTests {
    private func cells(_ sheetData: String, extra: String = "", styles: String? = nil) throws -> [Cell] {
        try TestPackage.workbook(sheetData: sheetData, styles: styles, extraSheetXML: extra).read().sheets[0].cells
    }

    @Test func aStringFormulaWithoutValueDoesNotTakeThePreviousCellsText() throws {
        let wb = try TestPackage.workbook(sheetData: #"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="str"><f>X1</f></c><c r="C1" t="inlineStr"></c></row>"#).read()
        let sheet = wb.sheets[0]
        #expect(sheet.cells == [Cell(CellReference("A1")!, .number(1)), Cell(CellReference("B1")!, .string(""), isFormula: true)])
        #expect(sheet.notes == [ReaderNote(.formulaWithoutResult, CellReference("B1")!)])
    }

    @Test func errorAndDateCellsWithoutTextAreEmptyNotThePreviousText() throws {
        let got = try cells(#"<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="e"/><c r="C1" t="d"></c><c r="D1" t="e"><v>#N/A</v></c></row>"#)
        #expect(got == [Cell(CellReference("A1")!, .string("项目名称")), Cell(CellReference("D1")!, .error("#N/A"))])
    }

    /// A picture placed in a cell has no text: WPS's `=DISPIMG(…)` (either spelling of the formula's saved text) and
    /// Excel's `#VALUE!` with value metadata are left out and noted; a formula whose text merely mentions DISPIMG, a
    /// typed text `=DISPIMG(…)` (no formula) and a `#VALUE!` without metadata are what they say.
    @Test func picturesPlacedInCellsAreNotedNotRead() throws {
        let wb = try TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" t="str"><f>_xlfn.DISPIMG("ID_1",1)</f><v>=DISPIMG("ID_1",1)</v></c>"#
            + #"<c r="B1" t="str"><f>_xlfn.DISPIMG("ID_2",1)</f><v>=_xlfn.DISPIMG("ID_2",1)</v></c><c r="C1" t="e" vm="1"><v>#VALUE!</v></c>"#
            + #"<c r="D1" t="str"><f>A9</f><v>见=DISPIMG(</v></c><c r="E1" t="inlineStr"><is><t>=DISPIMG("ID_3",1)</t></is></c><c r="F1" t="e"><v>#VALUE!</v></c></row>"#).read()
        let sheet = wb.sheets[0]
        #expect(sheet.notes == ["A1", "B1", "C1"].map { ReaderNote(.pictureInCell, CellReference($0)!) })
        #expect(sheet.cells == [Cell(CellReference("D1")!, .string("见=DISPIMG("), isFormula: true), Cell(CellReference("E1")!, .string(#"=DISPIMG("ID_3",1)"#)),
                                Cell(CellReference("F1")!, .error("#VALUE!"))])
    }

    /// Struck-through text is read as written and noted: a cell whose style's font strikes (`<strike/>`,
    /// `val="1"`, `val="true"`, `val="on"`), a shared string and an inline string with a struck run. A font with `val="0"`, a
    /// struck run of spaces only and an empty struck cell are not noted.
    @Test func struckThroughTextIsNotedAndReadAsWritten() throws {
        let styles = #"<fonts count="4"><font><sz val="11"/></font><font><strike/></font><font><strike val="true"/></font><font><strike val="0"/></font><font><b/><strike val="on"/></font></fonts>"#
            + #"<cellXfs count="5"><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/><xf fontId="3"/><xf fontId="4"/></cellXfs>"#
        let shared = #"<si><r><rPr><strike val="1"/></rPr><t>≥90%</t></r><r><t>≥95%</t></r></si><si><r><rPr><strike/></rPr><t xml:space="preserve"> </t></r><r><t>按时完成</t></r></si><si><t>普通</t></si>"#
        let wb = try TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>删去的指标</t></is></c><c r="B1" s="2"><v>12</v></c>"#
            + #"<c r="C1" s="3" t="inlineStr"><is><t>保留</t></is></c><c r="D1" t="s"><v>0</v></c><c r="E1" t="s"><v>1</v></c><c r="F1" t="s"><v>2</v></c>"#
            + #"<c r="G1" t="inlineStr"><is><r><rPr><strike/></rPr><t>旧值</t></r><r><t>新值</t></r></is></c><c r="H1" s="1"/><c r="I1" s="4"><v>3</v></c></row>"#,
            sharedStrings: shared, styles: styles).read()
        let sheet = wb.sheets[0]
        #expect(sheet.notes == ["A1", "B1", "D1", "G1", "I1"].map { ReaderNote(.struckThrough, CellReference($0)!) })
        #expect(sheet.cells.map(\.value.text) == ["删去的指标", "12", "保留", "≥90%≥95%", " 按时完成", "普通", "旧值新值", "3"])
    }

    @Test func cellsOutsideSheetDataOrInAnotherNamespaceAreNotCells() throws {
        let data = #"<row r="1"><c r="A1" t="inlineStr"><is><t>真</t></is></c><x:c xmlns:x="urn:other" r="A1" t="inlineStr"><x:is><x:t>假</x:t></x:is></x:c></row>"#
        let ext = #"<extLst><ext uri="{X}"><c r="A1" t="inlineStr"><is><t>扩展</t></is></c></ext></extLst>"#
        let got = try cells(data, extra: ext)
        #expect(got == [Cell(CellReference("A1")!, .string("真"))])
    }

    @Test(arguments: ["0x10", "inf", "nan", "1e999", "1,000", " 12", "12 ", "+", ".", "1e", "--1"])
    func numbersFollowTheOOXMLGrammar(_ text: String) throws {
        let e = errorOf { try TestPackage.workbook(sheetData: #"<row r="1"><c r="C7"><v>\#(text)</v></c></row>"#).read() }
        #expect(e?.kind == .badNumber(text.trimmingCharacters(in: .whitespaces)) || e?.kind == .badNumber(text), "\(text)")
        #expect(e?.location.cell == "C7")
    }

    @Test(arguments: [("1", 1.0), ("-0", -0.0), ("+2.5", 2.5), (".5", 0.5), ("5.", 5.0), ("1E3", 1000.0), ("4.9E-324", Double.leastNonzeroMagnitude),
                      ("12345678901234567890", 12345678901234567890.0)])
    func validNumbersRead(_ text: String, _ value: Double) throws {
        let got = try cells(#"<row r="1"><c r="A1"><v>\#(text)</v></c></row>"#)
        #expect(got == [Cell(CellReference("A1")!, .number(value))])
    }

    @Test(arguments: ["bool", "x", "inlinestr", "strx", "ss"])
    func anUnknownCellTypeIsAnErrorNamingTheCell(_ type: String) throws {
        let e = errorOf { try TestPackage.workbook(sheetData: #"<row r="1"><c r="D4" t="\#(type)"><v>1000</v></c></row>"#).read() }
        #expect(e?.kind == .unknownCellType(type))
        #expect(e?.location.cell == "D4")
        #expect(e?.message.contains("无法识别") == true)
    }

    @Test func aHugeDateSerialIsANumberAndNeverTraps() throws {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        let got = try cells(#"<row r="1"><c r="A1" s="1"><v>1e300</v></c><c r="B1" s="1"><v>-5</v></c><c r="C1" s="1"><v>45000</v></c></row>"#, styles: styles)
        #expect(got[0].value == .number(1e300))
        #expect(got[1].value == .number(-5))
        #expect(got[2].value == .date(ExcelDate(serial: 45000, pattern: DatePattern.builtIn(14))))
        // Even a date built by hand from an extreme serial gives text, not a trap.
        #expect(!ExcelDate(serial: 1e308).isoText.isEmpty)
        #expect(!ExcelDate(serial: -1e308).isoText.isEmpty)
        #expect(!ExcelDate(serial: .nan).isoText.isEmpty)
    }

    @Test func aRepeatedCellKeepsTheLastAndIsNoted() throws {
        let sheet = try TestPackage.workbook(sheetData: #"<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>"#).read().sheets[0]
        #expect(sheet.cells == [Cell(CellReference("A1")!, .number(2))])
        #expect(sheet.notes == [ReaderNote(.repeatedCell, CellReference("A1")!)])
    }

    @Test func thousandsOfIdenticalMergesStopAtTheFirstOverlap() throws {
        let merges = String(repeating: #"<mergeCell ref="A1:BK4000"/>"#, count: 20_000)
        var limits = ReadLimits()
        limits.maxMergedArea = .max
        let e = errorOf { try TestPackage.workbook(sheetData: "", extraSheetXML: "<mergeCells>\(merges)</mergeCells>").read(limits: limits) }
        #expect(e?.kind == .overlappingMerges("A1:BK4000", "A1:BK4000"))
    }
}

/// A memory and time budget per file: a small file may not unfold into something huge.
struct FileBudgetTests {
    @Test func manySheetsPointingAtOnePartAreRefusedNotInflatedEachTime() throws {
        var p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        let sheets = (1...250).map { #"<sheet name="表\#($0)" sheetId="\#($0)" r:id="rId1"/>"# }.joined()
        p.parts = p.parts.map { $0.0 == "xl/workbook.xml" ? ($0.0, Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheets)</sheets></workbook>
            """.utf8)) : $0 }
        let e = errorOf { try p.read() }
        #expect(e?.kind == .sharedSheetPart("xl/worksheets/sheet1.xml"))
        #expect(e?.location.sheet == "表2")
    }

    @Test func cellsBeyondTheBudgetStopTheParse() throws {
        var limits = ReadLimits()
        limits.maxCells = 1_000
        let rows = (1...1_200).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let e = errorOf { try TestPackage.workbook(sheetData: rows).read(limits: limits) }
        #expect(e?.kind == .limitExceeded(limit: "单元格数 cells", value: 1_001, maximum: 1_000))
        // Within the budget, read as usual; the standard budget is far above any goal table.
        #expect(try TestPackage.workbook(sheetData: rows).read().sheets[0].cells.count == 1_200)
        #expect(ReadLimits.standard.maxCells >= 1_000_000)
    }

    @Test func aTallManyColumnMergeIsRefused() throws {
        let e = errorOf { try TestPackage.workbook(sheetData: "", extraSheetXML: #"<mergeCells count="1"><mergeCell ref="A1:BK1048576"/></mergeCells>"#).read() }
        #expect(e?.kind == .limitExceeded(limit: "合并区域总面积 merged area", value: 63 * 1_048_576, maximum: ReadLimits.standard.maxMergedArea))
    }
}
