import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// The fixed rows of a form: one-field labels and their values, label groups, lines under a merged label, texts with
// fields in them; and where a value read from a cell is stored.
extension TableParser {
    /// First unconsumed cell in rows `rows` whose label key is one of `keys`.
    func find(_ keys: Set<String>, rows: ClosedRange<Int>) -> CellReference? {
        grid.firstUnconsumed(withKeyIn: keys, rows: rows)
    }

    mutating func parseFixedRows(until lastRow: Int) {
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
    func valueBeyondEmptyColumns(_ r: Int, _ c: Int) -> Int? {
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
    func fieldBeyondInsertedColumns(_ r: Int, _ c: Int) -> Int? {
        func isEmpty(_ column: Int) -> Bool {
            [r, r - 1].allSatisfy { grid.text($0, column) == nil && grid.merge(at: $0, column) == nil }
        }
        guard isEmpty(c) else { return nil }
        return ((c + 1)...(c + 2)).first { !isEmpty($0) }
    }

    /// A label merged down over several rows whose text field sits beside it on its first row (`年度目标` over three
    /// lines of goals, one per row): the lines below, in the same column, continue the field — joined with line
    /// breaks, not kept as extras with no label. Up to the first row below that holds anything else.
    mutating func readContinuationLines(of label: CellReference, _ group: LayoutKeys.LabelGroup) {
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

    /// A static text with fields in it: the first unused cell that matches gives the fields.
    mutating func readTemplate(_ template: TextTemplate, rows: ClosedRange<Int>) {
        for ref in grid.cells(inRows: rows) where !grid.isConsumed(ref) {
            guard let key = grid.labelKey(ref.row, ref.column), template.mightMatch(key: key),
                  let text = grid.text(ref.row, ref.column), let values = template.match(text) else { continue }
            grid.consume(ref.row, ref.column)
            setTemplateFields(values, at: ref)
            return
        }
    }

    /// The fields a text with fields gave (a line of the form, or a label's content typed with it), each read from `ref`.
    mutating func setTemplateFields(_ values: [String: String], at ref: CellReference) {
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

    mutating func read(_ field: CellSpec, at r: Int, _ c: Int) {
        guard let name = field.field else { return }
        read(name, type: field.type ?? TableFieldCatalog.fields(for: spec.kind)[name] ?? .text, at: r, c)
    }

    mutating func read(_ name: String, type: FieldType, at r: Int, _ c: Int) {
        grid.consume(r, c)
        guard let value = grid.value(r, c), !GridView.isBlank(value) else { return }
        store(name, type: type, value, at: r, c)
    }

    /// A field's value, read from cell (r, c).
    mutating func store(_ name: String, type: FieldType, _ value: CellValue, at r: Int, _ c: Int) {
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
}
