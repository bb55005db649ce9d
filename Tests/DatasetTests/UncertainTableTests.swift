import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset

/// A table read without a clear layout (issue 12 §4) in the bureau's batch: a file that also holds a table read with
/// certainty is 部分成功, not 失败; and no export — the workbooks sent back, the 一体化 file for the budget system —
/// carries a table whose fields may sit in the wrong place. Both workbooks were written by openpyxl
/// (scripts/corpus/foreign.py): the standard template with a scratch sheet of four headings, and a self-evaluation
/// form no layout describes.
struct UncertainTableTests {
    func collected() throws -> Dataset {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in ["template-scratch-sheet", "self-evaluation"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Tests/BridgeTests/Fixtures/foreign/\(name).xlsx"),
                                             to: inbox.appendingPathComponent("\(name).xlsx"))
        }
        let dataset = try Dataset(path: scratch().appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([inbox.path])
        return dataset
    }

    @Test func aGoodTableBesideAnUncertainOneIsPartlyCollected() throws {
        let dataset = try collected()
        let files = Dictionary(uniqueKeysWithValues: try dataset.receiptFiles().rows.map { ($0[0], (status: $0[2], reason: $0[5])) })
        let scratchSheet = try #require(files["template-scratch-sheet.xlsx"])
        #expect(scratchSheet.status == "部分成功")
        #expect(scratchSheet.reason.hasPrefix("工作表“Sheet3”：无法确定此表的版式"), "\(scratchSheet.reason)")
        // Nothing in the self-evaluation form is read with certainty: still 失败.
        #expect(files["self-evaluation.xlsx"]?.status == "失败")
        // In the consolidated workbook's 项目 sheet, the 版式 column says which tables were read without a clear one.
        let layouts = try dataset.tablesSheet().rows.map { "\($0[1])!\($0[2]): \($0[3])" }.sorted()
        #expect(layouts == ["self-evaluation.xlsx!Sheet1: 不确定，按最接近的“项目支出绩效目标表（标准模板）”读取，内容可能错位，未审核",
                            "template-scratch-sheet.xlsx!Sheet3: 不确定，按最接近的“项目支出绩效目标表（标准模板）”读取，内容可能错位，未审核",
                            "template-scratch-sheet.xlsx!项目支出绩效目标表: 项目支出绩效目标表（标准模板）"])
    }

    @Test func exportsLeaveUncertainTablesOutAndSaySo() throws {
        let dataset = try collected()
        let out = scratch().path
        let (written, warnings) = try dataset.exportTables(to: out, exporter: try GoalExporter())
        #expect(written.map { ($0 as NSString).lastPathComponent } == ["警务辅助人员专项经费.xlsx"])
        let left = warnings.filter { $0.code == "export-uncertain" }
        #expect(left.map { ($0.file.map { ($0 as NSString).lastPathComponent } ?? "") + "!" + ($0.sheet ?? "") }.sorted()
                == ["self-evaluation.xlsx!Sheet1", "template-scratch-sheet.xlsx!Sheet3"])
        #expect(left.allSatisfy { $0.severity == .warning && $0.message.contains("未导出") })

        let flat = scratch().appendingPathComponent("一体化导入.xlsx").path
        let (tables, rows, notes) = try dataset.exportFlat(to: flat)
        #expect(tables == 1 && rows == 9)
        let note = try #require(notes.first { $0.code == "flat-table-uncertain" })
        #expect(note.message.hasPrefix("2 张表导入时无法确定版式"))
        #expect(note.message.contains("self-evaluation.xlsx 工作表“Sheet1”") && note.message.contains("template-scratch-sheet.xlsx 工作表“Sheet3”"))
    }
}
