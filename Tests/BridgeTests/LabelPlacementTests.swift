import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing
import GoalBridgeReview
@testable import GoalBridge

/// A form's instructions in brackets after a label (`项目名称（全称）`, `主管部门（盖章）`, `实施单位(盖章)：`) leave the
/// label what it is (vocabulary `labelQualifiers`). `项目名称（全称）` made the file “没有找到绩效目标表”; the others were
/// extras, each warned about, and the fields empty.
struct LabelQualifierTests {
    @Test func aLabelWithItsInstructionIsTheLabel() throws {
        let path = ForeignFormTests.directory + "/pingyin-label-qualifiers.xlsx"
        let texts = try #require(try XLSXReader().read(path: path).sheets.first).cells.map(\.value.text)
        #expect(texts.contains("项目名称（全称）") && texts.contains("实施单位(盖章)："))
        try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-label-qualifiers.json")
    }

    /// The template's longer instructions (openpyxl, pingyin-label-instructions): `项目名称（按预算一体化系统填写）`,
    /// `主管部门` with `（由主管部门填列）` on a line of its own, `实施单位(以公章为准)`. None was a known qualifier: the
    /// file was “没有找到绩效目标表”. Instructions are known by how they start (按…, 由…) or end (…填写, …填列, …填报, …为准).
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aLabelWithALongerInstructionIsTheLabel(_ writer: String) throws {
        let path = ForeignFormTests.directory + "/\(writer)pingyin-label-instructions.xlsx"
        let texts = try #require(try XLSXReader().read(path: path).sheets.first).cells.map(\.value.text)
        #expect(texts.contains("主管部门\n（由主管部门填列）") && texts.contains("实施单位(以公章为准)"))
        try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-label-instructions.json")
    }

    @Test(arguments: [
        ("实施单位（盖章）：", "实施单位"), ("项目名称(全称)", "项目名称"), ("主管部门 （ 盖章 ）", "主管部门"),
        ("项目资金（万元）", "项目资金（万元）"),        // a unit says something: it stays
        ("填报单位（其他）", "填报单位（其他）"), ("（盖章）", "（盖章）"), ("实施单位", "实施单位"),
        ("项目名称（按预算一体化系统填写）", "项目名称"), ("主管部门\n（由主管部门填列）", "主管部门"), ("实施单位(以公章为准)", "实施单位"),
        ("项目编码（按项目全称填报）", "项目编码"),
        ("项目资金（按万元）", "项目资金"),        // an instruction that names a unit is still an instruction
    ])
    func theKeyDropsOnlyAnInstruction(_ text: String, _ key: String) {
        #expect(Vocabulary.standard.labelKey(text) == key)
    }
}


/// A column inserted through the whole sheet and left empty (平阴's 保洁… table, column E): above the indicators it
/// falls between labels and their values (`项目类别 | (blank) | 特定目标类`). The values were extras, each warned about,
/// and 项目类别 and 实施单位 empty; they are read, with a note naming the cell.
struct InsertedColumnTests {
    @Test func aValueBeyondAnEmptyInsertedColumnIsTheLabelsValue() throws {
        let path = ForeignFormTests.directory + "/pingyin-inserted-column.xlsx"
        let sheet = try #require(try XLSXReader().read(path: path).sheets.first)
        #expect(sheet.cells.contains { $0.reference.description == "F3" && $0.value.text == "特定目标类" })
        #expect(!sheet.cells.contains { $0.reference.column == 4 && $0.reference.row < 9 })
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-inserted-column.json")
        #expect(result.diagnostics.filter { $0.code == "value-beyond-empty-column" }.map { $0.cell ?? "" } == ["F3", "F4"])
    }

    /// 长清's form with the column inserted at B (changqing-inserted-column, openpyxl): the two goals under their captions
    /// (总体绩效目标 | 年度绩效目标) were read by their order from the blank B6 — the mid-term goal became the annual one
    /// and the annual goal an extra. Each is read under its caption now.
    @Test func fieldsUnderCaptionsSkipTheInsertedColumn() throws {
        let path = ForeignFormTests.directory + "/changqing-inserted-column.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/changqing-inserted-column.json")
        let t = try #require(result.tables.first?.project)
        #expect(t.sources?["goals.midTerm"]?.cell == "C6" && t.sources?["goals.annual"]?.cell == "G6")
        #expect(t.extras.isEmpty)
        #expect(result.diagnostics.filter { $0.code == "value-beyond-empty-column" }.map { $0.cell ?? "" }.contains("C6"))
    }

    /// A field left blank before a label of another form (`联系电话`, `填报人：`) stays blank: that is no value.
    @Test(arguments: ["联系电话", "填报人：", "负责人:", "资金用途：", "项目编码:"])
    func aLabelBeyondAnEmptyFieldIsNoValue(_ label: String) throws {
        let (result, t) = try importReplacing("F3", with: label, in: "pingyin-inserted-column.xlsx")
        #expect(t.projectCategory == nil)
        #expect(result.diagnostics.filter { $0.code == "value-beyond-empty-column" }.map { $0.cell ?? "" } == ["F4"])
    }

    /// A label whose value cell is merged (the form's field area, B4:C4) and left empty stays empty: what lies beyond
    /// (the 实施单位 label) is no value of it.
    @Test func anEmptyMergedFieldIsNotFilledFromBeyond() throws {
        var workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-inserted-column.xlsx")
        #expect(workbook.sheets[0].merges.contains(CellRange("B4:C4")!))
        workbook.sheets[0].cells.removeAll { $0.reference.description == "B4" }
        let result = sharedImporter.importWorkbook(workbook, file: "表.xlsx")
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.supervisingDepartment == nil)
        #expect(t.implementingUnit?.name == "平阴县环卫绿化管护中心")
        #expect(result.diagnostics.filter { $0.code == "value-beyond-empty-column" }.map { $0.cell ?? "" } == ["F3", "F4"])
    }
}

/// 项目名称 and 主管部门 typed with their content in the label's cell (`项目名称：保洁、降尘…项目`, the cells beside them
/// empty: pingyin-label-with-content, XlsxWriter). Without the 项目名称 label the file was “没有找到绩效目标表”; with only
/// 主管部门 so, the department was an extra with a warning and the review said it was missing. Each is read into its
/// field from the cell it was typed in, with a note.
struct LabelAndValueInOneCellTests {
    @Test func aLabelTypedWithItsContentIsRead() throws {
        let path = ForeignFormTests.directory + "/pingyin-label-with-content.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-label-with-content.json")
        let t = try #require(result.tables.first?.project)
        #expect(t.sources?["projectName"]?.cell == "A3" && t.sources?["supervisingDepartment.name"]?.cell == "A4")
        let notes = result.diagnostics.filter { $0.code == "label-with-content" }
        #expect(notes.map(\.cell) == ["A3", "A4"])
        #expect(notes.first?.message == "单元格 A3 把标签和内容写在了同一格，已读作“项目名称”：“保洁、降尘、绿化养护及建绿透绿项目”。")
        #expect(t.extras.isEmpty)
    }

    /// The system's export retyped with `主管部门：012-平阴县水务局` and `实施单位：012001-平阴县水务局` in the label's cells
    /// (system-export-labels-typed, openpyxl): the label's content is a code and a name the form writes as one text
    /// (`{code}-{name}`), so it was no field's — two warnings, both parties empty. It is matched as that text now.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aCodeAndNameTypedWithTheirLabelAreRead(_ resaved: String) throws {
        let path = ForeignFormTests.directory + "/\(resaved)system-export-labels-typed.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/system-export-labels-typed.json")
        let t = try #require(result.tables.first?.project)
        #expect(t.supervisingDepartment?.code == "012" && t.implementingUnit?.code == "012001")
        #expect(t.sources?["supervisingDepartment.name"]?.cell == "A3" && t.sources?["implementingUnit.code"]?.cell == "E3")
        #expect(result.diagnostics.filter { $0.code == "label-with-content" }.map { $0.cell ?? "" } == ["A3", "E3"])
    }

    /// 新华's form with 项目编码 blank and `项目名称：县级…` typed two cells on (xinhua-label-with-content, openpyxl): the
    /// rule for a column inserted through the sheet took it as the code, the name coming from the title — silently.
    @Test func anotherLabelTypedWithItsContentIsNotAValue() throws {
        let path = ForeignFormTests.directory + "/xinhua-label-with-content.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/xinhua-label-with-content.json")
        let t = try #require(result.tables.first?.project)
        #expect(t.projectCode == nil)
        #expect(t.projectName == "县级电子政务外网安全监测平台建设" && t.sources?["projectName"]?.cell == "C3")
        #expect(!result.diagnostics.contains { $0.code == "value-beyond-empty-column" })
    }

    /// Two 聊城 tables stacked on one sheet, the first one's 项目编码 and 项目名称 typed with their content
    /// (liaocheng-stacked-label-with-content, openpyxl). The second table was found, so nothing was split: the first
    /// table's rows were read into the second, 40 warnings, one table. An indicator header above the first table found
    /// now has the labels split, and both tables are read.
    @Test func aTableAboveTheFirstFoundIsNotLost() throws {
        let path = ForeignFormTests.directory + "/liaocheng-stacked-label-with-content.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/liaocheng-stacked-label-with-content.json")
        #expect(result.tables.map { $0.source?.range ?? "" } == ["A1:E20", "A21:E44"])
        #expect(result.diagnostics.filter { $0.code == "label-with-content" }.map { $0.cell ?? "" } == ["A4", "C4"])
    }

    /// With the cell beside it filled, the content cannot be the field's alone: the table is still not found, and the
    /// warning names the cell and what to do.
    @Test func withTheCellBesideFilledTheCellIsNamed() throws {
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-label-qualifiers.xlsx")
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in
            cells[CellReference("A3")!] = .string("项目名称：保洁、降尘、绿化养护及建绿透绿项目")
            cells[CellReference("B3")!] = .string("见附件")
        }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: "表.xlsx")
        #expect(result.tables.isEmpty && result.hasErrors)
        let said = try #require(result.diagnostics.first { $0.code == "no-table-on-sheet" })
        #expect(said.message.contains("单元格 A3“项目名称：保洁、降尘、绿化养护及建绿透绿项目”把标签和内容写在了同一格：请在 A3 只留“项目名称”，把内容填到它右侧的格中。"),
                "\(said.message)")
    }

    @Test(arguments: [("项目名称：保洁项目", "项目名称", "保洁项目"), ("项目名称: 保洁项目 ", "项目名称", "保洁项目"),
                      ("主管部门：平阴县：城市管理局", "主管部门", "平阴县：城市管理局")] as [(String, String, String)])
    func splitAtTheFirstColon(_ text: String, _ label: String, _ content: String) throws {
        let split = try #require(LabelWithContent.split(text))
        #expect(split.label == label && split.content == content)
    }

    @Test(arguments: ["年度预算资金总额：", "项目名称", "：保洁项目", "项目名称：  "])
    func noLabelWithContent(_ text: String) {
        #expect(LabelWithContent.split(text) == nil)
    }
}

/// The year written in Chinese numerals, as official documents date themselves (`（二〇二四年度）` under 平阴's title):
/// the line was an extra, “没有对应的标准字段”, and the table had no year — so no 2024 cost-reform check either.
struct ChineseNumeralYearTests {
    @Test(arguments: ["（二〇二四年度）", "（二零二四年度）"])
    func aYearInChineseNumeralsIsTheYear(_ line: String) throws {
        let (result, table) = try importReplacing("A2", with: line, in: "pingyin-label-qualifiers.xlsx")
        #expect(table.fiscalYear == 2024 && table.extras.isEmpty)
        #expect(!result.diagnostics.contains { $0.severity != .info }, "\(result.diagnostics.map(\.message))")
    }
}

/// A label's instruction inside a line that states a field (`部门名称（盖章）：聊城市文化和旅游局` under 聊城's strategic
/// title): the line was an extra, “没有对应的标准字段”, and the department's name was lost. The same line.
struct QualifierInAFieldLineTests {
    @Test(arguments: ["部门名称（盖章）：聊城市文化和旅游局", "部门名称(全称):聊城市文化和旅游局"])
    func aQualifiedLineGivesItsField(_ line: String) throws {
        let path = CorpusTests.directory + "/liaocheng-78-single.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in cells[CellReference("A2")!] = .string(line) }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: path)
        let expected = try loadDocument(path.replacingOccurrences(of: ".xlsx", with: ".json"))
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty)
        #expect(!result.diagnostics.contains { $0.severity != .info }, "\(result.diagnostics.map(\.message))")
    }
}

/// A unit line with the template's instruction after the unit (`单位：万元（保留两位小数）` over 新华's table): the unit
/// was `万元（保留两位小数）`, which no rule on units knows. It is 万元.
struct UnitLineInstructionTests {
    @Test func theUnitWithoutTheInstruction() throws {
        let path = CorpusTests.directory + "/xinhua-01-single.xlsx"
        let workbook = try XLSXReader().read(path: path)
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in cells[CellReference("G2")!] = .string("单位：万元（保留两位小数）") }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: path)
        let expected = try loadDocument(path.replacingOccurrences(of: ".xlsx", with: ".json"))
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty)
        #expect(result.tables.first?.project?.amountUnit == "万元")
    }
}

/// A template's instruction after a label or header (`指标值（请填写符号+数值+单位）`, `年度总体绩效目标（200字以内）`): the
/// header made the 指标值 column unknown and the table uncertain, the label made the goal an extra. The same label
/// (vocabulary `labelQualifiers`: `请…`, `…字以内`).
struct InstructionQualifierTests {
    @Test(arguments: [("E10", "指标值（请填写符号+数值+单位）"), ("D10", "三级指标（请填写具体指标）"), ("A9", "年度总体绩效目标（200字以内）")])
    func anInstructionAfterALabelLeavesTheLabel(_ cell: String, _ text: String) throws {
        let (result, _) = try importReplacing(cell, with: text, in: "pingyin-label-qualifiers.xlsx")
        let expected = try loadDocument(ForeignFormTests.directory + "/pingyin-label-qualifiers.json")
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty)
        #expect(!result.diagnostics.contains { $0.severity != .info }, "\(result.diagnostics.map(\.message))")
    }

    /// A bracket that says something stays part of the label.
    @Test func aBracketThatSaysSomethingStays() {
        #expect(Vocabulary.standard.labelKey("项目资金（万元）") == "项目资金（万元）")
        #expect(Vocabulary.standard.labelKey("指标值（请填写）") == "指标值")
        #expect(Vocabulary.standard.labelKey("绩效目标（300字以内）") == "绩效目标")
    }
}

/// A template's hint left in a value cell (`请选择` under 项目类别, `（请填写实施单位全称）` under 实施单位): it was read
/// as the category and the unit's name, and the review, finding both filled, said nothing. The cell is not filled: a
/// warning names it, and the review says what is missing.
struct PlaceholderValueTests {
    @Test func aHintLeftInAValueCellIsNotContent() throws {
        let workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/pingyin-label-qualifiers.xlsx")
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in
            cells[CellReference("E3")!] = .string("请选择")
            cells[CellReference("E4")!] = .string("（请填写实施单位全称）")
        }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: "表.xlsx")
        let table = try #require(result.tables.first?.project)
        #expect(table.projectCategory == nil && table.implementingUnit == nil)
        let hints = result.diagnostics.filter { $0.code == "placeholder-value" }
        #expect(hints.map { $0.cell ?? "" } == ["E3", "E4"] && hints.allSatisfy { $0.severity == .warning })
        let formFields = try LayoutCatalog.bundled().formFields
        #expect(Reviewer(formFields: formFields).review(result.tables).contains { $0.message == "未填写实施单位。" })
    }

    @Test(arguments: [("请选择", true), ("--请选择--", true), ("【请填写】", true), ("（请在此填写项目全称）", true),
                      ("请示报告编制经费", false), ("平阴县城市管理局", false), ("下拉选择", true), ("", false)])
    func whatIsAHint(_ text: String, _ expected: Bool) {
        #expect(Vocabulary.standard.isPlaceholder(text) == expected)
    }
}
