import GoalBridgeModel
import GoalBridgeSpreadsheet

/// A sheet as the importer sees it: text by position, merged areas, and which cells were used.
final class GridView {
    let sheet: Sheet
    private(set) var cells: [CellReference: CellValue] = [:]
    private var mergeAt: [CellReference: CellRange] = [:]
    /// Rows that hold at least one non-blank cell, ascending.
    let nonEmptyRows: [Int]
    let nonEmptyRowSet: Set<Int>
    /// Non-blank cells of each row, by column.
    private var rowCells: [Int: [CellReference]] = [:]
    /// Label keys of text cells, computed once.
    private var keys: [CellReference: String] = [:]
    var consumed = Set<CellReference>()
    let lastRow: Int

    init(_ sheet: Sheet) {
        self.sheet = sheet
        var rows = Set<Int>()
        for cell in sheet.cells where !GridView.isBlank(cell.value) {
            cells[cell.reference] = cell.value
            rows.insert(cell.reference.row)
            rowCells[cell.reference.row, default: []].append(cell.reference)
            if case .string(let s) = cell.value { keys[cell.reference] = TextNormalizer.labelKey(TextNormalizer.trimmed(s)) }
        }
        for r in rowCells.keys { rowCells[r]!.sort() }
        for m in sheet.merges {
            for r in m.first.row...m.last.row {
                for c in m.first.column...m.last.column { mergeAt[CellReference(row: r, column: c)] = m }
            }
        }
        nonEmptyRows = rows.sorted()
        nonEmptyRowSet = rows
        lastRow = max(nonEmptyRows.last ?? 0, sheet.merges.map(\.last.row).max() ?? 0)
    }

    static func isBlank(_ v: CellValue) -> Bool {
        if case .string(let s) = v { return TextNormalizer.trimmed(s).isEmpty }
        return false
    }

    func value(_ r: Int, _ c: Int) -> CellValue? { cells[CellReference(row: r, column: c)] }

    /// Text of a cell as written (trimmed); nil when blank.
    func text(_ r: Int, _ c: Int) -> String? {
        guard let v = value(r, c) else { return nil }
        let t = TextNormalizer.trimmed(v.text)
        return t.isEmpty ? nil : t
    }

    /// The merged area a cell lies in, if any.
    func merge(at r: Int, _ c: Int) -> CellRange? { mergeAt[CellReference(row: r, column: c)] }

    /// True for a cell covered by a merge but not its top-left cell.
    func isMergeContinuation(_ r: Int, _ c: Int) -> Bool {
        guard let m = merge(at: r, c) else { return false }
        return m.first != CellReference(row: r, column: c)
    }

    /// The column after the cell's merged area.
    func nextColumn(after r: Int, _ c: Int) -> Int {
        if let m = merge(at: r, c) { return m.last.column + 1 }
        return c + 1
    }

    /// The row below the cell's merged area.
    func nextRow(below r: Int, _ c: Int) -> Int {
        if let m = merge(at: r, c) { return m.last.row + 1 }
        return r + 1
    }

    func labelKey(_ r: Int, _ c: Int) -> String? {
        let ref = CellReference(row: r, column: c)
        if let k = keys[ref] { return k }
        return text(r, c).map { TextNormalizer.labelKey($0) }
    }

    /// Non-blank cells in rows `rows`, row-major.
    func cells(inRows rows: ClosedRange<Int>) -> [CellReference] {
        if rows.count == 1 { return rowCells[rows.lowerBound] ?? [] }
        var out: [CellReference] = []
        for r in nonEmptyRows where rows.contains(r) { out += rowCells[r] ?? [] }
        return out
    }

    func hasCells(inRow r: Int) -> Bool { nonEmptyRowSet.contains(r) }

    func consume(_ r: Int, _ c: Int) { consumed.insert(CellReference(row: r, column: c)) }

    func source(_ r: Int, _ c: Int) -> SourceCell { SourceCell(sheet: sheet.name, cell: CellReference(row: r, column: c).description) }
}
