import Foundation
import GoalBridge
import GoalBridgeModel
import GoalBridgeReview
import GoalBridgeSpreadsheet
import Testing

/// A department writes one 指标值确定依据 for all rows and merges it down, or merges one value over two indicators that
/// share it. The merged cell stands in every row it covers: read only into the first row, the other rows had no basis
/// and `check` told the department "指标“发放完成率”未填写指标值" (退回修改) for a value it had filled. 新华's 困难企业补贴
/// from the seed text (年度工作计划 for seven rows, 100% twice), written by XlsxWriter (scripts/corpus/foreign.py,
/// `merge_runs`), and re-saved by LibreOffice and gnumeric; the expected document is the seed's table unchanged.
struct MergedValueTests {
    static let writers = ["", "libreoffice/", "gnumeric/"]

    @Test(arguments: writers)
    func aMergedCellStandsInEveryRowItCovers(_ writer: String) throws {
        let path = ForeignFormTests.directory + "/\(writer)xinhua-merged-basis.xlsx"
        let workbook = try XLSXReader().read(path: path)
        // The file really has the merges (two runs: the value over two rows, the basis over seven).
        #expect(workbook.sheets[0].merges.filter { $0.first.column >= 5 && $0.last.row > $0.first.row }.count == 2)
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/xinhua-merged-basis.json")
        // The rows under the merged cell point to it: a finding on their basis lands on the cell that holds it.
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        let rows = try #require(t.indicatorSets.first?.rows)
        #expect(rows[2].sources?["value"]?.cell == rows[1].sources?["value"]?.cell)
        #expect(Set(rows[1...].compactMap { $0.sources?["basis"]?.cell }).count == 1)
        // Review finds no missing value.
        let findings = Reviewer().review(result.tables)
        #expect(!findings.contains { $0.rule == "Q5" && $0.message.contains("未填写指标值") }, "\(findings.map { $0.message })")
    }

    /// A merged cell alone does not make an indicator: a template's blank row under a basis merged down over it is
    /// still skipped.
    @Test func aMergedCellAloneMakesNoRow() throws {
        let path = ForeignFormTests.directory + "/xinhua-merged-basis.xlsx"
        var workbook = try XLSXReader().read(path: path)
        let merge = try #require(workbook.sheets[0].merges.first { $0.first.column == 6 && $0.last.row > $0.first.row })
        // Empty the last covered row's own cells (name, description, value): a blank template row under the merge.
        workbook.sheets[0].cells.removeAll { $0.reference.row == merge.last.row && $0.reference.column >= 2 }
        let result = sharedImporter.importWorkbook(workbook, file: path)
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.indicatorSets.first?.rows.count == 7)
    }
}

/// A label merged down over several rows, one point of the goal per row (平阴's 保洁… goal split at its 。: two lines, openpyxl,
/// scripts/corpus/foreign.py `with_goal_lines`): the annual goal is every line, joined. Before, the first line was the
/// goal and the others were extras without a label, each warned about as “没有对应的标准字段”.
struct GoalLinesTests {
    @Test func linesUnderAMergedLabelContinueItsField() throws {
        let path = ForeignFormTests.directory + "/pingyin-goal-lines.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-goal-lines.json")
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.goals.annual?.split(separator: "\n").count == 2)
        #expect(t.extras.isEmpty)
    }
}


/// A 满意度指标 cell merged across the 二级指标 column (one name for both levels; liaocheng-merged-satisfaction, XlsxWriter
/// from the seed text, the two satisfaction rows merged A22:B23). The level 2 was read empty on the merge's first row
/// only, and the review asked the department for the 二级指标 of 参与培训人员满意度 (C22).
struct LevelMergedAcrossTests {
    static let path = ForeignFormTests.directory + "/liaocheng-merged-satisfaction.xlsx"

    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aLevelOneMergedAcrossIsTheLevelTwoItShows(_ writer: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(writer)liaocheng-merged-satisfaction.xlsx", expected: ForeignFormTests.directory + "/liaocheng-merged-satisfaction.json")
        let rows = try #require(result.tables.first?.project?.indicators(.annual)?.rows).filter { $0.level1 == "满意度指标" }
        #expect(rows.map(\.name) == ["参与培训人员满意度", "农民群众满意度"])
        #expect(rows.allSatisfy { $0.level2Raw == "满意度指标" && $0.level2 == "服务对象满意度指标" })
        #expect(rows.allSatisfy { $0.sources?["level2"] == nil })
        #expect(!Reviewer().review(result.tables).contains { $0.rule == "Q5" }, "\(Reviewer().review(result.tables).map(\.message))")
    }

    /// The same merge with an empty column inserted between the level columns (liaocheng-merged-satisfaction-wider,
    /// openpyxl): three columns wide, it was taken for a title across the block — the block ended there, both 满意度
    /// rows lost with seven warnings. A level 1 merged no further than the level-2 column is the level merged across.
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func aLevelOneMergedOverAnInsertedColumnToo(_ writer: String) throws {
        let result = try importExactly(ForeignFormTests.directory + "/\(writer)liaocheng-merged-satisfaction-wider.xlsx",
                                       expected: ForeignFormTests.directory + "/liaocheng-merged-satisfaction-wider.json")
        let rows = try #require(result.tables.first?.project?.indicators(.annual)?.rows).filter { $0.level1 == "满意度指标" }
        #expect(rows.map(\.name) == ["参与培训人员满意度", "农民群众满意度"])
        #expect(rows.allSatisfy { $0.level2 == "服务对象满意度指标" })
    }

    /// 产出指标 merged across the 二级指标 column over its seven rows: no level-2 name, so none is read — on every row
    /// alike — and the review asks for them (one finding naming the seven).
    @Test func aLevelOneThatIsNoLevelTwoLeavesTheLevelTwoEmpty() throws {
        var workbook = try XLSXReader().read(path: Self.path)
        var sheet = workbook.sheets[0]
        let output = CellRange("A11:A17")!
        #expect(sheet.merges.contains(output))
        sheet.merges.removeAll { $0 == output || ($0.first.column == 1 && $0.first.row >= 10 && $0.last.row <= 16) }
        sheet.cells.removeAll { $0.reference.column == 1 && (10...16).contains($0.reference.row) }
        sheet.merges.append(CellRange("A11:B17")!)
        workbook.sheets[0] = sheet
        let result = sharedImporter.importWorkbook(workbook, file: Self.path)
        let rows = try #require(result.tables.first?.project?.indicators(.annual)?.rows).filter { $0.level1 == "产出指标" }
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.level2Raw.isEmpty })
        let asked = Reviewer().review(result.tables).filter { $0.rule == "Q5" && $0.message.contains("未填写二级指标") }
        #expect(asked.map(\.message) == ["“\(rows[0].name)”等 7 个三级指标未填写二级指标。"])
    }
}
