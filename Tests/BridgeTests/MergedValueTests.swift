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

