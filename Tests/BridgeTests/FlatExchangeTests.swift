import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeReview
@testable import GoalBridgeSpreadsheet

/// The flat exchange with the 预算管理一体化 system (issue 16): one row per 三级指标. A flat file written by openpyxl
/// from the seed text (scripts/corpus/foreign.py; codes, years and values as numbers, as the system exports them)
/// imports exactly; every example round-trips through a flat file GoalBridge writes; what the file cannot carry is said.
struct FlatExchangeTests {
    static let systemFlat = ForeignFormTests.directory + "/system-flat.xlsx"

    @Test func importsTheSystemsFlatFileExactly() throws {
        let expected = try loadDocument(ForeignFormTests.directory + "/system-flat.json")
        let result = sharedImporter.importFile(Self.systemFlat)
        #expect(result.tables.count == 2)
        #expect(result.tables.allSatisfy { $0.source?.layout == FlatSheetReader.layoutId })
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty,
                "\(CorpusComparison.misses(expected: expected.tables, imported: result.tables))")
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
        // Each value points at its cell on the sheet.
        guard case .project(let first) = result.tables[0] else { Issue.record("not a project table"); return }
        #expect(first.indicatorSets[0].rows[0].sources?["value"]?.description == "指标明细!N2")
        #expect(first.sources?["projectName"]?.description == "指标明细!G2")
    }

    /// The flat file has no goal column: its tables were each told “未填写绩效目标” (an error, 退回修改) for a field
    /// the file cannot hold. The review asks only for what the file has a place for.
    @Test func theReviewDoesNotAskAFlatFileForGoals() throws {
        let result = sharedImporter.importFile(Self.systemFlat)
        let findings = Reviewer(formFields: try LayoutCatalog.bundled().formFields).review(result.tables)
        #expect(result.tables.count == 2)
        #expect(!findings.contains { $0.rule == "Q5" }, "\(findings.filter { $0.rule == "Q5" }.map(\.message))")
        // A project table of a form with a goal row, the goal left empty, is still asked.
        var goalless = try #require(sharedImporter.importFile(examplePath("pingyin-2024-police-auxiliary.xlsx")).tables.first?.project)
        goalless.goals = Goals()
        #expect(Reviewer(formFields: try LayoutCatalog.bundled().formFields).review([.project(goalless)])
            .contains { $0.rule == "Q5" && $0.message == "未填写绩效目标。" })
    }

    /// The flat file as a clerk keeps it (scripts/corpus/foreign.py, openpyxl): headers spelled as the table forms
    /// spell them (指标名称, 目标值, 度量单位), two spare template rows with only the levels, signature lines under the
    /// list. It was not taken for a flat file at all (one uncertain table of 201 stray cells); the header spellings
    /// are the vocabulary's, the spare rows and the signature are notes naming what they held. The same after
    /// LibreOffice and gnumeric saved it.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aRetypedFlatFileWithSpareRowsAndASignatureImportsExactly(_ resaved: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(resaved)system-flat-retyped.xlsx",
                                       expected: ForeignFormTests.directory + "/system-flat-retyped.json")
        #expect(result.tables.count == 2 && result.tables.allSatisfy { $0.source?.layout == FlatSheetReader.layoutId })
        let spare = result.diagnostics.filter { $0.code == "flat-empty-row" }
        #expect(spare.map(\.cell) == ["I14", "I15"], "\(spare.map(\.message))")
        #expect(spare.first?.message == "第 14 行没有项目、三级指标和指标值（只有“产出指标”、“数量指标”），是未填写的空行，未读入。")
        let signature = result.diagnostics.filter { $0.code == "flat-note-line" }
        #expect(signature.count == 1 && signature.first?.message.contains("“填报人：张三”、“联系电话：0531-12345678”") == true,
                "\(signature.map(\.message))")
    }

    /// The flat file laid out for printing (scripts/corpus/foreign.py, openpyxl): a 序号 column first, and at the page
    /// break a `续表` line with the header again. Each number was a warning, the repeated header and 续表 rows without a
    /// project (errors). The numbers are checked as row numbers, the two lines are notes.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aFlatFileLaidOutForPrintingImportsExactly(_ resaved: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(resaved)system-flat-printed.xlsx",
                                       expected: ForeignFormTests.directory + "/system-flat-printed.json")
        #expect(result.tables.count == 2)
        let notes = result.diagnostics.filter { ["flat-continued", "flat-header-repeated", "row-numbers"].contains($0.code) }
        #expect(notes.map(\.message) == ["第 13 行“续表”表示接上页，未读入。", "第 14 行重复了表头，未读入。",
                                          "“序号”列是指标的行号（共 36 行，依次编号），已核对，不另保存。"])
    }

    /// The clerk's signature under the printed list, its first line falling in the 序号 column (the habit sweep's
    /// `signature` over this file): the text in that column broke the count, and the row numbers became a warning
    /// (“序号列 … 未读入”). The line is a note line wherever its cells fall; the count stands.
    @Test func aSignatureInTheRowNumberColumnIsANoteLine() throws {
        var workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/system-flat-printed.xlsx")
        let last = workbook.sheets[0].cells.map(\.reference.row).max()!
        workbook.sheets[0] = editedSheet(workbook.sheets[0]) { cells, _ in
            cells[CellReference(row: last + 2, column: 0)] = .string("填报人：张三")
            cells[CellReference(row: last + 2, column: 2)] = .string("联系电话：0531-12345678")
        }
        let result = sharedImporter.importWorkbook(workbook, file: "system-flat-printed.xlsx")
        #expect(CorpusComparison.misses(expected: try loadDocument(ForeignFormTests.directory + "/system-flat-printed.json").tables,
                                        imported: result.tables).isEmpty)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.diagnostics.filter { $0.code == "flat-note-line" }.map(\.message)
                == ["第 \(last + 3) 行是说明或签署行（“填报人：张三”、“联系电话：0531-12345678”），不属于指标，未读入。"])
        #expect(result.diagnostics.contains { $0.code == "row-numbers" })
    }

    /// Every project table of the examples (expected documents derived from the source text) written flat and read
    /// back: keys and every indicator field the file has a column for come back; values whose comparator was spelled
    /// another way (`>=`) come back with the same comparator, number and unit.
    @Test func examplesRoundTripThroughAFlatFile() throws {
        let tables = try exampleNames().flatMap { try loadDocument(examplePath($0 + ".json")).tables }
            + loadDocument(examplePath("pingyin-2024-police-auxiliary.json")).tables
        let projects = tables.compactMap { t -> ProjectGoalTable? in if case .project(let p) = t { return p } else { return nil } }
        #expect(projects.count >= 7)
        let path = temporaryFile("flat.xlsx")
        let writer = try FlatWorkbookWriter(path: path)
        for t in tables { try writer.append(t) }
        _ = try writer.close()
        #expect(writer.tablesWritten == projects.count)
        let back = sharedImporter.importFile(path)
        #expect(back.diagnostics.filter { $0.severity != .info }.isEmpty, "\(back.diagnostics.map(\.message))")
        // Tables with the same keys merge into one on reading (the same project twice): compare by first appearance.
        var expected: [ProjectGoalTable] = []
        for p in projects.map(Self.flatPart) {
            if let i = expected.firstIndex(where: { Self.keys($0) == Self.keys(p) }) {
                for set in p.indicatorSets {
                    if let s = expected[i].indicatorSets.firstIndex(where: { $0.scope == set.scope }) { expected[i].indicatorSets[s].rows += set.rows }
                    else { expected[i].indicatorSets.append(set) }
                }
            } else {
                expected.append(p)
            }
        }
        let read = back.tables.compactMap { t -> ProjectGoalTable? in if case .project(let p) = t { return Self.flatPart(p) } else { return nil } }
        #expect(read.count == expected.count)
        var respelled = 0
        for (e, r) in zip(expected, read) {
            #expect(Self.keys(e) == Self.keys(r))
            #expect(e.indicatorSets.map(\.scope) == r.indicatorSets.map(\.scope))
            for (es, rs) in zip(e.indicatorSets, r.indicatorSets) {
                #expect(es.rows.count == rs.rows.count)
                for (er, rr) in zip(es.rows, rs.rows) {
                    var er = er, rr = rr
                    if er.value.raw != rr.value.raw {
                        respelled += 1
                        #expect(er.value.comparator == rr.value.comparator && er.value.number == rr.value.number && er.value.unit == rr.value.unit,
                                "\(er.value.raw) came back \(rr.value.raw)")
                        er.value = rr.value
                    }
                    rr.sources = nil
                    #expect(er == rr)
                }
            }
        }
        // The examples hold a handful of `>=`-style spellings, no more.
        #expect(respelled <= 3)
    }

    @Test func saysWhatTheFileCannotCarry() throws {
        var table = ProjectGoalTable(projectName: "测试项目")
        table.indicatorSets = [IndicatorSet(scope: .annual, rows: [
            IndicatorRow(level1Raw: "产出指标", level2Raw: "数量指标", name: "培训人数", value: IndicatorValue(raw: "100人")),
            IndicatorRow(level1Raw: "产出指标", level2Raw: "质量指标", name: "合格率", value: IndicatorValue(raw: "约95%")),
            IndicatorRow(level1Raw: "效益指标", level2Raw: "社会效益指标", name: "覆盖率", value: IndicatorValue(raw: "≥90%"), remark: "按季度统计"),
        ])]
        let department = DepartmentIndicatorTable(departmentName: "某局")
        let path = temporaryFile("flat.xlsx")
        let writer = try FlatWorkbookWriter(path: path)
        try writer.append(.project(table))
        try writer.append(.departmentIndicators(department))
        let notes = try writer.close()
        #expect(Set(notes.map(\.code)) == ["flat-table-skipped", "flat-no-symbol", "flat-approximate", "flat-unplaced"], "\(notes.map(\.code))")
        #expect(notes.first { $0.code == "flat-table-skipped" }?.message.contains("某局") == true)

        let book = try XLSXReader().read(path: path)
        #expect(book.sheets.map(\.name) == [FlatWorkbookWriter.sheetName, FlatWorkbookWriter.codeSheetName])
        #expect(book.sheets[1].state == .hidden)
        let row2 = book.sheets[0].cells.filter { $0.reference.row == 1 }.map(\.value.text)
        #expect(row2 == ["测试项目", "年度", "产出指标", "数量指标", "培训人数", "6", "定性", "100人"])
        let row4 = book.sheets[0].cells.filter { $0.reference.row == 3 }.map(\.value.text)
        #expect(row4 == ["测试项目", "年度", "效益指标", "社会效益指标", "覆盖率", "1", "≥", "90", "%"])
        // Every cell is text, the header frozen, and the code columns have dropdowns from the hidden sheet.
        let xml = try unzip(path, "xl/worksheets/sheet1.xml")
        let cells = xml.components(separatedBy: "<c ").count - 1
        let textCells = xml.components(separatedBy: "t=\"inlineStr\"").count - 1 + xml.components(separatedBy: "t=\"s\"").count - 1
        #expect(cells > 20 && textCells == cells, "\(textCells) of \(cells) cells are text")
        #expect(xml.contains("state=\"frozen\""))
        #expect(xml.contains("代码表'!$A$2:$A$7") && xml.contains("代码表'!$B$2:$B$7"))
    }

    @Test func rowsWithoutAProjectAndUnknownColumnsAreReported() throws {
        let path = temporaryFile("flat.xlsx")
        var book = Workbook(sheets: [Sheet(name: "明细")])
        let header = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "责任人"]
        let rows = [["甲项目", "产出指标", "数量指标", "人数", "100", "人", "张三"],
                    ["", "产出指标", "质量指标", "合格率", "95%", "", ""]]
        for (c, h) in header.enumerated() { book.sheets[0].cells.append(Cell(CellReference(row: 0, column: c), .string(h))) }
        for (r, row) in rows.enumerated() {
            for (c, v) in row.enumerated() where !v.isEmpty { book.sheets[0].cells.append(Cell(CellReference(row: r + 1, column: c), .string(v))) }
        }
        try GridWriter.write(book, to: path)
        let result = sharedImporter.importFile(path)
        #expect(result.tables.count == 1)
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains("flat-unknown-column") && codes.contains("flat-no-project"), "\(codes)")
        #expect(result.diagnostics.first { $0.code == "flat-unknown-column" }?.cell == "G2")
        #expect(result.diagnostics.first { $0.code == "flat-no-project" }?.message.contains("第 3 行") == true)
        #expect(result.hasErrors)
    }

    static func keys(_ t: ProjectGoalTable) -> [String] {
        [t.fiscalYear.map(String.init) ?? "", t.supervisingDepartment?.code ?? "", t.supervisingDepartment?.name ?? "",
         t.implementingUnit?.code ?? "", t.implementingUnit?.name ?? "", t.projectCode ?? "", t.projectName ?? ""]
    }

    /// What a flat file carries of a table: its keys and, per row, the columns the system's file has.
    static func flatPart(_ t: ProjectGoalTable) -> ProjectGoalTable {
        var out = ProjectGoalTable(fiscalYear: t.fiscalYear, projectCode: t.projectCode, projectName: t.projectName,
                                   supervisingDepartment: t.supervisingDepartment, implementingUnit: t.implementingUnit)
        out.indicatorSets = t.indicatorSets.map { set in
            IndicatorSet(scope: set.scope, rows: set.rows.map { r in
                IndicatorRow(level1Raw: r.level1Raw, level1: r.level1, level2Raw: r.level2Raw, level2: r.level2, name: r.name,
                             description: r.description, value: r.value, basis: r.basis, weight: r.weight)
            })
        }
        return out
    }
}
