import GoalBridgeModel
import GoalBridgeSpreadsheet

extension GoalImporter {
    /// A table's cells in rows or columns the file hides (a clerk who hid last year's indicators instead of deleting
    /// them): they are read like every other cell — nothing is dropped by guessing — but the clerk is asked whether
    /// they were meant to be sent, since neither the screen nor the printout shows them. Nil when the table's rows
    /// hold no hidden cell (the usual case, found without looking at a cell).
    func hiddenContentDiagnostic(_ sheet: Sheet, rows: ClosedRange<Int>, file: String?) -> Diagnostic? {
        guard !sheet.hiddenRows.isEmpty || !sheet.hiddenColumns.isEmpty else { return nil }
        // Looked up per cell in constant time: a hostile file may hide every row and column it has.
        let rowIsHidden = Set(sheet.hiddenRows)
        var columnIsHidden = [Bool](repeating: false, count: CellReference.maxColumns)
        for range in sheet.hiddenColumns where range.lowerBound >= 0 && range.upperBound < CellReference.maxColumns {
            for c in range { columnIsHidden[c] = true }
        }
        var hiddenRows = Set<Int>(), hiddenColumns = Set<Int>()
        var first: Cell?
        var count = 0
        for cell in sheet.cells where rows.contains(cell.reference.row) {
            let r = cell.reference.row, c = cell.reference.column
            let inRow = rowIsHidden.contains(r)
            guard inRow || columnIsHidden[c], !TextNormalizer.trimmed(cell.value.text).isEmpty else { continue }
            count += 1
            if first == nil { first = cell }
            if inRow { hiddenRows.insert(r) } else { hiddenColumns.insert(c) }
        }
        guard let first else { return nil }
        func listed(_ names: [String]) -> String { names.prefix(5).joined(separator: "、") + (names.count > 5 ? " 等" : "") }
        var parts: [String] = []
        if !hiddenRows.isEmpty { parts.append("第 " + listed(hiddenRows.sorted().map { String($0 + 1) }) + " 行") }
        if !hiddenColumns.isEmpty { parts.append("第 " + listed(hiddenColumns.sorted().map(CellReference.columnName)) + " 列") }
        let what = hiddenRows.isEmpty ? "列" : hiddenColumns.isEmpty ? "行" : "行和列"
        let example = "\(first.reference)\(Diagnostic.quoted(TextNormalizer.trimmed(first.value.text)))" + (count > 1 ? "等 \(count) 个单元格" : "")
        return Diagnostic(.warning, "hidden-cells",
                          parts.joined(separator: "和") + "是隐藏的，其中的内容（\(example)）已作为表中内容导入，但在屏幕上和打印时都看不到。"
                            + "请确认是否应当提交：如不需要，请删除这些\(what)后重新提交；如需要，请取消隐藏。",
                          file: file, sheet: sheet.name, cell: first.reference.description)
    }
}
