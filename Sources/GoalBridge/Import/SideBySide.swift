import GoalBridgeSpreadsheet

extension GoalImporter {
    /// A sheet's tables side by side — a column with nothing in it between them, no merged range across it — each
    /// as a piece of the sheet with its own columns (coordinates kept, so every cell is still named as in the sheet).
    /// The whole sheet when fewer than two runs of columns hold a table of their own: a run that holds none (notes
    /// to the right, a column the clerk cut off with an empty one inserted before it) stays with the table on its
    /// left; the columns left of the first table go with the first.
    ///
    /// ```swift
    /// importer.sideBySide(sheet, catalog.layouts).count   // 2: one table in A–E, one in H–L
    /// ```
    func sideBySide(_ sheet: Sheet, _ candidates: [LayoutSpec], preferred: String?) -> [Sheet] {
        let bands = sheet.columnBands
        guard bands.count > 1 else { return [sheet] }
        let starts = bands.filter { band in
            detect(GridView(sheet.restricted(toColumns: band), vocabulary: vocabulary), candidates, preferred: preferred) != nil
        }.map(\.lowerBound)
        guard starts.count > 1 else { return [sheet] }
        return starts.indices.map { i in
            sheet.restricted(toColumns: (i == 0 ? 0 : starts[i])...(i + 1 < starts.count ? starts[i + 1] - 1 : Int.max))
        }
    }
}
