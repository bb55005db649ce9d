import Foundation
import GoalBridgeModel
import Testing
@testable import GoalBridge

/// Text kept under merged cells, as LibreOffice keeps the hidden cells' contents when a clerk merges (“keep the contents
/// of the hidden cells”), and as LibreOffice and gnumeric keep it on re-saving (平阴's 保洁… table, XlsxWriter, with
/// both re-saves). Excel, WPS and LibreOffice show only a merged area's first cell. Last year's 产出指标 under the merged
/// 成本指标 became the level 1 of 道路、绿化养护费用 — a valid name, so nothing was said — and the old unit under 主管部门
/// and the old figure under 财政拨款 were extras with warnings about cells the clerk cannot see.
struct CoveredCellTests {
    @Test(arguments: ["", "libreoffice/", "gnumeric/"])
    func textUnderAMergeIsNotRead(_ writer: String) throws {
        let path = ForeignFormTests.directory + "/\(writer)pingyin-covered-cells.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/pingyin-covered-cells.json")
        let table = try #require(result.tables.first?.project)
        #expect(table.indicatorSets[0].rows.filter { $0.level1Raw == "成本指标" }.count == 5)
        #expect(table.extras.isEmpty)
        // Nothing is lost: each such cell is named, as information (the clerk never saw it).
        let notes = result.diagnostics.filter { $0.code == "covered-cell" }
        #expect(notes.map(\.cell) == ["C4", "D6", "B12"])
        #expect(notes.allSatisfy { $0.severity == .info })
        #expect(notes.last?.message == "合并单元格 B11:B15 中被遮盖的单元格另存有内容“产出指标”（表格中只显示合并区域左上角的内容，这段内容看不到），未读取。")
    }
}
