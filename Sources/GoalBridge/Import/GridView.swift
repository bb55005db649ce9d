import GoalBridgeModel
import GoalBridgeSpreadsheet

/// A sheet as the importer sees it: text by position, merged areas, label keys, and which cells were used.
///
/// Stored row by row, in arrays indexed by row number, so that every lookup on the import path is an
/// array index plus a short search within one row — no hashing. (The first version kept dictionaries
/// keyed by cell; hashing cell references and Chinese label strings was a fifth of mapping a table.)
final class GridView {
    let sheet: Sheet
    let lastRow: Int

    /// Non-blank cells, row-major; `values`, `texts`, `keys` and `consumedFlags` run parallel to it.
    private let references: [CellReference]
    private let values: [CellValue]
    /// Each cell's text as written, trimmed (never empty), made once: every field read asks for it.
    private let texts: [String]
    /// Each cell's label key (`Vocabulary.labelKey` of its trimmed text), computed once.
    private let keys: [String]
    /// Which cells the table used. A buffer the grid owns rather than a stored array: marking is the one
    /// mutation on the import path, and a class's stored properties pay a dynamic exclusivity check per access.
    private let consumedFlags: UnsafeMutableBufferPointer<Bool>
    /// Cells of row r are `references[rowStart[r]..<rowStart[r + 1]]`.
    private let rowStart: [Int]
    /// Indices into `merges` of the merged areas that cover row r: `mergeIndices[mergeStart[r]..<mergeStart[r + 1]]`
    /// (flat arrays: a few allocations per sheet, not one per row).
    private let merges: [CellRange]
    private let mergeStart: [Int]
    private let mergeIndices: [Int]
    /// Label key → the first cell carrying it; `nextWithSameKey` chains the others, row-major (-1 ends a chain).
    private let keyIndex: [LabelKey: Int]
    private let nextWithSameKey: [Int]
    /// Cells with content under a merge, not its first cell: not read (nobody sees them), named by the importer.
    let coveredCells: [(reference: CellReference, text: String)]

    /// - Parameter vocabulary: gives each cell's label key (`Vocabulary.labelKey`: `实施单位（盖章）` is 实施单位).
    init(_ sheet: Sheet, vocabulary: Vocabulary = .standard) {
        self.sheet = sheet
        var references: [CellReference] = [], values: [CellValue] = [], texts: [String] = [], keys: [String] = []
        references.reserveCapacity(sheet.cells.count)
        values.reserveCapacity(sheet.cells.count)
        texts.reserveCapacity(sheet.cells.count)
        keys.reserveCapacity(sheet.cells.count)
        let labelKey = Vocabulary.LabelKeyMaker(vocabulary)
        // Sheet cells arrive sorted row-major (the reader sorts them).
        for cell in sheet.cells {
            let text = TextNormalizer.trimmed(cell.value.text)
            if text.isEmpty, case .string = cell.value { continue }
            references.append(cell.reference)
            values.append(cell.value)
            texts.append(text)
            // Labels are short: a long text (a goal, a pasted document) can be no label, and normalising it for
            // every cell would make a sheet's cost grow with the length of its texts.
            keys.append(text.utf8.count <= GridView.longestLabelBytes ? labelKey.key(text) : "")
        }
        var rowStart = GridView.rowStarts(references)
        // Text kept in a cell under a merge (LibreOffice's “keep the contents of the hidden cells”): Excel, WPS and
        // LibreOffice show only the area's first cell, so nobody who filled the form sees it. Found merge by merge
        // (a few rows each), and rare: only then are the arrays made again without those cells.
        var coveredIndices: [Int] = []
        for m in sheet.merges where m.first.row + 1 < rowStart.count {
            for r in m.first.row...min(m.last.row, rowStart.count - 2) {
                var i = rowStart[r]
                while i < rowStart[r + 1], references[i].column <= m.last.column {
                    if references[i].column >= m.first.column && (r != m.first.row || references[i].column != m.first.column) { coveredIndices.append(i) }
                    i += 1
                }
            }
        }
        var covered: [(reference: CellReference, text: String)] = []
        if !coveredIndices.isEmpty {
            let drop = Set(coveredIndices)
            covered = drop.sorted().map { (references[$0], texts[$0]) }
            let keep = references.indices.filter { !drop.contains($0) }
            references = keep.map { references[$0] }
            values = keep.map { values[$0] }
            texts = keep.map { texts[$0] }
            keys = keep.map { keys[$0] }
            rowStart = GridView.rowStarts(references)
        }
        let lastCellRow = references.last?.row ?? -1
        var keyIndex: [LabelKey: Int] = [:]
        keyIndex.reserveCapacity(keys.count)
        var next = [Int](repeating: -1, count: keys.count)
        for i in keys.indices.reversed() where !keys[i].isEmpty {
            // One hash per cell: updateValue stores this cell and hands back the chain's previous head.
            next[i] = keyIndex.updateValue(i, forKey: LabelKey(normalized: keys[i])) ?? -1
        }
        self.coveredCells = covered

        let lastRow = max(lastCellRow, sheet.merges.map { $0.last.row }.max() ?? 0)
        var mergeStart = [Int](repeating: 0, count: lastRow + 2)
        for m in sheet.merges { for r in m.first.row...m.last.row { mergeStart[r + 1] += 1 } }
        for r in 0..<(lastRow + 1) { mergeStart[r + 1] += mergeStart[r] }
        var fill = mergeStart
        var mergeIndices = [Int](repeating: 0, count: mergeStart[lastRow + 1])
        for (i, m) in sheet.merges.enumerated() {
            for r in m.first.row...m.last.row { mergeIndices[fill[r]] = i; fill[r] += 1 }
        }
        self.references = references
        self.values = values
        self.texts = texts
        self.keys = keys
        self.consumedFlags = .allocate(capacity: references.count)
        self.consumedFlags.initialize(repeating: false)
        self.rowStart = rowStart
        self.merges = sheet.merges
        self.mergeStart = mergeStart
        self.mergeIndices = mergeIndices
        self.keyIndex = keyIndex
        self.nextWithSameKey = next
        self.lastRow = max(lastRow, 0)
    }

    /// Where each row's cells start in `references` (row-major): cells of row r are `rowStart[r]..<rowStart[r + 1]`;
    /// a row without cells starts where the next row with cells starts.
    private static func rowStarts(_ references: [CellReference]) -> [Int] {
        let lastCellRow = references.last?.row ?? -1
        var rowStart = [Int](repeating: references.count, count: lastCellRow + 2)
        for (i, ref) in references.enumerated().reversed() { rowStart[ref.row] = i }
        if lastCellRow >= 0 {
            for r in stride(from: lastCellRow, through: 0, by: -1) where rowStart[r] == references.count {
                rowStart[r] = rowStart[r + 1]
            }
        }
        return rowStart
    }

    deinit { consumedFlags.deallocate() }

    /// Texts longer than this get no label key: no form's label, caption, unit line or title (which names a
    /// department) comes near it, and the cost of a cell stays bounded whatever is pasted into it.
    static let longestLabelBytes = 4_096

    static func isBlank(_ v: CellValue) -> Bool {
        if case .string(let s) = v { return TextNormalizer.trimmed(s).isEmpty }
        return false
    }

    var isEmpty: Bool { references.isEmpty }

    /// The runs of columns that hold something, left to right. A column separates two runs when it holds no
    /// non-blank cell and no merged area covers it: two tables side by side make two runs or more.
    ///
    /// ```swift
    /// grid.columnBands   // [0...4, 6...12]: something in A–E and in G–M, nothing in F
    /// ```
    var columnBands: [ClosedRange<Int>] {
        var last = -1
        for ref in references where ref.column > last { last = ref.column }
        guard last >= 0 else { return [] }
        var used = [Bool](repeating: false, count: last + 1)
        for ref in references { used[ref.column] = true }
        for merge in merges where merge.first.column <= last {
            for column in merge.first.column...min(merge.last.column, last) { used[column] = true }
        }
        var bands: [ClosedRange<Int>] = []
        var start: Int?
        for column in 0...last + 1 {
            if column <= last && used[column] {
                if start == nil { start = column }
            } else if let s = start {
                bands.append(s...(column - 1))
                start = nil
            }
        }
        return bands
    }

    /// The first row that holds a non-blank cell.
    var firstRow: Int? { references.first?.row }

    /// Every non-blank cell, row-major.
    var allReferences: [CellReference] { references }

    /// The index of the non-blank cell at (r, c).
    private func index(_ r: Int, _ c: Int) -> Int? {
        guard r >= 0, r + 1 < rowStart.count else { return nil }
        var lo = rowStart[r], hi = rowStart[r + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            let column = references[mid].column
            if column == c { return mid }
            if column < c { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    func value(_ r: Int, _ c: Int) -> CellValue? { index(r, c).map { values[$0] } }

    /// Text of a cell as written (trimmed); nil when blank.
    func text(_ r: Int, _ c: Int) -> String? {
        guard let i = index(r, c), !texts[i].isEmpty else { return nil }
        return texts[i]
    }

    /// The merged area a cell lies in, if any.
    func merge(at r: Int, _ c: Int) -> CellRange? {
        guard r >= 0, r + 1 < mergeStart.count else { return nil }
        for k in mergeStart[r]..<mergeStart[r + 1] {
            let m = merges[mergeIndices[k]]
            if m.first.column <= c && c <= m.last.column { return m }
        }
        return nil
    }

    /// The top-left cell of an area merged down over row `r` at column `c` from a row above (and below row `top`): the
    /// cell whose value stands in this row too. The one rule for merged cells in blocks of rows (level names, the
    /// other indicator columns, records).
    func mergedFromAbove(_ r: Int, _ c: Int, below top: Int = -1) -> CellReference? {
        guard let m = merge(at: r, c), m.first.row < r, m.first.row > top else { return nil }
        return m.first
    }

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
        guard let i = index(r, c), !keys[i].isEmpty else { return nil }
        return keys[i]
    }

    /// Non-blank cells in rows `rows`, row-major.
    func cells(inRows rows: ClosedRange<Int>) -> ArraySlice<CellReference> { references[indices(inRows: rows)] }

    /// The positions in `references` of the cells of `rows` (empty beyond the sheet).
    private func indices(inRows rows: ClosedRange<Int>) -> Range<Int> {
        guard !references.isEmpty else { return 0..<0 }
        let lower = min(max(rows.lowerBound, 0), rowStart.count - 1)
        let upper = min(max(rows.upperBound + 1, 0), rowStart.count - 1)
        guard lower < upper else { return 0..<0 }
        return rowStart[lower]..<rowStart[upper]
    }

    /// Indices of the cells carrying `key`, row-major.
    private func hits(_ key: String) -> [Int] {
        var out: [Int] = []
        var i = keyIndex[LabelKey(normalized: key)] ?? -1
        while i >= 0 { out.append(i); i = nextWithSameKey[i] }
        return out
    }

    /// Non-blank cells whose label key is `key`, row-major.
    func cells(withKey key: String) -> [CellReference] { hits(key).map { references[$0] } }

    /// Non-blank cells whose label key is one of `keys`, in no particular order.
    func cells(withKeyIn keys: Set<String>) -> [CellReference] { keys.flatMap { hits($0) }.map { references[$0] } }

    /// Each label key that occurs on the sheet, once.
    var distinctKeys: [String] { keyIndex.values.map { keys[$0] } }

    /// True when some non-blank cell has this label key.
    func hasKey(_ key: String) -> Bool { keyIndex[LabelKey(normalized: key)] != nil }

    /// Rows holding a cell whose label key is one of `keys`.
    func rows(withKeyIn keys: Set<String>) -> Set<Int> { Set(cells(withKeyIn: keys).map(\.row)) }

    /// The first unconsumed cell, row-major, in `rows` whose label key is one of `keys`.
    func firstUnconsumed(withKeyIn keys: Set<String>, rows: ClosedRange<Int>) -> CellReference? {
        var best: Int?
        for key in keys {
            // Hits are row-major: the first that qualifies is this key's earliest.
            var i = keyIndex[LabelKey(normalized: key)] ?? -1
            while i >= 0 && !(rows.contains(references[i].row) && !consumedFlags[i]) { i = nextWithSameKey[i] }
            if i >= 0, best.map({ i < $0 }) ?? true { best = i }
        }
        return best.map { references[$0] }
    }

    func hasCells(inRow r: Int) -> Bool { r >= 0 && r + 1 < rowStart.count && rowStart[r] < rowStart[r + 1] }

    /// Marks a cell as used by the table; blank cells are never reported as leftovers, so they need no mark.
    func consume(_ r: Int, _ c: Int) {
        if let i = index(r, c) { consumedFlags[i] = true }
    }

    /// The cells of `rows` that nothing took, with their texts, row-major (read off the flags, no lookup per cell).
    func unconsumedTexts(inRows rows: ClosedRange<Int>) -> [(reference: CellReference, text: String)] {
        var out: [(reference: CellReference, text: String)] = []
        for i in indices(inRows: rows) where !consumedFlags[i] && !texts[i].isEmpty { out.append((references[i], texts[i])) }
        return out
    }

    func isConsumed(_ ref: CellReference) -> Bool { index(ref.row, ref.column).map { consumedFlags[$0] } ?? false }

    func source(_ r: Int, _ c: Int) -> SourceCell { SourceCell(sheet: sheet.name, cell: CellReference(row: r, column: c).description) }
}
