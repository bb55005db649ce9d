import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

struct ReaderOptionsTests {
    @Test func skippedSheetsAreListedWithoutTheirCells() throws {
        let wb = Workbook(sheets: [
            Sheet(name: "表", cells: [Cell(CellReference("A1")!, .string("项目名称"))], merges: [CellRange("A2:B2")!]),
            Sheet(name: "下拉列表", state: .hidden, cells: [Cell(CellReference("A1")!, .string("产出指标"))]),
        ])
        let path = temporaryPath()
        try GridWriter.write(wb, to: path)
        var reader = XLSXReader()
        reader.skippedSheetNames = ["下拉列表"]
        let back = try reader.read(path: path)
        #expect(back.sheets.map(\.name) == ["表", "下拉列表"])
        #expect(back.sheets[1].state == .hidden && back.sheets[1].cells.isEmpty)
        #expect(back.sheets[0] == wb.sheets[0])
        #expect(try XLSXReader().read(path: path).sheets[1].cells == wb.sheets[1].cells)
    }
}
