import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// Record blocks: rows of records under a header (聊城's strategic and performance tables, 永清's duties).
extension TableParser {
    /// A header cell matches a spelling exactly, or with a parenthetical after it (`标准值 (规划目标…)`).
    func headerMatches(_ key: String, _ aliases: [String]) -> Bool {
        aliases.contains { a in
            let k = TextNormalizer.labelKey(a)
            return key == k || key.hasPrefix(k + "（")
        }
    }

    /// Text of a header position, the merged area's text for a covered cell.
    func headerKey(_ r: Int, _ c: Int) -> String? {
        if let k = grid.labelKey(r, c) { return k }
        if let m = grid.merge(at: r, c) { return grid.labelKey(m.first.row, m.first.column) }
        return nil
    }

    func isRecordHeaderRow(_ r: Int, _ block: RecordBlockSpec) -> Bool {
        let cells = grid.cells(inRows: r...r)
        let hits = block.columns.filter { col in cells.contains { headerMatches(grid.labelKey($0.row, $0.column) ?? "", col.header[0]) } }.count
        return hits >= min(3, block.columns.count)
    }

    func findRecordHeader(_ block: RecordBlockSpec) -> Int? {
        var r = max(regionStart, anchor.row)
        while r <= regionLimit {
            if grid.hasCells(inRow: r) && isRecordHeaderRow(r, block) { return r }
            r += 1
        }
        return nil
    }

    /// True for a row made only of header texts (page-repeated header rows).
    func isHeaderOnlyRow(_ r: Int, _ block: RecordBlockSpec) -> Bool {
        let cells = grid.cells(inRows: r...r)
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { ref in
            let key = grid.labelKey(ref.row, ref.column) ?? ""
            return block.columns.contains { col in col.header.contains { headerMatches(key, $0) } }
        }
    }

    mutating func parseRecords(_ block: RecordBlockSpec, header h: Int) {
        let depth = block.depth
        // The caption beside the header (merged down over the records) is the block's, not a record's.
        let captionKeys = Set((block.caption ?? []).map { TextNormalizer.labelKey($0) })
        for ref in grid.cells(inRows: h...h) where captionKeys.contains(grid.labelKey(ref.row, ref.column) ?? "") { grid.consume(ref.row, ref.column) }
        let headerRows = h...min(h + depth, regionLimit)
        var columns: [String: Int] = [:]
        var used = Set<Int>()
        var lastHeaderRow = h
        for col in block.columns {
            let leaf = col.header[col.header.count - 1]
            var hit: (Int, Int)?
            search: for c in 0...max(grid.cells(inRows: headerRows).map(\.column).max() ?? 0, 0) where !used.contains(c) {
                for r in headerRows {
                    guard let key = headerKey(r, c), headerMatches(key, leaf) else { continue }
                    // Every level above must name this column's parents.
                    let parentsMatch = col.header.dropLast().enumerated().allSatisfy { k, aliases in
                        headerKey(h + k, c).map { headerMatches($0, aliases) } ?? false
                    }
                    if parentsMatch { hit = (r, c); break search }
                }
            }
            if let (r, c) = hit {
                columns[col.field] = c
                used.insert(c)
                lastHeaderRow = max(lastHeaderRow, grid.merge(at: r, c)?.last.row ?? r)
                if let captionField = col.captionField, let text = grid.text(r, c) ?? grid.merge(at: r, c).flatMap({ grid.text($0.first.row, $0.first.column) }) {
                    // Which spelling the form uses, as the layout spells it (`填报\n科室` is 填报科室); the text as
                    // written when it is a spelling with a qualifier after it.
                    let key = TextNormalizer.labelKey(text)
                    draft.set(captionField, leaf.first { TextNormalizer.labelKey($0) == key } ?? text)
                }
            }
        }
        for ref in grid.cells(inRows: h...lastHeaderRow) { grid.consume(ref.row, ref.column) }
        tableEnd = max(tableEnd, lastHeaderRow)
        let fixedKeys = keys.fixed
        var previous: [String: String] = [:]
        var previousSources: [String: SourceCell] = [:]
        var r = lastHeaderRow + 1
        var underHeader = true
        while r <= regionLimit {
            defer { r += 1 }
            guard grid.hasCells(inRow: r) else { continue }
            if isHeaderOnlyRow(r, block) || (underHeader && isColumnNumberRow(r)) {
                for ref in grid.cells(inRows: r...r) { grid.consume(ref.row, ref.column) }
                tableEnd = r
                underHeader = true
                continue
            }
            underHeader = false
            if grid.isContinuationRow(r) {
                for ref in grid.cells(inRows: r...r) { grid.consume(ref.row, ref.column) }
                tableEnd = r
                continue
            }
            if grid.cells(inRows: r...r).contains(where: { fixedKeys.contains(grid.labelKey($0.row, $0.column) ?? "") || keys.isAnchor(grid.labelKey($0.row, $0.column) ?? "") }) { break }
            if isNoteRow(r) { break }
            var record: [String: String] = [:]
            var sources: [String: SourceCell] = [:]
            var content = false
            for col in block.columns {
                guard let c = columns[col.field] else { continue }
                grid.consume(r, c)
                if let t = grid.text(r, c) {
                    record[col.field] = t
                    sources[col.field] = grid.source(r, c)
                    // A row number alone is the form's, not the department's (a template's unused rows, 13 14 15).
                    if !(col.fillDown ?? false) && !TableDraft.printedRecordFields.contains(col.field) { content = true }
                } else if let m = grid.mergedFromAbove(r, c) {
                    // Merged from above: the value covers this row, in any column. Its source is the cell it is in.
                    record[col.field] = grid.text(m.row, m.column)
                    sources[col.field] = grid.source(m.row, m.column)
                } else if col.fillDown ?? false, let value = previous[col.field] {
                    // A column written once per group (职责序号, 部门职责, 职责目标): a blank repeats the group's value,
                    // from the cell it was read in. Other blanks (科室, 子职责, 备注) stay blank: there they mean empty.
                    record[col.field] = value
                    sources[col.field] = previousSources[col.field]?.asFilledDown
                }
            }
            guard content else {
                if let field = TableDraft.printedRecordFields.sorted().first(where: { record[$0] != nil && sources[$0]?.filledDown == nil }),
                   let seq = record[field], let source = sources[field] {
                    tableEnd = r
                    diagnostics.append(Diagnostic(.info, "empty-record-row", "序号“\(seq)”所在行没有填写内容，已跳过。",
                                                  file: file, sheet: source.sheet, cell: source.cell))
                }
                continue
            }
            tableEnd = r
            for col in block.columns where col.fillDown ?? false {
                previous[col.field] = record[col.field]
                previousSources[col.field] = sources[col.field]
            }
            draft.records.append(record)
            draft.recordSources.append(sources)
        }
    }
}
