import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing
@testable import GoalBridge

/// A table continued on a second page for printing: a line saying so (`项目支出绩效目标表（续）`, `续表`) over the header
/// repeated (scripts/corpus/foreign.py, from the seed text). The 平阴 table, its header repeated with the
/// `绩效指标` caption, became two annual indicator sets (10 rows and 3) and the title an extra with a warning; the 新华
/// table's bare `续表`, in the level-1 column, was taken as the level-1 name of the rows below it; in the 聊城
/// performance table (records under a four-row header) it was said to be an empty record numbered “续表”.
struct ContinuedTableTests {
    @Test(arguments: [("pingyin-continued", "A21"), ("xinhua-continued", "A12")])
    func aContinuedTableIsOneTable(_ name: String, _ continuationCell: String) throws {
        let path = ForeignFormTests.directory + "/\(name).xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/\(name).json")
        let table = try #require(result.tables.first?.project)
        #expect(table.indicatorSets.count == 1)
        #expect(!table.indicatorSets[0].rows.contains { $0.level1Raw.contains("续") })
        #expect(!table.extras.contains { $0.source?.cell == continuationCell })
    }

    @Test func aContinuedRecordTableIsOneTable() throws {
        let path = ForeignFormTests.directory + "/performance-continued.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/performance-continued.json")
        guard case .departmentPerformance(let table) = try #require(result.tables.first) else { Issue.record("not a performance table"); return }
        #expect(table.rows.count == 8)
        #expect(!table.rows.contains { $0.dutySeq == "续表" || $0.duty == "续表" })
        #expect(!result.diagnostics.contains { $0.code == "empty-record-row" }, "\(result.diagnostics.map(\.message))")
    }

    /// 永清's department indicators under a two-row header (指标值 over 符号/值/单位), the header repeated whole for page 2,
    /// under `续表` and without it. The repeated header's second row was an indicator (一级指标 “一级指标”, value
    /// “符号值单位”) whose level filled down into the next row; without `续表` the header was a second table.
    @Test(arguments: ["yongqing-department-continued", "yongqing-department-header-repeated"])
    func aHeaderRepeatedWholeIsNotAnIndicatorNorANewTable(_ name: String) throws {
        let path = ForeignFormTests.directory + "/\(name).xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/\(name).json")
        #expect(result.tables.count == 1)
        guard case .departmentIndicators(let table) = try #require(result.tables.first) else { Issue.record("not a department table"); return }
        #expect(table.indicators.rows.map(\.level1Raw) == ["部门产出", "部门产出", "部门产出", "部门产出", "部门效果", "部门效果", "部门效果"])
    }

    @Test(arguments: ["项目支出绩效目标表（续）", "项目支出绩效目标表(续)", "续表", "续 表", "续表1", "（续表）", "（接上表）", "绩效目标表（续上表）"])
    func continuationLines(_ text: String) {
        #expect(FormText.isContinuationLine(text))
    }

    /// Texts that merely end in the same characters are not continuation lines.
    @Test(arguments: ["简化办理手续表", "手续", "续表说明", "连续", "项目支出绩效目标表", "持续", "（续）其他"])
    func notContinuationLines(_ text: String) {
        #expect(!FormText.isContinuationLine(text))
    }
}
