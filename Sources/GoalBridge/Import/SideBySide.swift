import GoalBridgeSpreadsheet

extension GoalImporter {
    /// A sheet's tables side by side — a column with nothing in it between them, no merged area across it — each
    /// as a piece of the sheet with its own columns and grid (coordinates kept, so every cell is still named as in
    /// the sheet). The whole sheet and `grid` when fewer than two runs of columns hold a table of their own: a run
    /// that holds none (notes to the right, a column the clerk cut off with an empty one inserted before it) stays
    /// with the table on its left; the columns left of the first table go with the first.
    ///
    /// ```swift
    /// importer.sideBySide(sheet, GridView(sheet), catalog.layouts, preferred: nil).count   // 2: A–E and G–M
    /// ```
    func sideBySide(_ sheet: Sheet, _ grid: GridView, _ candidates: [LayoutSpec], preferred: String?) -> [(sheet: Sheet, grid: GridView)] {
        let bands = grid.columnBands
        guard bands.count > 1 else { return [(sheet, grid)] }
        let starts = bands.filter { band in
            let piece = sheet.restricted(toColumns: band)
            let grid = GridView(piece, vocabulary: vocabulary)
            // A table whose anchor label is typed with its content (`项目名称：…`) is one too: read so in its piece.
            return detect(grid, candidates, preferred: preferred) != nil
                || detectSplittingLabels(piece, grid, candidates, preferred: preferred, after: nil) != nil
        }.map(\.lowerBound)
        guard starts.count > 1 else { return [(sheet, grid)] }
        return starts.indices.map { i in
            let piece = sheet.restricted(toColumns: (i == 0 ? 0 : starts[i])...(i + 1 < starts.count ? starts[i + 1] - 1 : Int.max))
            return (piece, GridView(piece, vocabulary: vocabulary))
        }
    }
}
