import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// Cells no field took: a label typed with its content, and everything else kept as an extra with a warning.
extension TableParser {
    /// Cells no field took that hold one of the layout's one-field labels with its content (`主管部门：平阴县…`):
    /// read before a field is inferred from the title, so the name typed so wins over the title's.
    mutating func readLabelsWithContent(rows: ClosedRange<Int>) {
        for (ref, text) in grid.unconsumedTexts(inRows: rows) {
            // Labels are short: only a colon near the start can end one (a byte test first: most cells have none).
            guard text.utf8.prefix(64).contains(where: { $0 == 0x3A || $0 == 0xBC }) else { continue }
            readLabelWithContent(ref, text)
        }
    }

    /// A cell no field took that holds one of the layout's one-field labels with its content (`主管部门：平阴县…`), the
    /// field still empty and the cell beside empty: the content is the field's, read from this cell, with a note.
    mutating func readLabelWithContent(_ ref: CellReference, _ text: String) {
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
    mutating func collectExtras(rows: ClosedRange<Int>) {
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
