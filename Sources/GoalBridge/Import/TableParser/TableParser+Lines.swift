import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// Which rows are lines of the form rather than data (a second header row, a note or signature, a line of column
// numbers), and what is kept of such lines and of stray cells.
extension TableParser {
    /// A row of a block's header texts only (its second header row: `符号 值 单位`), any cell merged down over it aside.
    func isSubHeaderRow(_ r: Int, _ headerKeys: [[String]]?) -> Bool {
        guard let headerKeys else { return false }
        let cells = grid.cells(inRows: r...r)
        return !cells.isEmpty && cells.allSatisfy { ref in
            guard let key = grid.labelKey(ref.row, ref.column) else { return false }
            return headerKeys.contains { $0.contains(key) }
        }
    }

    /// A row that starts with a note or signature line (`注：…`, `填报人：…`, vocabulary `noteLines`): it ends an
    /// indicator or record block.
    func isNoteRow(_ r: Int) -> Bool {
        guard let first = grid.cells(inRows: r...r).first, let t = grid.text(first.row, first.column) else { return false }
        return vocabulary.noteLine(t) != nil
    }

    /// A line that numbers the columns under a header, as fiscal forms print it (`1 2 3 …`, after `栏次` or `甲 乙`,
    /// vocabulary `columnNumberLabels`): three numbers or more, counting up from 1 or 2, and nothing else. It
    /// is part of the header: read as an indicator row it became 一级指标 “2”, 二级指标 “3” …
    /// A block's caption (`绩效指标` merged down the first column) may start on that line: `ignoring` is its column.
    func isColumnNumberRow(_ r: Int, ignoring captionColumn: Int? = nil) -> Bool {
        let cells = grid.cells(inRows: r...r)
        guard cells.count >= 3 else { return false }
        var previous: (number: Int, column: Int)?
        var numbers = 0
        for ref in cells where ref.column != captionColumn {
            guard let typed = grid.text(ref.row, ref.column) else { continue }
            // Full-width digits (`１ ２ ３`, EF BC 90–99) count as the ASCII ones.
            let text = typed.utf8.first == 0xEF && typed.utf8.count <= 9 ? TextNormalizer.halfWidth(typed) : typed
            if text.utf8.count <= 3, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(text) {
                // Each column its number: one more than the last, or as many more as columns lie between (a cell
                // merged over two columns numbered as two).
                if let p = previous {
                    guard n == p.number + 1 || n == p.number + ref.column - p.column else { return false }
                } else if n < 1 || n > 2 {
                    return false
                }
                previous = (n, ref.column)
                numbers += 1
            } else if previous == nil, let key = grid.labelKey(ref.row, ref.column), vocabulary.isColumnNumberLabel(key: key) {
                continue
            } else {
                return false
            }
        }
        return numbers >= 3
    }

    /// Note and signature lines right after the table (`注：…`, `填报人：张三  联系电话：…`) belong to it: kept as
    /// known lines (extras labelled by their words), up to the first row that is not one (the next table's title).
    mutating func readNoteLines() {
        var r = tableEnd + 1
        while r <= regionLimit {
            defer { r += 1 }
            let cells = grid.cells(inRows: r...r).filter { !grid.isConsumed($0) }
            if cells.isEmpty { continue }
            guard isNoteRow(r) else { break }
            for ref in cells { keepKnownLine(ref) }
            tableEnd = r
        }
    }

    /// The lines the layout declares known (`表号：…`), anywhere in the table: kept as extras labelled by their words,
    /// without a warning, before the title is looked for (a 表号 line above the title is not the title).
    mutating func readDeclaredLines(rows: ClosedRange<Int>) {
        guard let prefixes = spec.knownLines, !prefixes.isEmpty else { return }
        for ref in grid.cells(inRows: rows) where !grid.isConsumed(ref) {
            guard let text = grid.text(ref.row, ref.column), text.utf8.count <= 512,
                  let (label, value) = Vocabulary.knownLine(text, prefixes: prefixes) else { continue }
            grid.consume(ref.row, ref.column)
            draft.keepKnownLine(label, value, source: grid.source(ref.row, ref.column))
        }
    }

    /// A note or signature cell, kept as an extra with its label (no warning: every form has such lines); any other
    /// cell of such a row is a stray cell.
    mutating func keepKnownLine(_ ref: CellReference) {
        guard let text = grid.text(ref.row, ref.column) else { return }
        grid.consume(ref.row, ref.column)
        if let (label, value) = vocabulary.noteLine(text) {
            draft.keepKnownLine(label, value, source: grid.source(ref.row, ref.column))
        } else {
            keepStrayCell(ref, text)
        }
    }

    /// A cell no field took and no label explains: kept as an extra, with a warning naming it.
    mutating func keepStrayCell(_ ref: CellReference, _ text: String) {
        draft.extras.append(ExtraField(label: "", value: text, source: grid.source(ref.row, ref.column)))
        warn("extra-cell", "内容\(Diagnostic.quoted(text))没有对应的标准字段，已作为附加信息保留。请确认是否填错位置。", ref.row, ref.column)
    }
}
