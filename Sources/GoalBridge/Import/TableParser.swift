import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Reads one table out of a sheet region, following a layout. The region runs from `regionStart`
/// (just after the previous table) to `regionLimit` (just before the next table's anchor).
struct TableParser {
    let spec: LayoutSpec
    let keys: LayoutKeys
    let grid: GridView
    let vocabulary: Vocabulary
    let file: String?
    let regionStart: Int
    let anchor: CellReference
    let regionLimit: Int

    private(set) var diagnostics: [Diagnostic] = []
    /// What the table says against the layout it is read with (a 年度 header over the column the layout calls
    /// 中期; a 指标值 column left empty beside a full column the layout does not know): such a table is uncertain,
    /// whatever its score.
    private(set) var contradictions: [String] = []
    /// The last row that belongs to the table.
    private(set) var tableEnd: Int
    private var draft = TableDraft()
    /// The title cell's text and where it was, kept even when the title is the layout's default (and so not a
    /// field of its own): the year may be in it.
    private var titleCell: (text: String, source: SourceCell)?
    /// Rows with both a level-1 and a level-2 column header: the indicator blocks' header rows.
    private let headerRows: Set<Int>

    init(spec: LayoutSpec, keys: LayoutKeys, grid: GridView, vocabulary: Vocabulary, file: String?, regionStart: Int, anchor: CellReference, regionLimit: Int) {
        self.spec = spec
        self.keys = keys
        self.grid = grid
        self.vocabulary = vocabulary
        self.file = file
        self.regionStart = regionStart
        self.anchor = anchor
        self.regionLimit = regionLimit
        self.tableEnd = anchor.row
        self.headerRows = grid.rows(withKeyIn: keys.level1Headers).intersection(grid.rows(withKeyIn: keys.level2Headers))
    }

    private mutating func warn(_ code: String, _ message: String, _ r: Int, _ c: Int) {
        diagnostics.append(Diagnostic(.warning, code, message, file: file, sheet: grid.sheet.name,
                                      cell: CellReference(row: r, column: c).description))
    }

    mutating func parse() -> TableDraft {
        let blocks = spec.rows.compactMap { if case .indicators(let b) = $0 { return b } else { return nil } }
        let recordBlock = spec.rows.lazy.compactMap { if case .records(let b) = $0 { return b } else { return nil } }.first
        let headers = findHeaderRows(blocks)
        let recordHeader = recordBlock.flatMap { findRecordHeader($0) }
        if keys.fixedRowsFollowRecords {
            // Records between fixed rows (年度主要任务 above the budget rows): the records first, up to the next fixed
            // label, then the fixed rows around them, up to the indicator block.
            if let recordBlock, let recordHeader { parseRecords(recordBlock, header: recordHeader) }
            let fixedEnd = (headers.first.map { captionTop($0) } ?? regionLimit + 1) - 1
            parseFixedRows(until: max(fixedEnd, anchor.row))
            tableEnd = max(tableEnd, fixedEnd)
            parseIndicatorBlocks(blocks, headers)
        } else {
            let fixedEnd = (recordHeader ?? headers.first.map { captionTop($0) } ?? regionLimit + 1) - 1
            parseFixedRows(until: max(fixedEnd, anchor.row))
            if spec.kind == .project { readGoalItems(rows: regionStart...max(fixedEnd, anchor.row)) }
            parseIndicatorBlocks(blocks, headers)
            if let recordBlock, let recordHeader { parseRecords(recordBlock, header: recordHeader) }
            tableEnd = max(tableEnd, fixedEnd)
        }
        readNoteLines()
        readLabelsWithContent(rows: regionStart...max(tableEnd, regionStart))
        inferFromTitleAndLabels(rows: regionStart...max(tableEnd, regionStart))
        convertAmountsWrittenInAnotherUnit()
        collectExtras(rows: regionStart...max(tableEnd, regionStart))
        return draft
    }

    /// An amount the clerk wrote with a unit other than the one the table states (`8539400元` under `项目资金（万元）`):
    /// the number in the table's unit, computed in decimal (÷ or × 10,000), the text kept, with a note. Read as it
    /// stood, the total was ten thousand times what the department asked for, and nothing said so.
    private mutating func convertAmountsWrittenInAnotherUnit() {
        guard let tableUnit = draft.text("amountUnit"), tableUnit == "万元" || tableUnit == "元" else { return }
        // Nearly every amount is a bare number: only those written with a unit are looked at (in field order, for
        // the notes' order).
        let written = draft.fields.compactMap { name, field -> (name: String, amount: Amount, value: Decimal, unit: String)? in
            guard case .amount(let amount) = field, let value = amount.value, value != 0,
                  let unit = FormText.amountUnit(writtenAfter: amount.raw), unit != tableUnit else { return nil }
            return (name, amount, value, unit)
        }
        for (name, var amount, value, unit) in written.sorted(by: { $0.name < $1.name }) {
            let converted = unit == "元" ? value / 10_000 : value * 10_000
            amount.value = converted
            draft.fields[name] = .amount(amount)
            diagnostics.append(Diagnostic(.info, "amount-unit-converted",
                                          "金额\(Diagnostic.quoted(amount.raw))以\(unit)填写，本表金额单位为\(tableUnit)，已读作 \(converted) \(tableUnit)。",
                                          file: file, sheet: grid.sheet.name, cell: draft.fieldSources[name]?.cell))
        }
    }

    // MARK: Fixed rows

    /// First unconsumed cell in rows `rows` whose label key is one of `keys`.
    private func find(_ keys: Set<String>, rows: ClosedRange<Int>) -> CellReference? {
        grid.firstUnconsumed(withKeyIn: keys, rows: rows)
    }

    private mutating func parseFixedRows(until lastRow: Int) {
        guard regionStart <= lastRow else { return }
        let rows = regionStart...lastRow
        readDeclaredLines(rows: regionStart...max(lastRow, regionLimit))
        let (groups, statics, titleField) = keys.fixedGroups
        for text in statics {
            if let template = keys.template(text) {
                readTemplate(template, rows: rows)
            } else if let ref = find([TextNormalizer.labelKey(text)], rows: rows) {
                grid.consume(ref.row, ref.column)
            }
        }
        readPeriodLabelledFunds(rows: rows)
        for group in groups {
            guard let label = find(group.keys, rows: rows) else { continue }
            grid.consume(label.row, label.column)
            var columns: [Int: Int] = [:]
            for (field, offset) in group.fields {
                let r = label.row + offset
                var column = columns[offset] ?? grid.nextColumn(after: r, label.column)
                // An inserted empty column: after a one-field label, or in a row of fields under their captions.
                let beyond = group.fields.count == 1 ? valueBeyondEmptyColumns(r, column)
                    : offset > 0 ? fieldBeyondInsertedColumns(r, column) : nil
                if let beyond {
                    diagnostics.append(Diagnostic(.info, "value-beyond-empty-column",
                                                  "\(Diagnostic.quoted(grid.text(label.row, label.column) ?? ""))与其内容之间隔着空列，已读取 \(CellReference(row: r, column: beyond)) 的内容。",
                                                  file: file, sheet: grid.sheet.name, cell: CellReference(row: r, column: beyond).description))
                    column = beyond
                }
                read(field, at: r, column)
                columns[offset] = grid.nextColumn(after: r, column)
            }
            readContinuationLines(of: label, group)
        }
        placeFundsByColumnHeader(rows: rows)
        parseSpendingPlan(rows: rows)
        if let titleField, let name = titleField.field {
            // The title is the first text above the anchor that no label took and that is no note line (a 表号 over
            // the title's right end is the form's number, kept as a known line).
            let above = grid.cells(inRows: regionStart...max(anchor.row, regionStart)).filter {
                !grid.isConsumed($0) && $0.row < anchor.row && grid.text($0.row, $0.column).map { vocabulary.noteLine($0) == nil } ?? false
            }
            if let ref = above.first, let text = grid.text(ref.row, ref.column) {
                grid.consume(ref.row, ref.column)
                draft.fieldSources[name] = grid.source(ref.row, ref.column)
                titleCell = (text, grid.source(ref.row, ref.column))
                if text != spec.defaultTitle { draft.set(name, text) }
            }
        }
    }

    /// A column inserted through the whole sheet (for a note beside the indicators) falls between the labels above
    /// and their values: `项目类别 | (blank) | 特定目标类`. When the cell after a one-field label is blank and no merged
    /// field area, the next filled cell on the row, at most two columns on, is its value — unless it is already read
    /// or looks like a label itself: one of the layout's, a signature or note line (`联系电话`, vocabulary `noteLines`),
    /// or a text ending in a colon. (A field left blank before another form's label must stay blank.)
    private func valueBeyondEmptyColumns(_ r: Int, _ c: Int) -> Int? {
        guard grid.text(r, c) == nil, grid.merge(at: r, c) == nil else { return nil }
        for next in (c + 1)...(c + 2) {
            guard let text = grid.text(r, next) else {
                if grid.merge(at: r, next) != nil { return nil }
                continue
            }
            if grid.isConsumed(CellReference(row: r, column: next)) { return nil }
            if let key = grid.labelKey(r, next), keys.all.contains(key) || keys.fixed.contains(key) { return nil }
            if vocabulary.noteLine(text) != nil || text.hasSuffix(":") || text.hasSuffix("：") { return nil }
            // Another label typed with its content (`项目名称：…`) is that label's, not this one's value.
            if let typed = LabelWithContent.split(text), keys.all.contains(TextNormalizer.labelKey(typed.label)) { return nil }
            return next
        }
        return nil
    }

    /// The same inserted column in a row of fields under their captions (长清's 总体绩效目标 | 年度绩效目标 over the two
    /// goals): there the fields' order placed each one column off — the mid-term goal read as the annual one, silently.
    /// A column blank in the field's row and in the caption row above, under no merged area, is no field's: the next
    /// column with something in either row, at most two on, is where the field starts.
    private func fieldBeyondInsertedColumns(_ r: Int, _ c: Int) -> Int? {
        func isEmpty(_ column: Int) -> Bool {
            [r, r - 1].allSatisfy { grid.text($0, column) == nil && grid.merge(at: $0, column) == nil }
        }
        guard isEmpty(c) else { return nil }
        return ((c + 1)...(c + 2)).first { !isEmpty($0) }
    }

    /// A label merged down over several rows whose text field sits beside it on its first row (`年度目标` over three
    /// lines of goals, one per row): the lines below, in the same column, continue the field — joined with line
    /// breaks, not kept as extras with no label. Up to the first row below that holds anything else.
    private mutating func readContinuationLines(of label: CellReference, _ group: LayoutKeys.LabelGroup) {
        guard let merge = grid.merge(at: label.row, label.column), merge.first == label, merge.last.row > label.row,
              group.fields.count == 1, let (field, offset) = group.fields.first, offset == 0, let name = field.field,
              (field.type ?? TableFieldCatalog.fields(for: spec.kind)[name] ?? .text) == .text,
              let source = draft.fieldSources[name], let column = CellReference(source.cell)?.column,
              var text = draft.text(name) else { return }
        var lines: [CellReference] = []
        for r in (label.row + 1)...merge.last.row {
            let cells = grid.cells(inRows: r...r).filter { !grid.isConsumed($0) }
            if cells.isEmpty { continue }
            guard cells.count == 1, cells[0].column == column, let line = grid.text(r, column) else { break }
            lines.append(cells[0])
            text += "\n" + line
        }
        for ref in lines { grid.consume(ref.row, ref.column) }
        if !lines.isEmpty { draft.set(name, text) }
    }

    // MARK: Funds by meaning

    /// Rows that pair each amount with a label naming its period (`中期资金总额 | 3000 | 年度资金总额 | 1000`): read
    /// before the layout's own label groups, which would place the two by their order. Only rows that name both
    /// periods: a single `年度资金总额` is one of a layout's own spellings, read where the layout puts it.
    private mutating func readPeriodLabelledFunds(rows: ClosedRange<Int>) {
        let parts = keys.fundParts
        guard !parts.isEmpty else { return }
        let fields = TableFieldCatalog.fields(for: spec.kind)
        for r in rows {
            var labelled: [PeriodLabel] = []
            for ref in grid.cells(inRows: r...r) where !grid.isConsumed(ref) {
                guard let key = grid.labelKey(ref.row, ref.column), key.utf8.count <= 120,
                      let (period, rest) = FundPeriod.splitLabel(key), let part = parts[rest] else { continue }
                labelled.append(PeriodLabel(ref: ref, period: period, part: part))
            }
            guard labelled.contains(where: { $0.period == .annual }) && labelled.contains(where: { $0.period == .midTerm }) else { continue }
            for label in labelled {
                let (ref, period, part) = (label.ref, label.period, label.part)
                let field = period.field(part)
                guard let type = fields[field], draft.fields[field] == nil else { continue }
                grid.consume(ref.row, ref.column)
                let c = grid.nextColumn(after: r, ref.column)
                // A blank amount: the next cell is the other period's label, not this one's value.
                if let key = grid.labelKey(r, c), FundPeriod.splitLabel(key).map({ parts[$0.rest] != nil }) == true { continue }
                read(field, type: type, at: r, c)
            }
        }
    }

    /// A funds label naming its period, found on a row (`年度财政拨款` → annual, fiscal).
    private struct PeriodLabel {
        var ref: CellReference
        var period: FundPeriod
        var part: String
    }

    /// Funds the layout placed by column order, under a header that names the other period (`年度资金` over the
    /// column the layout calls 中期): moved where the header says, all at once (two swapped columns trade places),
    /// each move noted. A move onto a field that stays is not made: the header and the layout disagree, and the
    /// table says so.
    private mutating func placeFundsByColumnHeader(rows: ClosedRange<Int>) {
        var moves: [(from: String, to: String, header: String, source: SourceCell)] = []
        for (name, source) in draft.fieldSources where draft.fields[name] != nil {
            guard let (period, part) = FundPeriod.parse(field: name), let ref = CellReference(source.cell),
                  let header = columnHeader(above: ref, from: rows.lowerBound), let said = FundPeriod.ofHeader(header), said != period else { continue }
            moves.append((name, said.field(part), header, source))
        }
        guard !moves.isEmpty else { return }
        let moving = Set(moves.map(\.from))
        var taken: [(String, FieldValue, SourceCell, String)] = []
        for move in moves.sorted(by: { $0.from < $1.from }) {
            let c = CellReference(move.source.cell)
            if draft.fields[move.to] != nil && !moving.contains(move.to) {
                contradictions.append("\(c?.description ?? "")的表头\(Diagnostic.quoted(move.header))与版式的资金列序矛盾")
                warn("funds-period-conflict", "金额所在列的表头\(Diagnostic.quoted(move.header))与同一行另一金额的位置矛盾，无法确定哪一个是\(FundPeriod.parse(field: move.to)!.period.name)，已按模板位置读取。请核对年度资金与中期资金。",
                     c?.row ?? 0, c?.column ?? 0)
                continue
            }
            taken.append((move.to, draft.fields[move.from]!, move.source, move.header))
        }
        for move in moves where taken.contains(where: { $0.2 == move.source }) {
            draft.fields[move.from] = nil
            draft.fieldSources[move.from] = nil
        }
        // One note per column, at its first amount.
        var notes: [Int: (first: CellReference, count: Int, header: String, period: FundPeriod)] = [:]
        for (to, value, source, header) in taken {
            draft.fields[to] = value
            draft.fieldSources[to] = source
            guard let c = CellReference(source.cell), let period = FundPeriod.parse(field: to)?.period else { continue }
            if let n = notes[c.column] {
                notes[c.column] = (min(n.first, c), n.count + 1, header, period)
            } else {
                notes[c.column] = (c, 1, header, period)
            }
        }
        for (_, n) in notes.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.info, "funds-by-header", "按所在列的表头\(Diagnostic.quoted(n.header))，该列 \(n.count) 个金额读作\(n.period.name)（与模板的列序不同）。",
                                          file: file, sheet: grid.sheet.name, cell: n.first.description))
        }
    }

    /// The nearest text above a cell in its column (or in a merged cell over it) that is not an amount: the header
    /// of a column of amounts. At most eight rows up, never above the table's first row.
    private func columnHeader(above ref: CellReference, from top: Int) -> String? {
        var r = ref.row - 1
        while r >= max(top, ref.row - 8) {
            defer { r -= 1 }
            let text = grid.text(r, ref.column) ?? grid.merge(at: r, ref.column).flatMap { grid.text($0.first.row, $0.first.column) }
            guard let text else { continue }
            if Amount(text: text).value != nil { continue }
            return text
        }
        return nil
    }

    /// A static text with fields in it: the first unused cell that matches gives the fields.
    private mutating func readTemplate(_ template: TextTemplate, rows: ClosedRange<Int>) {
        for ref in grid.cells(inRows: rows) where !grid.isConsumed(ref) {
            guard let key = grid.labelKey(ref.row, ref.column), template.mightMatch(key: key),
                  let text = grid.text(ref.row, ref.column), let values = template.match(text) else { continue }
            grid.consume(ref.row, ref.column)
            setTemplateFields(values, at: ref)
            return
        }
    }

    /// The fields a text with fields gave (a line of the form, or a label's content typed with it), each read from `ref`.
    private mutating func setTemplateFields(_ values: [String: String], at ref: CellReference) {
        let types = TableFieldCatalog.fields(for: spec.kind)
        for (field, value) in values {
            draft.fieldSources[field] = grid.source(ref.row, ref.column)
            switch types[field] ?? .text {
            case .text where field == "amountUnit": draft.set(field, FormText.amountUnit(stated: value))
            case .text: draft.set(field, value)
            case .amount: draft.set(field, Amount(text: value))
            case .year: draft.set(field, year: FormText.yearNumber(value))
            }
        }
    }

    private mutating func read(_ field: CellSpec, at r: Int, _ c: Int) {
        guard let name = field.field else { return }
        read(name, type: field.type ?? TableFieldCatalog.fields(for: spec.kind)[name] ?? .text, at: r, c)
    }

    private mutating func read(_ name: String, type: FieldType, at r: Int, _ c: Int) {
        grid.consume(r, c)
        guard let value = grid.value(r, c), !GridView.isBlank(value) else { return }
        store(name, type: type, value, at: r, c)
    }

    /// A field's value, read from cell (r, c).
    private mutating func store(_ name: String, type: FieldType, _ value: CellValue, at r: Int, _ c: Int) {
        // The template's hint left in the cell: not filled, and the clerk is told.
        if case .string(let text) = value, vocabulary.isPlaceholder(text) {
            warn("placeholder-value", "单元格仍是模板的提示文字\(Diagnostic.quoted(TextNormalizer.trimmed(text)))，按未填写处理。请填写实际内容。", r, c)
            return
        }
        draft.fieldSources[name] = grid.source(r, c)
        switch type {
        case .text:
            draft.set(name, TextNormalizer.trimmed(value.text))
        case .amount:
            var amount: Amount
            if case .number(let d) = value { amount = Amount(text: CellValue.format(number: d)) } else { amount = Amount(text: TextNormalizer.trimmed(value.text)) }
            if amount.value == nil {
                if case .error = value {
                    // A formula that failed (`#REF!`): said once for the cell, with what went wrong (FormulaErrors).
                } else if vocabulary.isNoAmount(amount.raw) {
                    // `/`, `—`, `无`: the clerk says there is none.
                    amount.value = 0
                } else {
                    warn("amount-not-number", "金额\(Diagnostic.quoted(amount.raw))不是数字，已按原文保留。请填写数字（单位：万元）。", r, c)
                }
            }
            draft.set(name, amount)
        case .year:
            if case .number(let d) = value, d == d.rounded(), (1000...9999).contains(d) {
                // Range first: a 20-digit number typed into 年度 must be a warning, not a trap converting to Int.
                draft.set(name, year: Int(d))
            } else if let y = firstYear(in: value.text) {
                draft.set(name, year: y)
            } else {
                warn("year-not-number", "年度\(Diagnostic.quoted(value.text))无法识别，请填写四位年份（如 2025）。", r, c)
            }
        }
    }

    /// A row of a block's header texts only (its second header row: `符号 值 单位`), any cell merged down over it aside.
    private func isSubHeaderRow(_ r: Int, _ headerKeys: [[String]]?) -> Bool {
        guard let headerKeys else { return false }
        let cells = grid.cells(inRows: r...r)
        return !cells.isEmpty && cells.allSatisfy { ref in
            guard let key = grid.labelKey(ref.row, ref.column) else { return false }
            return headerKeys.contains { $0.contains(key) }
        }
    }

    /// A row that starts with a note or signature line (`注：…`, `填报人：…`, vocabulary `noteLines`): it ends an
    /// indicator or record block.
    private func isNoteRow(_ r: Int) -> Bool {
        guard let first = grid.cells(inRows: r...r).first, let t = grid.text(first.row, first.column) else { return false }
        return vocabulary.noteLine(t) != nil
    }

    /// A line that numbers the columns under a header, as fiscal forms print it (`1 2 3 …`, after `栏次` or `甲 乙`,
    /// vocabulary `columnNumberLabels`): three numbers or more, counting up from 1 or 2, and nothing else. It
    /// is part of the header: read as an indicator row it became 一级指标 “2”, 二级指标 “3” …
    /// A block's caption (`绩效指标` merged down the first column) may start on that line: `ignoring` is its column.
    private func isColumnNumberRow(_ r: Int, ignoring captionColumn: Int? = nil) -> Bool {
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
    private mutating func readNoteLines() {
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
    private mutating func readDeclaredLines(rows: ClosedRange<Int>) {
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
    private mutating func keepKnownLine(_ ref: CellReference) {
        guard let text = grid.text(ref.row, ref.column) else { return }
        grid.consume(ref.row, ref.column)
        if let (label, value) = vocabulary.noteLine(text) {
            draft.keepKnownLine(label, value, source: grid.source(ref.row, ref.column))
        } else {
            keepStrayCell(ref, text)
        }
    }

    /// A cell no field took and no label explains: kept as an extra, with a warning naming it.
    private mutating func keepStrayCell(_ ref: CellReference, _ text: String) {
        draft.extras.append(ExtraField(label: "", value: text, source: grid.source(ref.row, ref.column)))
        warn("extra-cell", "内容\(Diagnostic.quoted(text))没有对应的标准字段，已作为附加信息保留。请确认是否填错位置。", ref.row, ref.column)
    }

    /// Goal rows with sub-labels (`目标1`, `目标 2：`, `目标三`) are numbered goal items; the annual goal is their
    /// text, one item a line. A single unnumbered `目标` is the layout's own label, not an item.
    private mutating func readGoalItems(rows: ClosedRange<Int>) {
        var items: [GoalItem] = []
        var first: SourceCell?
        for ref in grid.cells(inRows: rows) {
            guard let key = grid.labelKey(ref.row, ref.column), FormText.isGoalItemLabel(key),
                  let label = grid.text(ref.row, ref.column) else { continue }
            let column = grid.nextColumn(after: ref.row, ref.column)
            guard let value = grid.value(ref.row, column), !GridView.isBlank(value) else { continue }
            grid.consume(ref.row, ref.column)
            grid.consume(ref.row, column)
            items.append(GoalItem(label: TextNormalizer.trimmed(label).trimmingCharacters(in: [":", "："]), text: TextNormalizer.trimmed(value.text)))
            if first == nil { first = grid.source(ref.row, column) }
        }
        guard !items.isEmpty else { return }
        draft.goalItems = items
        draft.set("goals.annual", items.map(\.text).joined(separator: "\n"))
        draft.fieldSources["goals.annual"] = first
    }

    /// Fields the form states outside a cell of their own: the year in the title (`2022年预算项目支出绩效目标表`),
    /// the project's name in the title of a form that has no name cell (`9.经开区招商经费绩效目标表`), the unit of amounts in a label's or header's qualifier (`项目资金（万元）`, `项目金额（万元）`). Taken only
    /// when no cell of their own gave them.
    private mutating func inferFromTitleAndLabels(rows: ClosedRange<Int>) {
        let fields = TableFieldCatalog.fields(for: spec.kind)
        // The layout's own form of the title (`{departmentName}{fiscalYear:year}年度…`): its fields, then no title
        // when it says nothing the fields do not.
        if let template = keys.titleTemplate, let title = titleCell, let found = template.match(title.text) {
            for (field, text) in found.sorted(by: { $0.key < $1.key }) where draft.fields[field] == nil {
                switch fields[field] {
                case .year?: if let y = FormText.yearNumber(text) { draft.set(field, year: y) } else { continue }
                case .amount?: draft.set(field, Amount(text: text))
                case .text?: draft.set(field, text)
                case nil: continue
                }
                draft.fieldSources[field] = title.source
            }
            if draft.title(from: template).map(TextNormalizer.trimmed) == TextNormalizer.trimmed(title.text) {
                draft.fields["title"] = nil
            }
        }
        if fields["fiscalYear"] != nil, draft.year("fiscalYear") == nil,
           let title = titleCell, let year = FormText.year(inTitle: title.text) {
            draft.set("fiscalYear", year: year)
            draft.fieldSources["fiscalYear"] = title.source
        }
        if spec.kind == .project, fields["projectName"] != nil, draft.text("projectName") == nil, let title = titleCell {
            if let name = FormText.projectName(inTitle: title.text) {
                draft.set("projectName", name)
                draft.fieldSources["projectName"] = title.source
            } else if !spec.formFields.contains("projectName"), let cell = CellReference(title.source.cell) {
                // The form names its project only in the title: a title that does not end with the form's name gives
                // none, and the table would go on without a name, unsaid (the review asks only where the form has a place).
                warn("name-not-in-title", "未能从标题\(Diagnostic.quoted(title.text))读出项目名称：本表只在标题中写项目名称，标题应为“项目名称+绩效目标表”（如“9.XX经费绩效目标表”）。请核对标题。",
                     cell.row, cell.column)
            }
        }
        if fields["amountUnit"] != nil, draft.text("amountUnit") == nil {
            for ref in grid.cells(inRows: rows) where grid.isConsumed(ref) {
                guard let key = grid.labelKey(ref.row, ref.column), keys.all.contains(key),
                      let text = grid.text(ref.row, ref.column), let unit = FormText.amountUnit(inLabel: text) else { continue }
                draft.set("amountUnit", unit)
                draft.fieldSources["amountUnit"] = grid.source(ref.row, ref.column)
                break
            }
        }
    }

    private func firstYear(in text: String) -> Int? {
        let digits = FormText.yearsInDigits(TextNormalizer.halfWidth(text)).split(whereSeparator: { !$0.isNumber })
        return digits.first(where: { $0.count == 4 }).flatMap { Int($0) }
    }

    private mutating func parseSpendingPlan(rows: ClosedRange<Int>) {
        for row in spec.rows {
            guard case .spendingPlan(let plan) = row else { continue }
            let percentKeys = Set(plan.percentLabel.map { TextNormalizer.labelKey($0) })
            let amountKeys = Set(plan.amountLabel.map { TextNormalizer.labelKey($0) })
            let under = plan.underLabel ?? false
            // Under a label of a fixed row (新华 C′), the label was already read as a label: look among all cells.
            let found = under ? grid.cells(inRows: rows).first { percentKeys.union(amountKeys).contains(grid.labelKey($0.row, $0.column) ?? "") }
                              : find(percentKeys.union(amountKeys), rows: rows)
            guard let label = found else { continue }
            grid.consume(label.row, label.column)
            // Point labels sit on the label's row, or on the row below when funds come first (C′).
            let pointRow = under ? label.row + 1 : label.row
            let maxColumn = grid.cells(inRows: pointRow...(pointRow + 1)).map(\.column).max() ?? label.column
            var points: [SpendingPoint] = []
            var column = grid.nextColumn(after: pointRow, label.column)
            while column <= maxColumn {
                let pointLabel = grid.text(pointRow, column)
                let valueRow = grid.nextRow(below: pointRow, column)
                let value = grid.value(valueRow, column)
                grid.consume(pointRow, column)
                grid.consume(valueRow, column)
                if pointLabel != nil || (value != nil && !GridView.isBlank(value!)) {
                    var amount: Amount?
                    if let value, !GridView.isBlank(value) {
                        if case .number(let d) = value { amount = Amount(text: CellValue.format(number: d)) } else { amount = Amount(text: TextNormalizer.trimmed(value.text)) }
                    }
                    points.append(SpendingPoint(label: pointLabel ?? "", value: amount))
                }
                column = grid.nextColumn(after: pointRow, column)
            }
            // The label says percentages (`资金支出计划（%）`), or the values do (`20%`).
            let percentValues = !points.isEmpty && points.allSatisfy { $0.value.map { $0.raw.hasSuffix("%") || $0.raw.hasSuffix("％") } ?? true }
                && points.contains { $0.value != nil }
            let kind: SpendingPlanKind = percentKeys.contains(grid.labelKey(label.row, label.column) ?? "") || percentValues ? .percent : .amount
            if !points.isEmpty { draft.spendingPlan = SpendingPlan(kind: kind, points: points) }
        }
    }

    // MARK: Indicator blocks

    /// A header row found in the sheet and the block spec it belongs to.
    private struct HeaderRow {
        var row: Int
        var spec: IndicatorBlockSpec
        var caption: CellReference?
    }

    private func captionTop(_ h: HeaderRow) -> Int {
        guard let c = h.caption else { return h.row }
        return min(grid.merge(at: c.row, c.column)?.first.row ?? c.row, h.row)
    }

    private func isHeaderRow(_ r: Int, _ block: IndicatorBlockSpec) -> Bool { headerRows.contains(r) }

    /// Header rows after the anchor, each assigned to a block by its caption, else in layout order.
    private func findHeaderRows(_ blocks: [IndicatorBlockSpec]) -> [HeaderRow] {
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
    private func captionCell(near r: Int, _ blocks: [IndicatorBlockSpec]) -> (CellReference, IndicatorBlockSpec)? {
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

    private mutating func parseIndicatorBlocks(_ blocks: [IndicatorBlockSpec], _ headers: [HeaderRow]) {
        for (i, header) in headers.enumerated() {
            let end = i + 1 < headers.count ? captionTop(headers[i + 1]) - 1 : regionLimit
            draft.indicatorSets += parseBlock(header, until: end)
        }
    }

    /// A block column: its role and the indicator set it belongs to (长清 puts two sets side by side).
    private struct ColumnKey: Hashable {
        var role: IndicatorRole
        var scope: String
    }

    /// Per-set state while reading rows: rows so far and the level names to fill down.
    private struct ScopeState {
        var rows: [IndicatorRow] = []
        var previousL1: String?
        var previousL2: String?
        /// The cells the level names were read from, for the rows they are filled down into.
        var previousL1Source: SourceCell?
        var previousL2Source: SourceCell?
    }

    private mutating func parseBlock(_ header: HeaderRow, until limit: Int) -> [IndicatorSet] {
        let block = header.spec
        if let c = header.caption { grid.consume(c.row, c.column) }
        // Map columns to (role, set) by header text, in layout order; grouped columns may sit on a second header row.
        var columns: [ColumnKey: Int] = [:]
        var scopes: [String] = [block.scope]
        var lastHeaderRow = header.row
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
                grid.consume(hit.row, hit.column)
                lastHeaderRow = max(lastHeaderRow, hit.row)
            }
        }
        /// The column of a role for a set; level names fall back to the block's shared column.
        func column(_ role: IndicatorRole, _ scope: String) -> Int? {
            columns[ColumnKey(role: role, scope: scope)]
                ?? ((role == .level1 || role == .level2) ? columns[ColumnKey(role: role, scope: block.scope)] : nil)
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
        let blockColumns = Set(columns.values).union(unknownColumns.keys).union(rowNumberColumns.keys)
        let captionColumn = header.caption?.column
        let anyLevel1Column = scopes.compactMap { column(.level1, $0) }
        // Rows holding a label of the fixed rows (outside the caption column): such a row ends the block.
        // Found once through the grid's key index rather than by hashing every cell of every row.
        let fixedLabelRows = Set(grid.cells(withKeyIn: keys.fixed).filter { $0.column != captionColumn }.map(\.row))
        // Each set's column for each role, looked up by array index per row (no hashing per cell).
        let roles = IndicatorRole.allCases
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
        for (i, c) in sortedRowNumberColumns.enumerated() {
            let (caption, headerCell) = rowNumberColumns[c]!
            if let count = Self.countedRowNumbers(rowNumbers[i].map(\.text)) {
                diagnostics.append(Diagnostic(.info, "row-numbers", "\(Diagnostic.quoted(caption))列是指标的行号（共 \(count) 行，依次编号），已核对，不另保存。",
                                              file: file, sheet: grid.sheet.name, cell: headerCell.description))
            } else {
                // Not a count (`A01`, a number twice, a gap): an unknown column like any other, every cell kept.
                warnUnknownColumn(caption, headerCell)
                for (text, source, indicator) in rowNumbers[i] { keepUnknownColumnValue(caption, text, source, indicator: indicator) }
            }
        }
        // A value column empty on every row while a column the layout does not know is filled on most: the values
        // are in that column, and the layout is not this table's.
        for (si, scope) in scopes.enumerated() where state[si].rows.count >= 2 && state[si].rows.allSatisfy({ $0.value.raw.isEmpty }) {
            // The layout has a value column for this set (found on the sheet or not).
            guard block.columns.contains(where: { ($0.scope ?? block.scope) == scope && [.value, .valueNumber, .valueUnit].contains($0.role) }) else { continue }
            for (c, caption) in sortedUnknownColumns {
                let filled = (lastHeaderRow + 1...max(tableEnd, lastHeaderRow + 1)).filter { grid.text($0, c) != nil }.count
                if filled * 2 >= state[si].rows.count {
                    contradictions.append("“指标值”列全部为空，而版式不认识的“\(caption)”列（\(CellReference.columnName(c)) 列）填了 \(filled) 行")
                    break
                }
            }
        }
        // The block's own set always; a side-by-side set only when it has rows.
        return scopes.enumerated().compactMap { si, scope in
            let rows = state[si].rows
            guard scope == block.scope || !rows.isEmpty else { return nil }
            return IndicatorSet(scope: IndicatorScope(rawValue: scope) ?? .annual, rows: rows)
        }
    }

    /// A header the layout does not know: its column is kept as extras, said once at the header.
    private mutating func warnUnknownColumn(_ caption: String, _ header: CellReference) {
        warn("unknown-column", "指标表头\(Diagnostic.quoted(caption))不在版式“\(spec.name)”中，本列内容已作为附加信息保留。", header.row, header.column)
    }

    /// A cell of a column the layout does not know, kept as an extra of the table with a warning naming it.
    private mutating func keepUnknownColumnValue(_ caption: String, _ text: String, _ source: SourceCell, indicator: String?) {
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

    // MARK: Record blocks

    /// A header cell matches a spelling exactly, or with a parenthetical after it (`标准值 (规划目标…)`).
    private func headerMatches(_ key: String, _ aliases: [String]) -> Bool {
        aliases.contains { a in
            let k = TextNormalizer.labelKey(a)
            return key == k || key.hasPrefix(k + "（")
        }
    }

    /// Text of a header position, the merged area's text for a covered cell.
    private func headerKey(_ r: Int, _ c: Int) -> String? {
        if let k = grid.labelKey(r, c) { return k }
        if let m = grid.merge(at: r, c) { return grid.labelKey(m.first.row, m.first.column) }
        return nil
    }

    private func isRecordHeaderRow(_ r: Int, _ block: RecordBlockSpec) -> Bool {
        let cells = grid.cells(inRows: r...r)
        let hits = block.columns.filter { col in cells.contains { headerMatches(grid.labelKey($0.row, $0.column) ?? "", col.header[0]) } }.count
        return hits >= min(3, block.columns.count)
    }

    private func findRecordHeader(_ block: RecordBlockSpec) -> Int? {
        var r = max(regionStart, anchor.row)
        while r <= regionLimit {
            if grid.hasCells(inRow: r) && isRecordHeaderRow(r, block) { return r }
            r += 1
        }
        return nil
    }

    /// True for a row made only of header texts (page-repeated header rows).
    private func isHeaderOnlyRow(_ r: Int, _ block: RecordBlockSpec) -> Bool {
        let cells = grid.cells(inRows: r...r)
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { ref in
            let key = grid.labelKey(ref.row, ref.column) ?? ""
            return block.columns.contains { col in col.header.contains { headerMatches(key, $0) } }
        }
    }

    private mutating func parseRecords(_ block: RecordBlockSpec, header h: Int) {
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

    // MARK: Extras

    /// Cells no field took that hold one of the layout's one-field labels with its content (`主管部门：平阴县…`):
    /// read before a field is inferred from the title, so the name typed so wins over the title's.
    private mutating func readLabelsWithContent(rows: ClosedRange<Int>) {
        for (ref, text) in grid.unconsumedTexts(inRows: rows) {
            // Labels are short: only a colon near the start can end one (a byte test first: most cells have none).
            guard text.utf8.prefix(64).contains(where: { $0 == 0x3A || $0 == 0xBC }) else { continue }
            readLabelWithContent(ref, text)
        }
    }

    /// A cell no field took that holds one of the layout's one-field labels with its content (`主管部门：平阴县…`), the
    /// field still empty and the cell beside empty: the content is the field's, read from this cell, with a note.
    private mutating func readLabelWithContent(_ ref: CellReference, _ text: String) {
        guard let (label, content) = LabelWithContent.split(text), label.utf8.count <= 60 else { return }
        let key = TextNormalizer.labelKey(label)
        guard let group = keys.fixedGroups.groups.first(where: { $0.keys.contains(key) }),
              grid.text(ref.row, grid.nextColumn(after: ref.row, ref.column)) == nil else { return }
        if group.fields.isEmpty, group.templates.count == 1, let template = keys.template(group.templates[0]),
           let values = template.match(content), values.keys.allSatisfy({ draft.fields[$0] == nil }) {
            // The label's content is a text with fields (`主管部门：012-平阴县水务局`): matched as the template.
            grid.consume(ref.row, ref.column)
            setTemplateFields(values, at: ref)
        } else {
            guard group.fields.count == 1, let (field, offset) = group.fields.first, offset == 0, let name = field.field,
                  draft.fields[name] == nil else { return }
            grid.consume(ref.row, ref.column)
            store(name, type: field.type ?? TableFieldCatalog.fields(for: spec.kind)[name] ?? .text, .string(content), at: ref.row, ref.column)
        }
        diagnostics.append(Diagnostic(.info, "label-with-content", "单元格 \(ref) 把标签和内容写在了同一格，已读作“\(label)”：\(Diagnostic.quoted(content))。",
                                      file: file, sheet: grid.sheet.name, cell: ref.description))
    }

    /// Cells of the table that no field took: kept as extras (label and value), each with a warning.
    private mutating func collectExtras(rows: ClosedRange<Int>) {
        for r in rows {
            let left = grid.cells(inRows: r...r).filter { !grid.isConsumed($0) }
            var i = 0
            while i < left.count {
                let ref = left[i]
                let text = grid.text(ref.row, ref.column) ?? ""
                if let (label, value) = vocabulary.noteLine(text) {
                    // `填表人` | `李四`: a signature label with its value in the next cell is one known line.
                    let next = grid.nextColumn(after: ref.row, ref.column)
                    if value.isEmpty, i + 1 < left.count, left[i + 1].column == next, let paired = grid.text(left[i + 1].row, left[i + 1].column),
                       vocabulary.noteLine(paired) == nil {
                        grid.consume(ref.row, ref.column)
                        grid.consume(left[i + 1].row, left[i + 1].column)
                        draft.keepKnownLine(label, paired, source: grid.source(left[i + 1].row, left[i + 1].column))
                        i += 2
                        continue
                    }
                    keepKnownLine(ref)
                    i += 1
                    continue
                }
                grid.consume(ref.row, ref.column)
                let next = grid.nextColumn(after: ref.row, ref.column)
                if i + 1 < left.count, left[i + 1].column == next, let value = grid.text(left[i + 1].row, left[i + 1].column) {
                    grid.consume(left[i + 1].row, left[i + 1].column)
                    draft.extras.append(ExtraField(label: text, value: value, source: grid.source(left[i + 1].row, left[i + 1].column)))
                    if let key = grid.labelKey(ref.row, ref.column), keys.all.contains(key) {
                        // The table's own label again, with a value (a second table beside or inside this one).
                        warn("extra-field", "标签\(Diagnostic.quoted(text))在本表中出现了两次，第二处的\(Diagnostic.quoted(value))已作为附加信息保留。如果这里是另一张表，请把它放到单独的工作表中。", ref.row, ref.column)
                    } else {
                        warn("extra-field", "\(Diagnostic.quoted(text + "：" + value))没有对应的标准字段，已作为附加信息保留。", ref.row, ref.column)
                    }
                    i += 2
                } else {
                    keepStrayCell(ref, text)
                    i += 1
                }
            }
        }
    }
}

extension LayoutSpec {
    /// Label keys of the fixed rows (not indicator headers): seeing one inside a block ends the block.
    var fixedLabelKeys: Set<String> {
        var out = Set(anchor.map { TextNormalizer.labelKey($0) })
        for row in rows {
            if case .fixed(let r) = row { for c in r.cells { for l in c.label ?? [] { out.insert(TextNormalizer.labelKey(l)) } } }
        }
        return out
    }
}
