import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// Where the indicator blocks are: their header rows, the captions that name them, and the rows each block spans.
extension TableParser {
    /// A header row found in the sheet and the block spec it belongs to.
    struct HeaderRow {
        var row: Int
        var spec: IndicatorBlockSpec
        var caption: CellReference?
    }

    func captionTop(_ h: HeaderRow) -> Int {
        guard let c = h.caption else { return h.row }
        return min(grid.merge(at: c.row, c.column)?.first.row ?? c.row, h.row)
    }

    func isHeaderRow(_ r: Int, _ block: IndicatorBlockSpec) -> Bool { headerRows.contains(r) }

    /// Header rows after the anchor, each assigned to a block by its caption, else in layout order.
    func findHeaderRows(_ blocks: [IndicatorBlockSpec]) -> [HeaderRow] {
        guard let first = blocks.first else { return [] }
        var found: [HeaderRow] = []
        var nextBlock = 0
        var r = anchor.row
        while r <= regionLimit {
            if grid.hasCells(inRow: r) && isHeaderRow(r, first) {
                // Repeated headers (page breaks) inside a block are skipped later; a header is a new block
                // only when a caption names another block, or the previous block has rows between.
                let caption = captionCell(near: r, blocks)
                var assigned: IndicatorBlockSpec?
                if let (ref, spec) = caption {
                    // The same block's header again with its caption (repeated for printing, after a 续表 line):
                    // the block goes on; no layout has two blocks of one scope in a row.
                    if found.last?.spec.scope == spec.scope { r += 1; continue }
                    assigned = spec
                    found.append(HeaderRow(row: r, spec: spec, caption: ref))
                } else if found.isEmpty, nextBlock < blocks.count {
                    assigned = blocks[nextBlock]
                    found.append(HeaderRow(row: r, spec: blocks[nextBlock], caption: nil))
                }
                if let assigned, let i = blocks.firstIndex(where: { $0.scope == assigned.scope }) { nextBlock = i + 1 }
            }
            r += 1
        }
        return found
    }

    /// A caption cell (`年度绩效指标`) on or just above row `r`, with the block it names.
    func captionCell(near r: Int, _ blocks: [IndicatorBlockSpec]) -> (CellReference, IndicatorBlockSpec)? {
        for row in stride(from: r, through: max(r - 1, regionStart), by: -1) {
            for ref in grid.cells(inRows: row...row) {
                guard let key = grid.labelKey(ref.row, ref.column) else { continue }
                for b in blocks where (b.caption ?? []).map({ TextNormalizer.labelKey($0) }).contains(key) { return (ref, b) }
            }
        }
        // A caption that starts just below the header row (平阴: the header's first cell is blank), or below the
        // column-number line under it.
        let below = isColumnNumberRow(r + 1) ? r + 2 : r + 1
        for ref in grid.cells(inRows: below...below) where ref.column == 0 {
            guard let key = grid.labelKey(ref.row, ref.column) else { continue }
            for b in blocks where (b.caption ?? []).map({ TextNormalizer.labelKey($0) }).contains(key) { return (ref, b) }
        }
        // A caption merged down over the header row from above.
        for c in 0..<max(spec.columnCount, 1) {
            if let m = grid.merge(at: r, c), m.first.row < r, let key = grid.labelKey(m.first.row, m.first.column) {
                for b in blocks where (b.caption ?? []).map({ TextNormalizer.labelKey($0) }).contains(key) { return (m.first, b) }
            }
        }
        return nil
    }

    mutating func parseIndicatorBlocks(_ blocks: [IndicatorBlockSpec], _ headers: [HeaderRow]) {
        for (i, header) in headers.enumerated() {
            let end = i + 1 < headers.count ? captionTop(headers[i + 1]) - 1 : regionLimit
            draft.indicatorSets += parseBlock(header, until: end)
        }
    }
}
