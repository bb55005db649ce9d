/// Writes a `Workbook` grid as it is: every cell, every merge, sheet visibility and properties.
/// Used for round trips and for tools that transform grids.
public enum GridWriter {
    /// Writes the grid to `path` (atomically, like every output): cells, merges, sheet visibility — a very hidden sheet
    /// is written hidden, libxlsxwriter 1.1.4 has no very-hidden state — and document properties. Hidden rows and
    /// columns are not written.
    ///
    ///     try GridWriter.write(workbook, to: "copy.xlsx")
    public static func write(_ workbook: Workbook, to path: String) throws {
        let writer = try XLSXWriter(path: path)
        writer.setProperties(workbook.properties)
        for sheet in workbook.sheets {
            let out = try writer.addSheet(sheet.name)
            var mergeAnchors: [CellReference: CellRange] = [:]
            for m in sheet.merges { mergeAnchors[m.first] = m }
            var written = Set<CellReference>()
            for cell in sheet.cells {
                if let m = mergeAnchors[cell.reference], case .string(let s) = cell.value {
                    try out.merge(m, text: s)
                    mergeAnchors[cell.reference] = nil
                } else {
                    try out.write(cell.value, at: cell.reference)
                }
                written.insert(cell.reference)
            }
            for m in mergeAnchors.values.sorted() {
                try out.merge(m, text: "")
                if let cell = sheet.cells.first(where: { $0.reference == m.first }) { try out.write(cell.value, at: m.first) }
            }
            if sheet.state != .visible { try out.hide() }
        }
        try writer.close()
    }
}
