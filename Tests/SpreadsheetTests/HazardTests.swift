import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// One regression test per known way readers go silently wrong or unsafe.
struct HazardTests {
    @Test func emptySharedStringIndexIsAnErrorNotTheFirstString() throws {
        let p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" t="s"><v/></c></row>"#, sharedStrings: "<si><t>第一个</t></si>")
        let e = errorOf { try p.read() }
        #expect(e?.kind == .missingSharedStringIndex)
        #expect(e?.location.cell == "A1")
        #expect(e?.location.sheet == "表1")
    }

    @Test func sharedStringIndexOutOfRangeIsAnError() throws {
        let p = TestPackage.workbook(sheetData: #"<row r="1"><c r="B2" t="s"><v>5</v></c></row>"#, sharedStrings: "<si><t>a</t></si>")
        #expect(expectKind(.sharedStringIndexOutOfRange(index: 5, count: 1)) { try p.read() })
    }

    @Test func emptyItemsKeepTheirPlace() throws {
        // <si></si> and <t/> are empty strings; the strings after them must not shift.
        let sst = "<si></si><si><t/></si><si><t>第三</t></si>"
        let data = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"#
        let wb = try TestPackage.workbook(sheetData: data, sharedStrings: sst).read()
        #expect(wb.sheets[0].cells.map(\.value) == [.string(""), .string(""), .string("第三")])
    }

    @Test func richTextJoinedPhoneticSkippedEscapesDecoded() throws {
        let sst = #"<si><r><t>绩效</t></r><r><rPr><b/></rPr><t xml:space="preserve">目标 </t></r><rPh sb="0" eb="1"><t>ジセキ</t></rPh></si><si><t>第一行_x000D__x000A_第二行_x005F_x0041_</t></si>"#
        let data = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="A2" t="s"><v>1</v></c></row>"#
        let wb = try TestPackage.workbook(sheetData: data, sharedStrings: sst).read()
        #expect(wb.sheets[0].cells.map(\.value) == [.string("绩效目标 "), .string("第一行\r\n第二行_x0041_")])
    }

    @Test func inlineStringsIncludingBlankOnes() throws {
        let data = #"<row r="3"><c r="A3" t="inlineStr"><is><t>内联</t></is></c><c r="B3" t="inlineStr"><is><t/></is></c><c r="C3" t="str"><f>A3</f><v>内联</v></c></row>"#
        let cells = try TestPackage.workbook(sheetData: data).read().sheets[0].cells
        #expect(cells == [Cell(CellReference("A3")!, .string("内联")), Cell(CellReference("B3")!, .string("")),
                          Cell(CellReference("C3")!, .string("内联"), isFormula: true)])
    }

    @Test func typesBooleansErrorsAndMissingReferences() throws {
        let data = #"<row r="2"><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c><v>3.25</v></c><c r="F2"><v>-1E3</v></c><c s="0"/></row><row><c><v>7</v></c></row>"#
        let cells = try TestPackage.workbook(sheetData: data).read().sheets[0].cells
        #expect(cells == [Cell(CellReference("A2")!, .bool(true)), Cell(CellReference("B2")!, .error("#N/A")),
                          Cell(CellReference("C2")!, .number(3.25)), Cell(CellReference("F2")!, .number(-1000)),
                          Cell(CellReference("A3")!, .number(7))])
    }

    @Test func badNumberIsAnError() throws {
        let p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1"><v>12abc</v></c></row>"#)
        #expect(expectKind(.badNumber("12abc")) { try p.read() })
    }

    @Test func datesThroughNumberFormats() throws {
        let styles = #"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>"#
        let data = #"<row r="1"><c r="A1" s="1"><v>45356</v></c><c r="B1" s="2"><v>45356</v></c><c r="C1" s="3"><v>45356</v></c><c r="D1" s="4"><v>45356</v></c><c r="E1" s="1"><v>60</v></c><c r="F1" s="1"><v>61</v></c></row>"#
        let cells = try TestPackage.workbook(sheetData: data, styles: styles).read().sheets[0].cells
        // `0.00"万元"` is no date (万 is not a date character): the number shown with its words, as Excel shows it.
        // Dates as a zh-CN spreadsheet shows them (DatePatternTests): built-in 14 is yyyy/m/d there.
        #expect(cells.map(\.value.text) == ["2024/3/5", "2024年3月5日", "2024年3月5日", "45356.00万元", "1900/2/29", "1900/3/1"])
        #expect(cells[3].value == .string("45356.00万元"))
    }

    @Test func the1904DateSystem() throws {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        let data = #"<row r="1"><c r="A1" s="1"><v>43894</v></c></row>"#
        let wb = try TestPackage.workbook(sheetData: data, styles: styles, workbookPr: #"<workbookPr date1904="1"/>"#).read()
        #expect(wb.uses1904Dates)
        #expect(wb.sheets[0].cells[0].value.text == "2024/3/5")
    }

    @Test func doctypeIsRefused() throws {
        var p = TestPackage.workbook(sheetData: "")
        p.parts.removeAll { $0.0 == "xl/worksheets/sheet1.xml" }
        p.add("xl/worksheets/sheet1.xml", """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
        """)
        let e = errorOf { try p.read() }
        #expect(e?.kind == .forbiddenDTD)
        #expect(e?.location.part == "xl/worksheets/sheet1.xml")
    }

    @Test func externalEntityIsRefused() throws {
        var p = TestPackage.workbook(sheetData: "")
        p.parts.removeAll { $0.0 == "xl/worksheets/sheet1.xml" }
        p.add("xl/worksheets/sheet1.xml", """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>
        """)
        let e = errorOf { try p.read() }
        #expect(e?.kind == .forbiddenDTD)
    }

    @Test func undeclaredEntityIsRefused() throws {
        let p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>"#)
        let e = errorOf { try p.read() }
        if case .forbiddenEntity = e?.kind {} else { Issue.record("expected forbiddenEntity, got \(String(describing: e))") }
    }

    @Test func predefinedEntitiesAndCharacterReferencesStillWork() throws {
        let p = TestPackage.workbook(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;≥&amp;&#x4E2D;&#10;</t></is></c></row>"#)
        #expect(try p.read().sheets[0].cells[0].value == .string("<≥&中\n"))
    }

    @Test func cellBeyondXFDIsAnError() throws {
        let p = TestPackage.workbook(sheetData: #"<row r="1"><c r="XFE1"><v>1</v></c></row>"#)
        #expect(expectKind(.badCellReference("XFE1")) { try p.read() })
        let q = TestPackage.workbook(sheetData: #"<row r="1048577"><c r="A1048577"><v>1</v></c></row>"#)
        #expect(errorOf { try q.read() } != nil)
    }

    @Test func overlappingMergesAreReported() throws {
        let p = TestPackage.workbook(sheetData: "", extraSheetXML: #"<mergeCells count="2"><mergeCell ref="A1:B3"/><mergeCell ref="B2:C4"/></mergeCells>"#)
        let e = errorOf { try p.read() }
        #expect(e?.kind == .overlappingMerges("A1:B3", "B2:C4"))
        #expect(e?.location.sheet == "表1")
    }

    @Test func mergeCountLimit() throws {
        var limits = ReadLimits()
        limits.maxMerges = 3
        let merges = (0..<5).map { #"<mergeCell ref="A\#($0 * 2 + 1):B\#($0 * 2 + 1)"/>"# }.joined()
        let p = TestPackage.workbook(sheetData: "", extraSheetXML: "<mergeCells>\(merges)</mergeCells>")
        if case .limitExceeded = errorOf({ try p.read(limits: limits) })?.kind {} else { Issue.record("merge limit not enforced") }
    }

    @Test func duplicatePartNamesDifferingInCase() throws {
        var p = TestPackage.workbook(sheetData: "")
        p.add("XL/Worksheets/Sheet1.xml", "<worksheet/>")
        if case .duplicatePart = errorOf({ try p.read() })?.kind {} else { Issue.record("duplicate part not detected") }
    }

    @Test func zipBombIsStoppedWhileInflating() throws {
        // 8 MB of whitespace deflates to ≈ 8 KB: a ratio near deflate's maximum (≈ 1000:1).
        var p = TestPackage.workbook(sheetData: "")
        p.parts.removeAll { $0.0 == "xl/worksheets/sheet1.xml" }
        p.add("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + String(repeating: " ", count: 8_000_000) + "</sheetData></worksheet>")
        let zipped = try p.zipped()
        #expect(zipped.count < 100_000)
        var limits = ReadLimits()
        limits.compressionCheckThreshold = 1 << 20
        if case .suspiciousCompression = errorOf({ try XLSXReader(limits: limits).read(bytes: zipped) })?.kind {} else {
            Issue.record("zip bomb not stopped by ratio")
        }
        limits.maxCompressionRatio = 100_000
        limits.maxPartBytes = 2 << 20
        if case .limitExceeded = errorOf({ try XLSXReader(limits: limits).read(bytes: zipped) })?.kind {} else {
            Issue.record("zip bomb not stopped by part size")
        }
    }

    @Test func entryCountLimit() throws {
        var limits = ReadLimits()
        limits.maxEntries = 5
        var p = TestPackage.workbook(sheetData: "")
        for i in 0..<10 { p.add("junk/\(i).bin", "x") }
        if case .limitExceeded = errorOf({ try p.read(limits: limits) })?.kind {} else { Issue.record("entry limit not enforced") }
    }
}

/// Files that are not workbooks get a message that says what they are.
struct FileKindTests {
    @Test func emptyFile() { #expect(expectKind(.emptyFile) { try XLSXReader().read(bytes: Data()) }) }

    @Test func legacyXLS() {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 504)
        #expect(expectKind(.legacyXLS) { try XLSXReader().read(bytes: Data(bytes)) })
    }

    @Test func encryptedXLSX() {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)
        bytes += Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(expectKind(.encryptedXLSX) { try XLSXReader().read(bytes: Data(bytes)) })
    }

    @Test func openDocument() throws {
        var p = TestPackage()
        p.add("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        p.add("content.xml", "<office:document-content/>")
        #expect(expectKind(.openDocument) { try XLSXReader().read(bytes: try p.zipped()) })
    }

    @Test func csv() {
        #expect(expectKind(.textFile) { try XLSXReader().read(bytes: Data("项目名称,金额\n道路,100\n".utf8)) })
    }

    /// A web system's “Excel” export is often a web page named `….xls` (here the 平阴 example saved as HTML by
    /// LibreOffice and by gnumeric, renamed as such a system names it): said as a web page, not as a CSV.
    @Test(arguments: ["web-export-libreoffice.xls", "web-export-gnumeric.xls"])
    func aWebPageNamedXls(_ name: String) {
        #expect(expectKind(.htmlFile) { try XLSXReader().read(path: fixturePath(name)) })
    }

    /// Excel's XML Spreadsheet 2003, another form systems export under `.xls`.
    @Test func xmlSpreadsheet2003() {
        let xml = """
            <?xml version="1.0"?>
            <?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
             <Worksheet ss:Name="项目"><Table><Row><Cell><Data ss:Type="String">项目名称</Data></Cell></Row></Table></Worksheet>
            </Workbook>
            """
        #expect(expectKind(.xmlSpreadsheet2003) { try XLSXReader().read(bytes: Data(xml.utf8)) })
        #expect(SpreadsheetError(.xmlSpreadsheet2003, SpreadsheetLocation(file: "导出.xls")).description.contains("XML 电子表格 2003"))
    }

    @Test func randomBinary() {
        #expect(expectKind(.notZip) { try XLSXReader().read(bytes: Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x03])) })
    }

    @Test func truncatedWorkbook() throws {
        let full = try Data(contentsOf: URL(fileURLWithPath: fixturePath("libreoffice.xlsx")))
        let e = errorOf { try XLSXReader().read(bytes: full.prefix(full.count / 2), file: "半个.xlsx") }
        #expect(e?.kind == .truncatedZip)
        #expect(e?.location.file == "半个.xlsx")
        #expect(e?.message.contains("不完整") == true)
    }

    @Test func missingFile() {
        #expect(expectKind(.fileNotFound) { try XLSXReader().read(path: "/nonexistent/表.xlsx") })
    }
}
