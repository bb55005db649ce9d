import Foundation
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeReview
import GoalBridgeSpreadsheet
import Testing

// What departments' files do that the generated corpus did not: each suite reads workbooks written by openpyxl or
// XlsxWriter from the seed text (scripts/corpus/foreign.py), with expected documents derived there.

/// A total the clerk's spreadsheet computed (`853.9399999999999` in the file, written by openpyxl as Excel writes
/// it) is read as every spreadsheet shows it, 853.94: the seed's table exactly (scripts/corpus/foreign.py).
struct ComputedNumberTests {
    @Test func aComputedTotalReadsAsShown() throws {
        let path = ForeignFormTests.directory + "/pingyin-computed-total.xlsx"
        let workbook = try XLSXReader().read(path: path)
        #expect(workbook.sheets[0].cells.contains { $0.value == .number(853.9399999999999) })
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-computed-total.json", quiet: false)
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.annualFunds?.total?.raw == "853.94")
        #expect(t.annualFunds?.total?.value == Decimal(string: "853.94"))
    }
}

/// Level names a clerk numbered (`一、产出指标`, `（一）数量指标`; openpyxl, scripts/corpus/foreign.py from 平阴's
/// 农村最低生活保障金) are read as written and known as the names they number: before, each was “not in the
/// vocabulary” and `check` returned the table for lacking 产出指标 and 成本指标.
struct NumberedLevelTests {
    @Test func numberedLevelNamesAreKnown() throws {
        let path = ForeignFormTests.directory + "/pingyin-numbered-levels.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-numbered-levels.json")
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        let rows = try #require(t.indicatorSets.first?.rows)
        #expect(rows.first?.level1Raw == "一、成本指标" && rows.first?.level1 == "成本指标")
        #expect(Set(rows.compactMap(\.level1)) == ["成本指标", "产出指标", "效益指标", "满意度指标"])
        #expect(rows.allSatisfy { $0.level2 != nil })
        let findings = Reviewer().review(result.tables)
        #expect(!findings.contains { $0.rule == "Q5" }, "\(findings.map { $0.message })")
    }
}

/// A workbook made from GoalBridge's template names its layout (a custom property), so the filled sheet is read
/// without scoring every layout. A scratch sheet the clerk added in another program (openpyxl: a copied header row,
/// scripts/corpus/foreign.py) was forced into that layout too: a second table named “一级指标”, with no word of
/// doubt, into the dataset. The named layout is taken only where it fits; elsewhere detection runs as for any file.
struct TemplateScratchSheetTests {
    /// The template's sheet under its own name, and renamed after the project (then known by its labels).
    @Test(arguments: [("template-scratch-sheet", "项目支出绩效目标表"), ("template-renamed-sheet", "警务辅助人员专项经费")])
    func theTemplatesLayoutIsNotForcedOnAScratchSheet(_ name: String, _ goalSheet: String) throws {
        let path = ForeignFormTests.directory + "/\(name).xlsx"
        let workbook = try XLSXReader().read(path: path)
        #expect(workbook.properties.custom[GoalImporter.templateIdProperty] != nil)
        let result = sharedImporter.importFile(path)
        let uncertain = result.diagnostics.filter { $0.code == "layout-uncertain" }
        #expect(uncertain.map(\.sheet) == ["Sheet3"], "\(result.diagnostics.map(\.message))")
        #expect(uncertain.first?.severity == .error)
        // The filled sheet is read as before.
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.projectName == "警务辅助人员专项经费" && t.source?.layoutUncertain == nil)
        #expect(result.diagnostics.contains { $0.code == "table-found" && $0.sheet == goalSheet })
        let scratch = result.tables.compactMap { table -> TableSource? in
            if case .project(let p) = table, p.source?.sheet == "Sheet3" { return p.source } else { return nil }
        }
        #expect(scratch.allSatisfy { $0.layoutUncertain == true })
    }
}

/// A table sent with attachments — a sheet of cost calculations, a 填表说明 sheet (openpyxl, scripts/corpus/foreign.py)
/// — reads as the table alone: each attachment is named as not read, as information; it does not make the submission
/// 部分成功 (it did, for every file of a template with an instructions sheet). A sheet with labels of a goal table
/// that no layout fits is still a warning (ToleranceTests.sheetWithoutTableSaysWhatWasFoundAndExpected).
struct AttachmentSheetTests {
    @Test func attachmentsAreNamedNotWarnedAbout() throws {
        let path = ForeignFormTests.directory + "/pingyin-with-attachments.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-column-numbers.json")
        let attachments = result.diagnostics.filter { $0.code == "no-table-on-sheet" }
        #expect(attachments.map(\.sheet) == ["资金测算", "填表说明"])
        #expect(attachments.first?.message.contains("作为附件未读取（10 个非空单元格）") == true)
    }
}

/// The standard template with its labels retyped as departments retype them (预算项目名称, 主管部门（单位）, 执行单位,
/// 项目资金总额, 年度总体目标) and without the template's properties (openpyxl, scripts/corpus/foreign.py): found by
/// its labels and read exactly. Before, 预算项目名称 left the sheet without an anchor (no table at all) and each other
/// spelling was an extra while its field stayed empty.
struct RetypedLabelTests {
    @Test func retypedLabelsAreTheTemplatesFields() throws {
        let path = ForeignFormTests.directory + "/standard-retyped-labels.xlsx"
        #expect(try XLSXReader().read(path: path).properties.custom[GoalImporter.templateIdProperty] == nil)
        let result = try importExactly(path, expected: examplePath("pingyin-2024-police-auxiliary.json"))
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.source?.layout == "standard" && t.source?.layoutUncertain == nil)
    }
}

/// A form left blank beside the filled one (平阴's form copied to a second sheet for another project and never filled;
/// openpyxl, scripts/corpus/foreign.py). It was a second table, empty: five 未填写 errors told the department to fill
/// a sheet it did not need, and an empty project went into the dataset. A blank form is skipped, said as information;
/// a file holding only blank forms is an error that says so.
struct TableOfContentsTests {
    /// A 目录 sheet before the tables, listing their projects and a fourth the clerk did not send (pingyin-contents,
    /// openpyxl, scripts/corpus/foreign.py). The sheet was a warning that no table was recognised there — the summary
    /// list's layout the closest — for a file read whole, and the project listed and missing went unsaid. The sheet is
    /// a note now, and the missing entry a warning naming its cell. The same after LibreOffice and gnumeric saved it.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aTableOfContentsAccountsForItsProjects(_ resaved: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(resaved)pingyin-contents.xlsx",
                                       expected: ForeignFormTests.directory + "/pingyin-contents.json", quiet: false)
        #expect(!result.diagnostics.contains { $0.code == "no-table-on-sheet" })
        #expect(result.diagnostics.filter { $0.code == "table-of-contents" }.map(\.message)
                == ["工作表“目录”是本文件的目录，列出的 3 个项目的绩效目标表已读入；目录本身不作为绩效目标表读取。"])
        let warnings = result.diagnostics.filter { $0.severity != .info }
        #expect(warnings.map { "\($0.code) \($0.sheet ?? "")!\($0.cell ?? "")" } == ["listed-not-found 目录!B6"])
        #expect(warnings.first?.message == "目录中列出了“城区道路维修工程”，但本文件中没有读到它的绩效目标表。请确认是否漏填或漏交了这张表。")
    }

    /// A sheet that names two of the projects among other text is no table of contents: it stays a sheet without a
    /// table, said as before.
    @Test func aSheetMentioningProjectsIsNoTableOfContents() throws {
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-contents.xlsx")
        let names = Set(try loadDocument(ForeignFormTests.directory + "/pingyin-contents.json").tables
            .compactMap { $0.project?.projectName }.map { TextNormalizer.labelKey($0) })
        #expect(TableOfContents(workbook.sheets[0], names: names)?.listed == 3)
        let prose = editedSheet(workbook.sheets[0]) { cells, _ in
            for r in 6...12 { cells[CellReference(row: r, column: 1)] = .string("第\(r)项说明：按计划推进") }
        }
        #expect(TableOfContents(prose, names: names) == nil)
    }
}

struct BlankFormTests {
    @Test func aBlankCopyBesideTheFilledTableIsSkipped() throws {
        let path = ForeignFormTests.directory + "/pingyin-blank-copy.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-blank-copy.json")
        let blank = result.diagnostics.filter { $0.code == "blank-table" }
        #expect(blank.map(\.sheet) == ["Sheet2"] && blank.first?.severity == .info)
        #expect(blank.first?.message.contains("没有填写任何内容（空白表），已跳过") == true)
        #expect(!Reviewer().review(result.tables).contains { $0.rule == "Q5" && $0.message.contains("未填写项目名称") })
    }

    /// The spare copy signed (填报人, 联系电话, 填报日期 under it; openpyxl, scripts/corpus/foreign.py): the signature
    /// made it a table with no project, and the review asked the department for a project name, amounts and targets.
    /// It is a blank form still; the note names what was on it, so nothing filled goes unsaid. The same after
    /// LibreOffice and gnumeric saved it.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aSignedBlankCopyIsStillBlank(_ resaved: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(resaved)pingyin-blank-copy-signed.xlsx",
                                       expected: ForeignFormTests.directory + "/pingyin-blank-copy-signed.json")
        #expect(result.tables.count == 1)
        let blank = result.diagnostics.filter { $0.code == "blank-table" }
        #expect(blank.map(\.sheet) == ["Sheet2"] && blank.first?.severity == .info)
        #expect(blank.first?.message.contains("空白表，只有“填报人：张三”、“联系电话：0531-12345678”、“填报日期：2024年1月5日”") == true,
                "\(blank.map(\.message))")
    }

    /// The blank sheet alone: no table, and an error naming the sheet — not “没有找到绩效目标表”, which would send the
    /// clerk looking for renamed headers.
    @Test func aFileOfBlankFormsIsAnErrorThatSaysSo() throws {
        let full = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-blank-copy.xlsx")
        let blankOnly = Workbook(sheets: [full.sheets[1]])
        let result = sharedImporter.importWorkbook(blankOnly, file: "空白.xlsx")
        #expect(result.tables.isEmpty)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.message)
                == ["文件中的绩效目标表没有填写任何内容（工作表“Sheet2”是空白表）。请填写后重新提交。"])
    }

    /// One filled cell is enough for a table: a form with only its project name is read, and the review says what
    /// is missing.
    @Test func oneFilledCellMakesATable() throws {
        let full = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-blank-copy.xlsx")
        let named = editedSheet(full.sheets[1]) { cells, _ in cells[CellReference("B3")!] = .string("城区道路维修") }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [named]), file: "一项.xlsx")
        #expect(result.tables.first?.project?.projectName == "城区道路维修")
        #expect(!result.diagnostics.contains { $0.code.hasPrefix("blank-table") })
    }
}

/// A target filled and its 三级指标 name left empty (平阴's 车辆保险费用 cleared, the value ≤40 万元 kept), or rows left
/// without their level 1 and 2: read as they are, and the review said nothing (S1 only under `--system`). Q5 asks for
/// them now, as warnings; a satisfaction row named by its level 2 (长清's form: 满意度指标 / 满意度 / — / ≥90%, every
/// table) is not asked.
struct NamelessRowTests {
    @Test func aValueWithoutANameIsAskedFor() throws {
        let (result, table) = try importReplacing("D13", with: "", in: "pingyin-label-qualifiers.xlsx")
        let row = try #require(table.indicatorSets.first?.rows.first { $0.value.raw == "≤40 万元" })
        #expect(row.name.isEmpty)
        let asked = Reviewer().review(result.tables).filter { $0.rule == "Q5" && $0.message.contains("未填写三级指标名称") }
        #expect(asked.map(\.message) == ["“成本指标/经济成本指标”下有一行填写了指标值“≤40 万元”，但未填写三级指标名称。"])
        #expect(asked.first?.severity == .warning && asked.first?.cell == "E13")
    }

    /// The 成本 group's level cells cleared and unmerged (B11:B15, C11:C15): five rows with no level 1 or 2, which
    /// the review only saw as “缺少成本指标”. One finding names them.
    @Test func rowsWithoutTheirLevelsAreNamed() throws {
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-label-qualifiers.xlsx")
        let sheet = editedSheet(workbook.sheets[0]) { cells, merges in
            cells[CellReference("B11")!] = nil
            cells[CellReference("C11")!] = nil
            merges.removeAll { ["B11:B15", "C11:C15"].contains($0.description) }
        }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: "表.xlsx")
        let rows = try #require(result.tables.first?.project?.indicatorSets.first?.rows)
        #expect(rows.prefix(5).allSatisfy { $0.level1Raw.isEmpty && $0.level2Raw.isEmpty } && !rows[5].level1Raw.isEmpty)
        let named = Reviewer().review(result.tables).filter { $0.rule == "Q5" && $0.message.contains("未填写一级指标") }
        #expect(named.map(\.message) == ["“项目总成本”等 5 个三级指标未填写一级指标、二级指标。"])
        #expect(named.first?.cell == "D11" && named.first?.severity == .warning)
    }

    /// A note typed two rows under the table in the 指标值 column (pingyin-note-under-table, openpyxl, and its
    /// LibreOffice and gnumeric re-saves): a row with no level and no name of its own after a blank row. It was read
    /// as a 14th indicator — a nameless satisfaction target, the levels filled down — and the review told the
    /// department that target “具体标准详见附件” was implausible. The block ends there; the note is the table's, kept as
    /// an extra with a warning at its cell. A value without a name right under the last indicator is still a row
    /// (asked for above).
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aNoteAfterABlankRowIsNoIndicator(_ resaved: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(resaved)pingyin-note-under-table.xlsx",
                                       expected: ForeignFormTests.directory + "/pingyin-note-under-table.json", quiet: false)
        #expect(result.tables.first?.project?.indicatorSets.first?.rows.count == 13)
        #expect(result.diagnostics.filter { $0.severity != .info }.map { "\($0.code) \($0.cell ?? "")" } == ["extra-cell E25"])
        #expect(!Reviewer().review(result.tables).contains { $0.message.contains("具体标准详见附件") })
    }

    @Test func aSatisfactionRowNamedByItsLevel2IsNotAsked() throws {
        let tables = sharedImporter.importFile(CorpusTests.directory + "/changqing-02-single.xlsx").tables
        let rows = tables.compactMap(\.project).flatMap(\.indicatorSets).flatMap(\.rows).filter { $0.name.isEmpty }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.level2 == "服务对象满意度指标" })
        #expect(!Reviewer().review(tables).contains { $0.message.contains("未填写三级指标名称") })
    }
}

/// Name and value typed in each other's cells (平阴's 维修费 / ≤110 万元 and 群众满意度 / ≥95% swapped in the sheet). The
/// review said “满意度指标“≥95%”的目标值“群众满意度”不合理” and nothing of the cost row but a sum that did not add
/// up; Q33 says what happened, at the name cell, and the row's other rules stand back.
struct SwappedNameAndValueTests {
    @Test func aNameAndValueSwappedAreSaidSo() throws {
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-label-qualifiers.xlsx")
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in
            for row in [14, 23] {
                let d = CellReference(row: row - 1, column: 3), e = CellReference(row: row - 1, column: 4)
                (cells[d], cells[e]) = (cells[e], cells[d])
            }
        }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: "表.xlsx")
        let findings = Reviewer().review(result.tables)
        let swapped = findings.filter { $0.rule == "Q33" }
        #expect(swapped.map(\.cell) == ["D14", "D23"])
        #expect(swapped.last?.message == "三级指标名称是“≥95%”，指标值是“群众满意度”：名称和指标值可能填反了。")
        #expect(!findings.contains { $0.rule == "Q1" }, "\(findings.map(\.message))")
        // The swapped cost row has no figure: the components are not said not to add up (Q2b did, beside Q33).
        #expect(!findings.contains { $0.rule == "Q2b" }, "\(findings.map(\.message))")
    }

    /// Names that begin with a figure are names: only a text that is a target by itself counts.
    @Test(arguments: [("≥95%", true), ("≤110 万元", true), ("100%", true), ("不少于3次", true), ("＞９０％", true),
                      ("12345热线办结率", false), ("3个村庄道路硬化", false), ("2024年完成验收", false), ("群众满意度≥95%", false),
                      ("≥", false), ("100", false)])
    func whatCountsAsATarget(_ text: String, _ expected: Bool) {
        let value = IndicatorValue(raw: "按时完成")
        let row = IndicatorRow(level1Raw: "产出指标", level2Raw: "数量指标", name: text, value: value)
        let findings = Reviewer().review([.project(ProjectGoalTable(projectName: "测试", indicatorSets: [IndicatorSet(scope: .annual, rows: [row])]))])
        #expect(findings.contains { $0.rule == "Q33" } == expected, "\(text)")
    }
}

/// 主管部门, 实施单位 and the funds left empty (平阴's 保洁… table with B4, E4 and C5:C8 cleared): the review said
/// nothing, though DOMAIN.md counts them among the required fields. Q5 names each now — only where the table's form
/// has a place for it (新华's form has no 主管部门, 永清's project form no funds: their tables are not asked).
struct RequiredFieldTests {
    static let formFields = try! LayoutCatalog.bundled().formFields

    @Test func theFormsFieldsAreKnownByLayout() {
        #expect(Self.formFields["standard"]?.isSuperset(of: ["supervisingDepartment.name", "implementingUnit.name", "annualFunds.total"]) == true)
        #expect(Self.formFields["xinhua-2023"]?.contains("supervisingDepartment.name") == false)
        #expect(Self.formFields["yongqing-2021-project"]?.contains("annualFunds.total") == false)
        #expect(Self.formFields["liaocheng-2022-strategic"]?.contains("departmentName") == true)   // in 部门名称：{departmentName}
    }

    @Test func emptyRequiredFieldsAreNamedWhereTheFormHasThem() throws {
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-label-qualifiers.xlsx")
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in
            for ref in ["B4", "E4", "C5", "C6", "C7", "C8"] { cells[CellReference(ref)!] = nil }
        }
        let tables = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: "表.xlsx").tables
        let asked = Reviewer(formFields: Self.formFields).review(tables).filter { $0.rule == "Q5" }.map(\.message)
        #expect(asked == ["未填写主管部门。", "未填写实施单位。", "未填写项目资金（年度预算资金总额）。"])
        // Without the forms' fields the review cannot tell a missing field from a form without one: it says nothing.
        #expect(Reviewer().review(tables).filter { $0.rule == "Q5" }.isEmpty)
    }

    @Test func aTotalLeftEmptyBesideItsPartsIsNamed() throws {
        let (result, _) = try importReplacing("C5", with: "", in: "pingyin-label-qualifiers.xlsx")
        let asked = Reviewer(formFields: Self.formFields).review(result.tables).filter { $0.rule == "Q5" }.map(\.message)
        #expect(asked == ["未填写年度预算资金总额（财政拨款、上年结转资金、其他资金已填写）。"])
    }

    @Test(arguments: ["xinhua-01-single", "yongqing-01-single", "changqing-01-single", "liaocheng-01-single"])
    func formsWithoutAPlaceForAFieldAreNotAsked(_ name: String) throws {
        let tables = sharedImporter.importFile(CorpusTests.directory + "/\(name).xlsx").tables
        let asked = Reviewer(formFields: Self.formFields).review(tables).filter { $0.rule == "Q5" && $0.message.hasPrefix("未填写") }
        #expect(asked.isEmpty, "\(asked.map(\.message))")
    }
}

/// A record block's unused template rows, numbered and otherwise empty (聊城's strategic table with rows 13–15 left
/// over under its twelve indicators): each was an empty record in the model — an indicator with no name and no
/// target, in the dataset and every export. A row with nothing but its number is the form's; it is skipped, said.
struct NumberedEmptyRowTests {
    @Test func rowsWithOnlyTheirNumberAreSkipped() throws {
        let path = CorpusTests.directory + "/liaocheng-78-single.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let sheet = editedSheet(workbook.sheets[0]) { cells, merges in
            insertRows(&cells, &merges, before: 19, count: 3)
            for (i, n) in [13, 14, 15].enumerated() { cells[CellReference(row: 19 + i, column: 0)] = .number(Double(n)) }
        }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: path)
        let expected = try loadDocument(path.replacingOccurrences(of: ".xlsx", with: ".json"))
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty)
        let skipped = result.diagnostics.filter { $0.code == "empty-record-row" }
        #expect(skipped.map { $0.cell ?? "" } == ["A20", "A21", "A22"] && skipped.allSatisfy { $0.severity == .info })
        #expect(!result.diagnostics.contains { $0.severity != .info }, "\(result.diagnostics.map(\.message))")
    }
}

/// A 合计 line added under the cost rows (平阴's 保洁… table: five costs, then `合计 ≤853.94 万元`): it was taken for a
/// sixth component, and Q2b told the department its components (1707.88) did not add up to the total (853.94) —
/// which they did. A line summing the rows above restates them; a whole 合计 is the total when no row names one.
struct SumLineTests {
    static func tables(sumLine name: String, value: String, renamingTotal: Bool = false) throws -> [GoalTable] {
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-label-qualifiers.xlsx")
        let sheet = editedSheet(workbook.sheets[0]) { cells, merges in
            insertRows(&cells, &merges, before: 15, count: 1)
            cells[CellReference("D16")!] = .string(name)
            cells[CellReference("E16")!] = .string(value)
            if renamingTotal { cells[CellReference("D11")!] = .string("道路保洁费用") }
        }
        return sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: "表.xlsx").tables
    }

    @Test(arguments: ["合计", "小计", "成本合计"])
    func aSumLineIsNotAComponent(_ name: String) throws {
        let tables = try Self.tables(sumLine: name, value: "≤853.94 万元")
        #expect(tables.first?.project?.indicatorSets.first?.rows.contains { $0.name == name && $0.level1Raw == "成本指标" } == true)
        let findings = Reviewer().review(tables).filter { $0.rule.hasPrefix("Q2") }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    /// Without a 总成本 row, 合计 is the total: compared with the budget and its components.
    @Test func aWholeSumIsTheTotalWhenNoRowNamesOne() throws {
        let tables = try Self.tables(sumLine: "合计", value: "≤1707.88 万元", renamingTotal: true)
        let findings = Reviewer().review(tables).filter { $0.rule.hasPrefix("Q2") }
        #expect(findings.map(\.rule) == ["Q2"], "\(findings.map(\.message))")
        #expect(findings.first?.cell == "E16")
    }
}

/// The unit typed in a cell of its own: a column inserted after 指标值, the header merged over both, each value split
/// into number and unit (`≥95` | `%`), in the table form and in the flat file (pingyin-unit-column,
/// system-flat-unit-column: openpyxl, and their LibreOffice and gnumeric re-saves). The number was read as the value,
/// and each unit was kept as an extra with a warning (three in the table; in the flat file, one `flat-unknown-column`
/// for five cells).
/// A column under the 指标值 header that no other header claims is the value's: read after it, joined to it.
struct UnitColumnTests {
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aUnitInACellOfItsOwnIsPartOfTheValue(_ resaved: String) throws {
        for name in ["pingyin-unit-column", "system-flat-unit-column"] {
            let result = try importExactly(ForeignFormTests.directory + "/\(resaved)\(name).xlsx",
                                           expected: ForeignFormTests.directory + "/\(name).json")
            let values = result.tables.compactMap(\.project).flatMap(\.indicatorSets).flatMap(\.rows).map(\.value)
            #expect(values.contains { $0.raw == "≥95%" && $0.number == 95 && $0.unit == "%" }, "\(name)")
        }
    }

    /// The header merged over a column another header claims (a 单位 column of the form's own) is not widened: each
    /// keeps its cells.
    @Test func aColumnWithAHeaderOfItsOwnIsNotTheValues() throws {
        var workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-unit-column.xlsx")
        let header = try #require(workbook.sheets[0].cells.first { $0.value.text == "指标值" }?.reference)
        workbook.sheets[0] = editedSheet(workbook.sheets[0]) { cells, merges in
            merges.removeAll { $0.first == header }
            cells[CellReference(row: header.row, column: header.column + 1)] = .string("备注")
        }
        let result = sharedImporter.importWorkbook(workbook, file: "pingyin-unit-column.xlsx")
        let rows = try #require(result.tables.first?.project?.indicatorSets.first?.rows)
        #expect(rows.contains { $0.value.raw == "≥95" && $0.remark == "%" })
    }
}
