import Foundation
import GoalBridge
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
