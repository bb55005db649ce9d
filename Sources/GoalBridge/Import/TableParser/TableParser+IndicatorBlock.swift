import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// One indicator block read row by row: its columns found by header, the level names filled down where the form
// writes them once, the values read in whichever columns the form splits them into.
extension TableParser {
    /// A block column: its role and the indicator set it belongs to (长清 puts two sets side by side).
    struct ColumnKey: Hashable {
        var role: IndicatorRole
        var scope: String
    }

    /// Per-set state while reading rows: rows so far and the level names to fill down.
    struct ScopeState {
        var rows: [IndicatorRow] = []
        var previousL1: String?
        var previousL2: String?
        /// The cells the level names were read from, for the rows they are filled down into.
        var previousL1Source: SourceCell?
        var previousL2Source: SourceCell?
    }

    /// Where a block's columns are: each role of each set, unknown columns, row-number columns, and the last
    /// header row (the second one when the form groups columns under a caption such as `指标值`).
    struct BlockColumns {
        let blockScope: String
        let columns: [ColumnKey: Int]
        /// The block's set first, then any set beside it (长清's two sets side by side).
        let scopes: [String]
        let lastHeaderRow: Int
        /// Header cells the layout does not know, by column: their cells are kept as extras.
        let unknownColumns: [Int: String]
        /// A 序号 column the clerk added: row numbers when its cells count 1, 2, 3 … (checked once the block is read).
        let rowNumberColumns: [Int: (caption: String, header: CellReference)]
        /// Per set, the columns a 指标值 header is merged over beyond the value's own (the unit typed in a cell of its
        /// own beside the number, `≥95` | `%`): read after the value's, joined to it.
        let valueContinuations: [String: [Int]]

        /// The column of a role for a set; level names fall back to the block's shared column.
        func column(_ role: IndicatorRole, _ scope: String) -> Int? {
            columns[ColumnKey(role: role, scope: scope)]
                ?? ((role == .level1 || role == .level2) ? columns[ColumnKey(role: role, scope: blockScope)] : nil)
        }
    }

    /// The block's columns, found by their header texts on the header row (and the row under it for grouped
    /// columns): the layout's, those any form may add, row-number columns, and unknown ones (each said once).
    mutating func findBlockColumns(_ header: HeaderRow, until limit: Int) -> BlockColumns {
        let block = header.spec
        // Map columns to (role, set) by header text, in layout order; grouped columns may sit on a second header row.
        var columns: [ColumnKey: Int] = [:]
        var scopes: [String] = [block.scope]
        var lastHeaderRow = header.row
        var valueHeaders: [String: CellReference] = [:]
        let headerKeys = keys.columnHeaderKeys[block.scope]
        for (ci, col) in block.columns.enumerated() {
            let scope = col.scope ?? block.scope
            if !scopes.contains(scope) { scopes.append(scope) }
            let spellings = headerKeys?[ci] ?? col.header.map { TextNormalizer.labelKey($0) }
            // The layout's own spellings first, then those any form uses for the role (LayoutKeys.headerKeys): most
            // forms keep the layout's, and the longer list is searched only for a column not found so.
            func find(_ spellings: ArraySlice<String>) -> CellReference? {
                guard !spellings.isEmpty else { return nil }
                for r in [header.row, header.row + 1] where r <= limit {
                    if let ref = grid.cells(inRows: r...r).first(where: { ref in
                        grid.labelKey(ref.row, ref.column).map { spellings.contains($0) } == true && columns.values.contains(ref.column) == false
                    }) {
                        if r == header.row + 1 && col.group == nil { continue }
                        return ref
                    }
                }
                return nil
            }
            let ownCount = min(col.header.count, spellings.count)
            let hit = find(spellings.prefix(ownCount)) ?? find(spellings.dropFirst(ownCount))
            if let hit {
                columns[ColumnKey(role: col.role, scope: scope)] = hit.column
                if col.role == .value { valueHeaders[scope] = hit }
                grid.consume(hit.row, hit.column)
                lastHeaderRow = max(lastHeaderRow, hit.row)
            }
        }
        // Group captions (`指标值`) over sub-headers.
        for group in Set(block.columns.compactMap(\.group)) {
            let key = TextNormalizer.labelKey(group)
            for ref in grid.cells(inRows: header.row...header.row) where grid.labelKey(ref.row, ref.column) == key { grid.consume(ref.row, ref.column) }
        }
        // Header cells the layout does not know: their columns are kept as extras.
        var unknownColumns: [Int: String] = [:]
        // A 序号 column the clerk added: row numbers when its cells count 1, 2, 3 … (checked once the block is read).
        var rowNumberColumns: [Int: (caption: String, header: CellReference)] = [:]
        for r in header.row...lastHeaderRow {
            for ref in grid.cells(inRows: r...r) where !grid.isConsumed(ref) && ref.column != header.caption?.column {
                if let t = grid.text(ref.row, ref.column) {
                    // A column any form may add (权重/分值, 评（扣）分标准, 指标解释 …) that this layout lacks: read
                    // into its field for every row, not kept as an extra.
                    if let key = grid.labelKey(ref.row, ref.column), let name = vocabulary.indicatorColumnRole(forHeaderKey: key),
                       let role = IndicatorRole(rawValue: name), columns[ColumnKey(role: role, scope: block.scope)] == nil {
                        columns[ColumnKey(role: role, scope: block.scope)] = ref.column
                        grid.consume(ref.row, ref.column)
                        continue
                    }
                    if let key = grid.labelKey(ref.row, ref.column), vocabulary.isRowNumberHeader(key: key), rowNumberColumns[ref.column] == nil {
                        rowNumberColumns[ref.column] = (t, ref)
                        grid.consume(ref.row, ref.column)
                        continue
                    }
                    unknownColumns[ref.column] = t
                    grid.consume(ref.row, ref.column)
                    if let key = grid.labelKey(ref.row, ref.column),
                       headerKeys?.contains(where: { $0.contains(key) }) == true || (block.caption ?? []).contains(where: { TextNormalizer.labelKey($0) == key }) {
                        // A header the block already has (last year's table pasted beside this one): said as such.
                        warn("unknown-column", "指标表头\(Diagnostic.quoted(t))在本表中出现了两次，本列内容已作为附加信息保留。如果右侧是另一张表，请把它放到单独的工作表中。", ref.row, ref.column)
                    } else {
                        warnUnknownColumn(t, ref)
                    }
                }
            }
        }
        var valueContinuations: [String: [Int]] = [:]
        for (scope, ref) in valueHeaders {
            let units = ValueColumns.unitColumns(header: ref, merge: grid.merge(at: ref.row, ref.column)) { c in
                columns.values.contains(c) || unknownColumns[c] != nil || rowNumberColumns[c] != nil
            }
            if !units.isEmpty { valueContinuations[scope] = units }
        }
        return BlockColumns(blockScope: block.scope, columns: columns, scopes: scopes, lastHeaderRow: lastHeaderRow,
                            unknownColumns: unknownColumns, rowNumberColumns: rowNumberColumns, valueContinuations: valueContinuations)
    }

    mutating func parseBlock(_ header: HeaderRow, until limit: Int) -> [IndicatorSet] {
        let block = header.spec
        if let c = header.caption { grid.consume(c.row, c.column) }
        let found = findBlockColumns(header, until: limit)
        let (columns, scopes, lastHeaderRow) = (found.columns, found.scopes, found.lastHeaderRow)
        let (unknownColumns, rowNumberColumns) = (found.unknownColumns, found.rowNumberColumns)
        let headerKeys = keys.columnHeaderKeys[block.scope]
        func column(_ role: IndicatorRole, _ scope: String) -> Int? { found.column(role, scope) }
        let valueContinuations = found.valueContinuations.isEmpty ? [] : scopes.map { found.valueContinuations[$0] ?? [] }
        var blockColumns = Set(columns.values).union(unknownColumns.keys).union(rowNumberColumns.keys)
        for continuation in valueContinuations { blockColumns.formUnion(continuation) }
        let captionColumn = header.caption?.column
        let anyLevel1Column = scopes.compactMap { column(.level1, $0) }
        // The columns that make a row an indicator of its own: its levels and its name, in every set.
        let identifyingColumns = scopes.flatMap { scope in [column(.level1, scope), column(.level2, scope), column(.name, scope)].compactMap { $0 } }
        // Rows holding a label of the fixed rows (outside the caption column): such a row ends the block.
        // Found once through the grid's key index rather than by hashing every cell of every row.
        let fixedLabelRows = Set(grid.cells(withKeyIn: keys.fixed).filter { $0.column != captionColumn }.map(\.row))
        // Each set's column for each role, looked up by array index per row (no hashing per cell).
        let roles = IndicatorRole.allCases
        let valueRole = roles.firstIndex(of: .value)!
        let roleColumns: [[Int?]] = scopes.map { scope in roles.map { columns[ColumnKey(role: $0, scope: scope)] } }
        let hierarchyColumns: [(l1: Int?, l2: Int?)] = scopes.map { (column(.level1, $0), column(.level2, $0)) }
        let usesValueColumns: [Bool] = scopes.map { scope in
            [IndicatorRole.valueSymbol, .valueNumber, .valueUnit].contains { columns[ColumnKey(role: $0, scope: scope)] != nil }
        }
        // 指标值 in one column with 指标性质 and/or 度量单位 beside it (the budget system's forms): the three make one value.
        let combinesValue: [Bool] = scopes.map { scope in
            columns[ColumnKey(role: .value, scope: scope)] != nil && columns[ColumnKey(role: .valueNumber, scope: scope)] == nil
                && (columns[ColumnKey(role: .valueSymbol, scope: scope)] != nil || columns[ColumnKey(role: .valueUnit, scope: scope)] != nil)
        }
        let sortedUnknownColumns = unknownColumns.sorted(by: { $0.key < $1.key })
        let sortedRowNumberColumns = rowNumberColumns.keys.sorted()
        // Each row-number column's cells in order, with the indicator of their row (for the extra, if they are not
        // row numbers after all).
        var rowNumbers = [[(text: String, source: SourceCell, indicator: String?)]](repeating: [], count: sortedRowNumberColumns.count)

        var state = [ScopeState](repeating: ScopeState(), count: scopes.count)
        // At most one row per sheet row of the block: reserved so appending never regrows.
        for si in state.indices { state[si].rows.reserveCapacity(max(0, min(limit - lastHeaderRow, 256))) }
        var r = lastHeaderRow + 1
        tableEnd = max(tableEnd, lastHeaderRow)
        var underHeader = true
        while r <= limit {
            defer { r += 1 }
            guard grid.hasCells(inRow: r) || anyLevel1Column.contains(where: { grid.isMergeContinuation(r, $0) }) else { continue }
            if isHeaderRow(r, block) || (underHeader && isColumnNumberRow(r, ignoring: captionColumn)) {
                for ref in grid.cells(inRows: r...r) { grid.consume(ref.row, ref.column) }
                tableEnd = r
                underHeader = true
                // A header repeated whole (page 2) has its second row too (`符号 值 单位` under `指标值`): header
                // texts only, not an indicator.
                var depth = lastHeaderRow - header.row
                while depth > 0, r + 1 <= limit, isSubHeaderRow(r + 1, headerKeys) {
                    depth -= 1
                    r += 1
                    for ref in grid.cells(inRows: r...r) { grid.consume(ref.row, ref.column) }
                    tableEnd = r
                }
                continue
            }
            underHeader = false
            let rowCells = grid.cells(inRows: r...r)
            if grid.isContinuationRow(r) {
                // `（续）` over a header repeated on the next page: a line of the form, the block goes on.
                for ref in rowCells { grid.consume(ref.row, ref.column) }
                tableEnd = r
                continue
            }
            if fixedLabelRows.contains(r) { break }
            if isNoteRow(r) { break }
            // After a blank row, a row with no level and no name of its own, written or merged down over it (a note
            // typed under the table in the 指标值 column, `见附件`), is no indicator: it was read as one more
            // satisfaction target. The block ends; the row is the table's still, its cells kept as extras with a
            // warning each (`collectExtras`).
            if r > tableEnd + 1, !rowCells.contains(where: { identifyingColumns.contains($0.column) }),
               !identifyingColumns.contains(where: { grid.isMergeContinuation(r, $0) }) {
                tableEnd = r
                break
            }
            // A title merged across the block ends it: a first cell merged over three columns or more, wider than the
            // header over its column (a 指标值 written over four merged columns under a header as wide is data), and
            // not a level 1 merged no further than the level-2 column (`满意度指标` over both, a column inserted between).
            if let first = rowCells.first, let m = grid.merge(at: r, first.column), m.first.row == r, m.columnCount >= 3,
               m.columnCount > (grid.merge(at: header.row, first.column)?.columnCount ?? 1),
               !hierarchyColumns.contains(where: { $0.l1 == m.first.column && ($0.l2.map { m.last.column <= $0 } ?? false) }) { break }
            if !rowCells.contains(where: { blockColumns.contains($0.column) || $0.column == captionColumn }) && rowCells.isEmpty == false { break }
            if let cc = captionColumn { grid.consume(r, cc) }

            var extraValues: [(String, String, SourceCell)] = []
            for (c, caption) in sortedUnknownColumns {
                grid.consume(r, c)
                if let t = grid.text(r, c) { extraValues.append((caption, t, grid.source(r, c))) }
            }
            var rowNumberTexts: [(Int, String, SourceCell)] = []
            for (i, c) in sortedRowNumberColumns.enumerated() {
                grid.consume(r, c)
                if let t = grid.text(r, c) { rowNumberTexts.append((i, t, grid.source(r, c))) }
            }
            var primaryName: String?
            for (si, scope) in scopes.enumerated() {
                let (l1Column, l2Column) = hierarchyColumns[si]
                func hierarchyText(_ column: Int?) -> (text: String?, explicit: Bool, source: SourceCell?, column: Int?) {
                    guard let c = column else { return (nil, false, nil, nil) }
                    grid.consume(r, c)
                    if let t = grid.text(r, c) { return (t, true, grid.source(r, c), c) }
                    if let m = grid.mergedFromAbove(r, c) {
                        return (grid.text(m.row, m.column), false, grid.source(m.row, m.column), c)
                    }
                    return (nil, false, nil, c)
                }
                let l1 = hierarchyText(l1Column)
                var l2 = hierarchyText(l2Column)
                // A level-1 cell merged across the level-2 column (`满意度指标` over both, on one row or several): the
                // level-2 cell shows that name. Taken as the level-2 name, on every row of the merge alike, when the
                // vocabulary has it under that level 1 (满意度指标 → 服务对象满意度指标); otherwise the level 2 is not
                // filled, and the review says so.
                if !l2.explicit, let c2 = l2Column, let c1 = l1Column, c1 < c2, let m = grid.merge(at: r, c2),
                   m.first.column == c1 {
                    let t = grid.text(m.first.row, m.first.column)
                    l2 = t.flatMap { vocabulary.canonicalLevel2($0, under: vocabulary.canonicalLevel1($0)) } != nil
                        ? (t, false, grid.source(m.first.row, m.first.column), c2) : (nil, false, nil, c2)
                }
                // Sized for a full row up front (growing 1 → 2 → 4 → 8 rehashed every key three times).
                var sources = [String: SourceCell](minimumCapacity: 8)
                // Texts by role index (level 1 and 2 are read above).
                var fields = [String?](repeating: nil, count: roles.count)
                var anyField = false
                for (ri, role) in roles.enumerated() where role != .level1 && role != .level2 {
                    guard let c = roleColumns[si][ri] else { continue }
                    grid.consume(r, c)
                    if let t = grid.text(r, c) {
                        fields[ri] = t
                        anyField = true
                        sources[role.rawValue] = grid.source(r, c)
                    } else if let m = grid.mergedFromAbove(r, c, below: lastHeaderRow), let t = grid.text(m.row, m.column) {
                        // A cell merged down over several indicators (one 指标值确定依据 for all, one value for two)
                        // stands in every row it covers, as in a record block; it alone does not make a row.
                        fields[ri] = t
                        sources[role.rawValue] = grid.source(m.row, m.column)
                    }
                }
                for c in valueContinuations.isEmpty ? [] : valueContinuations[si] {
                    grid.consume(r, c)
                    guard let t = grid.text(r, c) else { continue }
                    if fields[valueRole] == nil { sources["value"] = grid.source(r, c) }
                    fields[valueRole] = (fields[valueRole] ?? "") + t
                    anyField = true
                }
                func field(_ role: IndicatorRole) -> String? { fields[roles.firstIndex(of: role)!] }
                let extras = scope == block.scope ? extraValues : []
                // A row with only level names is an unused skeleton row of the template: not an indicator.
                guard anyField || !extras.isEmpty else {
                    if l2.explicit || l1.explicit {
                        diagnostics.append(Diagnostic(.info, "empty-indicator-row", "“\(l1.text ?? state[si].previousL1 ?? "")/\(l2.text ?? "")”下的空白指标行已跳过。",
                                                      file: file, sheet: grid.sheet.name, cell: CellReference(row: r, column: l2.column ?? 0).description))
                        state[si].previousL1 = l1.text ?? state[si].previousL1
                        state[si].previousL2 = l2.text ?? state[si].previousL2
                        if let s = l1.source { state[si].previousL1Source = s }
                        if let s = l2.source { state[si].previousL2Source = s }
                    }
                    continue
                }
                tableEnd = r
                let level1Raw = l1.text ?? (l1.explicit ? "" : state[si].previousL1 ?? "")
                let sameGroup = level1Raw == (state[si].previousL1 ?? "\u{0}")
                let l2FilledDown = l2.text == nil && (sameGroup || l1.column == nil)
                let level2Raw = l2.text ?? (l2FilledDown ? state[si].previousL2 ?? "" : "")
                // A level name read in this row has its cell as source; one filled down into a blank (written once
                // per group) has the cell it came from, marked as inferred. Under a merged cell, none: the merged
                // cell stands in every row (a source on every row of every merged group made the stored model a
                // tenth larger, and collecting slower, for nothing a reviewer needs).
                if l1.explicit, let s = l1.source { sources["level1"] = s }
                else if l1.source == nil, l1.text == nil, !level1Raw.isEmpty, let s = state[si].previousL1Source { sources["level1"] = s.asFilledDown }
                if l2.explicit, let s = l2.source { sources["level2"] = s }
                else if l2.source == nil, l2FilledDown, !level2Raw.isEmpty, let s = state[si].previousL2Source { sources["level2"] = s.asFilledDown }
                if let s = l1.source { state[si].previousL1Source = s }
                if let s = l2.source { state[si].previousL2Source = s } else if !l2FilledDown { state[si].previousL2Source = nil }
                state[si].previousL1 = level1Raw
                state[si].previousL2 = level2Raw

                let value: IndicatorValue
                if combinesValue[si] {
                    let combined = ValueColumns.combined(nature: field(.valueSymbol), value: field(.value), unit: field(.valueUnit), vocabulary: vocabulary)
                    value = combined.value
                    if let s = sources["value"] ?? sources["valueSymbol"] ?? sources["valueUnit"] { sources["value"] = s }
                    if let nature = combined.unknownNature, let s = sources["valueSymbol"] {
                        draft.extras.append(ExtraField(label: "指标性质（指标“\(field(.name) ?? "")”）", value: nature, source: s))
                        warn("unknown-value-nature", "指标性质\(Diagnostic.quoted(nature))无法识别（应为定性、定量，或大于等于、小于等于等），指标值已按原文读取，该内容作为附加信息保留。",
                             r, CellReference(s.cell)?.column ?? 0)
                    }
                } else if usesValueColumns[si] {
                    value = ValueColumns.value(symbol: field(.valueSymbol) ?? "", number: field(.valueNumber) ?? "", unit: field(.valueUnit) ?? "",
                                               vocabulary: vocabulary)
                    if let s = sources["valueSymbol"] ?? sources["valueNumber"] ?? sources["valueUnit"] { sources["value"] = s }
                } else {
                    value = IndicatorValue(raw: field(.value) ?? "")
                }
                let canonical1 = vocabulary.canonicalLevel1(level1Raw)
                let canonical2 = vocabulary.canonicalLevel2(level2Raw, under: canonical1)
                if canonical1 == nil && !level1Raw.isEmpty && l1.explicit {
                    warn("unknown-level1", "一级指标\(Diagnostic.quoted(level1Raw))不在指标体系中（应为成本指标、产出指标、效益指标或满意度指标），已按原文保留。", r, l1.column ?? 0)
                }
                if canonical2 == nil && !level2Raw.isEmpty && l2.explicit {
                    warn("unknown-level2", "二级指标\(Diagnostic.quoted(level2Raw))不在指标体系中，已按原文保留。", r, l2.column ?? 0)
                }
                let name = field(.name) ?? ""
                if scope == block.scope { primaryName = name }
                state[si].rows.append(IndicatorRow(level1Raw: level1Raw, level1: canonical1, level2Raw: level2Raw, level2: canonical2,
                                                   name: name, description: field(.description), value: value, basis: field(.basis),
                                                   scoringRule: field(.scoringRule), weight: field(.weight), remark: field(.remark),
                                                   sources: sources.isEmpty ? nil : sources))
            }
            for (caption, text, source) in extraValues { keepUnknownColumnValue(caption, text, source, indicator: primaryName) }
            for (i, text, source) in rowNumberTexts { rowNumbers[i].append((text, source, primaryName)) }
        }
        settleRowNumberColumns(found, sortedRowNumberColumns.enumerated().map { i, c in (c, rowNumbers[i]) })
        checkValueColumnsAgainstUnknown(found, block, sets: state.map(\.rows))
        // The block's own set always; a side-by-side set only when it has rows.
        return scopes.enumerated().compactMap { si, scope in
            let rows = state[si].rows
            guard scope == block.scope || !rows.isEmpty else { return nil }
            return IndicatorSet(scope: IndicatorScope(rawValue: scope) ?? .annual, rows: rows)
        }
    }

    /// Each row-number column, once the block is read: a count (1, 2, 3 …) is said and not kept; anything else
    /// (`A01`, a number twice, a gap) is an unknown column like any other, every cell kept.
    mutating func settleRowNumberColumns(_ found: BlockColumns,
                                         _ cells: [(column: Int, cells: [(text: String, source: SourceCell, indicator: String?)])]) {
        for (c, numbers) in cells {
            let (caption, headerCell) = found.rowNumberColumns[c]!
            if let count = Self.countedRowNumbers(numbers.map(\.text)) {
                diagnostics.append(Diagnostic(.info, "row-numbers", "\(Diagnostic.quoted(caption))列是指标的行号（共 \(count) 行，依次编号），已核对，不另保存。",
                                              file: file, sheet: grid.sheet.name, cell: headerCell.description))
            } else {
                warnUnknownColumn(caption, headerCell)
                for (text, source, indicator) in numbers { keepUnknownColumnValue(caption, text, source, indicator: indicator) }
            }
        }
    }

    /// A value column empty on every row while a column the layout does not know is filled on most: the values
    /// are in that column, and the layout is not this table's (a contradiction: the table is uncertain).
    mutating func checkValueColumnsAgainstUnknown(_ found: BlockColumns, _ block: IndicatorBlockSpec, sets: [[IndicatorRow]]) {
        let lastHeaderRow = found.lastHeaderRow
        for (si, scope) in found.scopes.enumerated() where sets[si].count >= 2 && sets[si].allSatisfy({ $0.value.raw.isEmpty }) {
            // The layout has a value column for this set (found on the sheet or not).
            guard block.columns.contains(where: { ($0.scope ?? block.scope) == scope && [.value, .valueNumber, .valueUnit].contains($0.role) }) else { continue }
            for (c, caption) in found.unknownColumns.sorted(by: { $0.key < $1.key }) {
                let filled = (lastHeaderRow + 1...max(tableEnd, lastHeaderRow + 1)).filter { grid.text($0, c) != nil }.count
                if filled * 2 >= sets[si].count {
                    contradictions.append("“指标值”列全部为空，而版式不认识的“\(caption)”列（\(CellReference.columnName(c)) 列）填了 \(filled) 行")
                    break
                }
            }
        }
    }

    /// A header the layout does not know: its column is kept as extras, said once at the header.
    mutating func warnUnknownColumn(_ caption: String, _ header: CellReference) {
        warn("unknown-column", "指标表头\(Diagnostic.quoted(caption))不在版式“\(spec.name)”中，本列内容已作为附加信息保留。", header.row, header.column)
    }

    /// A cell of a column the layout does not know, kept as an extra of the table with a warning naming it.
    mutating func keepUnknownColumnValue(_ caption: String, _ text: String, _ source: SourceCell, indicator: String?) {
        draft.extras.append(ExtraField(label: "\(caption)（指标“\(indicator ?? "")”）", value: text, source: source))
        let cell = CellReference(source.cell) ?? CellReference(row: 0, column: 0)
        warn("unknown-column-value", "“\(caption)”列的内容\(Diagnostic.quoted(text))没有对应字段，已作为附加信息保留。", cell.row, cell.column)
    }

    /// The number of rows when `texts` count the rows: whole numbers from 1, each one more than the one before or
    /// 1 again (numbered anew under each level-1 indicator); nil for anything else, or for no number at all.
    ///
    ///     countedRowNumbers(["1", "2", "3", "1", "2"])   // 5
    ///     countedRowNumbers(["1", "3"])                  // nil
    static func countedRowNumbers(_ texts: [String]) -> Int? {
        var previous = 0
        for text in texts {
            guard let n = Int(TextNormalizer.trimmed(text)), n == 1 || n == previous + 1 else { return nil }
            previous = n
        }
        return texts.isEmpty ? nil : texts.count
    }
}
