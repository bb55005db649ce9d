import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// The fixed rows of a draft, row by row (`LayoutDrafter.draft`): what each slot of a row becomes — a label with the
/// fields it knows, a field, a known line, the title, a header text — and what could not be placed. The state carried
/// from row to row (fields already drafted, a field due on a later row, fields that header texts give to the cells
/// under them) lives here.
struct FixedRowDrafter {
    typealias Slot = LayoutDrafter.Slot
    let drafter: LayoutDrafter
    let sheet: Sheet
    let grid: GridView
    let width: Int
    let labels: [String: LayoutDrafter.KnownLabel]
    let templates: [(text: String, template: TextTemplate)]
    let fieldTypes: [String: FieldType]
    let plan: (percent: [String], amount: [String])
    let planKeys: Set<String>

    var rows: [RowSpec] = []
    var anchor: [String]?
    var titlePlaced = false
    var labelTexts: [String] = []
    var usedFields = Set<String>()
    var defaultTitle: String?
    var unplaced: [String] = []
    /// A field whose value is the text on a later row (预算规模及资金用途 over the fund use).
    var fieldOnLaterRow: (row: Int, field: String)?
    /// The row after a spending plan's points: its values, read with the plan.
    var skipRow: Int?
    /// Fields that header texts of the row above give to the cells under them (总体绩效目标 | 年度绩效目标 over two texts).
    var fieldsBelow: [(columns: ClosedRange<Int>, field: CellSpec)] = []

    init(drafter: LayoutDrafter, sheet: Sheet, grid: GridView, width: Int, labels: [String: LayoutDrafter.KnownLabel],
         templates: [(text: String, template: TextTemplate)], fieldTypes: [String: FieldType]) {
        self.drafter = drafter
        self.sheet = sheet
        self.grid = grid
        self.width = width
        self.labels = labels
        self.templates = templates
        self.fieldTypes = fieldTypes
        plan = drafter.planLabels()
        planKeys = Set((plan.percent + plan.amount).map { TextNormalizer.labelKey($0) })
    }

    /// Drafts row `r` into `rows`.
    mutating func draftRow(_ r: Int) {
        guard r != skipRow else { return }
        let slots = drafter.rowSlots(sheet, grid, r, width)
        guard slots.contains(where: { $0.text != nil }) else { return }
        if wholeRow(r, slots) { return }
        rowCells(r, slots)
    }

    /// Rows read as a whole: a spending plan, header texts over the next row's cells, the values under them, the text
    /// of a field due on this row. False when the row is none of these.
    private mutating func wholeRow(_ r: Int, _ slots: [Slot]) -> Bool {
        // A spending plan: its label, the points (3月底 …) on this row, their values on the next.
        if let first = slots.first(where: { $0.text != nil }), planKeys.contains(TextNormalizer.labelKey(first.text!)) {
            let points = slots.filter { $0.text != nil && $0.ref != first.ref }
            let percentKeys = Set(plan.percent.map { TextNormalizer.labelKey($0) })
            let isPercent = percentKeys.contains(TextNormalizer.labelKey(first.text!))
            rows.append(.spendingPlan(SpendingPlanSpec(percentLabel: isPercent ? [first.text!] + plan.percent.filter { $0 != first.text! } : plan.percent,
                                                       amountLabel: isPercent ? plan.amount : [first.text!] + plan.amount.filter { $0 != first.text! },
                                                       defaultPoints: points.map { $0.text! }, pointSpan: points.first.map { $0.columns.count } ?? 1,
                                                       underLabel: nil)))
            skipRow = r + 1
            return true
        }
        // Header texts over the next row's cells, beside a label spanning both rows: each a known label with one
        // field, which the cell under it holds.
        if let lead = slots.first, lead.rows > 1, lead.text.map({ labels[TextNormalizer.labelKey($0)] != nil }) == true {
            let rest = slots.dropFirst().filter { $0.text != nil }
            let heads = rest.compactMap { slot -> (Slot, CellSpec)? in
                guard let known = labels[TextNormalizer.labelKey(slot.text!)], known.fields.count == 1, let f = known.fields.first?.field,
                      fieldTypes[f] != nil, !usedFields.contains(f) else { return nil }
                return (slot, known.fields[0])
            }
            if !rest.isEmpty && heads.count == rest.count {
                var cells = [CellSpec(label: [lead.text!] + (labels[TextNormalizer.labelKey(lead.text!)]?.aliases ?? []).filter { $0 != lead.text! },
                                      span: lead.columns.count > 1 ? lead.columns.count : nil, rows: lead.rows)]
                for (slot, field) in heads {
                    cells.append(CellSpec(text: slot.text!, span: slot.columns.count > 1 ? slot.columns.count : nil, role: .header))
                    fieldsBelow.append((slot.columns, field))
                    usedFields.insert(field.field ?? "")
                }
                labelTexts.append(lead.text!)
                rows.append(.fixed(FixedRowSpec(cells: cells, height: nil)))
                return true
            }
        }
        // (A row with a label of its own — 资金用途 | … — is read as usual.)
        if let (row, _) = fieldOnLaterRow, row == r, slots.contains(where: { $0.text.map { labels[TextNormalizer.labelKey($0)] != nil } ?? false }) {
            fieldOnLaterRow = nil
        }
        if let (row, field) = fieldOnLaterRow, row == r, let slot = slots.first(where: { $0.text.map { !LayoutDrafter.isAmount($0) } ?? false }) {
            // The text under a label spanning rows (预算规模及资金用途 over the fund use).
            fieldOnLaterRow = nil
            usedFields.insert(field)
            rows.append(.fixed(FixedRowSpec(cells: [CellSpec(field: field, span: slot.columns.count > 1 ? slot.columns.count : nil)], height: nil)))
            for other in slots where other.ref != slot.ref && other.text != nil {
                unplaced.append("\(other.ref)\(Diagnostic.quoted(other.text!))：不知道这是哪个字段的值，未起草（导入时作为附加信息保留）")
            }
            return true
        }
        if !fieldsBelow.isEmpty {
            let below = fieldsBelow
            fieldsBelow = []
            let cells = slots.compactMap { slot -> CellSpec? in
                guard let f = below.first(where: { $0.columns == slot.columns })?.field else { return nil }
                return CellSpec(field: f.field, type: f.type, span: slot.columns.count > 1 ? slot.columns.count : nil)
            }
            if cells.count == below.count {
                rows.append(.fixed(FixedRowSpec(cells: cells, height: nil)))
                return true
            }
            for f in below { usedFields.remove(f.field.field ?? "") }
        }
        return false
    }

    /// A row slot by slot: labels with the fields they know, fields, known lines, the title, header texts.
    private mutating func rowCells(_ r: Int, _ slots: [Slot]) {
        var cells: [CellSpec] = []
        var pending: [CellSpec] = []
        func extendLast(_ slot: Slot) {
            guard !cells.isEmpty else { cells.append(CellSpec(text: "", span: slot.columns.count)); return }
            cells[cells.count - 1].span = (cells[cells.count - 1].span ?? 1) + slot.columns.count
        }
        for (s, slot) in slots.enumerated() {
            let span = slot.columns.count > 1 ? slot.columns.count : nil
            let rowSpan = slot.rows > 1 ? slot.rows : nil
            guard let text = slot.text else {
                // A blank right of a label is its value (a blank template); any other blank widens the cell before it.
                if !pending.isEmpty { var f = pending.removeFirst(); f.span = span; cells.append(f); usedFields.insert(f.field ?? "") } else { extendLast(slot) }
                continue
            }
            let key = TextNormalizer.labelKey(text)
            // A funds label with a period word (中期资金总额) is known through the label after the word (资金总额).
            let known = labels[key] ?? FundPeriod.splitLabel(key).flatMap { labels[$0.rest] }
            // A label over two rows naming the fund use (预算规模及资金用途): the use is the text on its last row.
            if slot.rows > 1, text.contains("用途"), fieldTypes["fundUse"] != nil, !usedFields.contains("fundUse") {
                cells.append(CellSpec(label: [text], span: span, rows: rowSpan))
                labelTexts.append(text)
                fieldOnLaterRow = (r + slot.rows - 1, "fundUse")
                pending = []
                continue
            }
            if let known, fieldTypes.keys.contains(where: { f in known.fields.contains { $0.field == f } }) || known.fields.isEmpty {
                cells.append(CellSpec(label: [text] + known.aliases.filter { TextNormalizer.labelKey($0) != key }, span: span, rows: rowSpan))
                pending = known.fields.filter { $0.field.map { fieldTypes[$0] != nil } ?? false }
                // A label naming a period (年度资金总额) takes that period's funds only; a funds label with one value
                // after it on a form that names no period is the year's budget.
                let values = drafter.valueSlots(after: s, in: slots, labels)
                let period = FundPeriod.of(text) ?? (values == 1 && pending.count > 1 && pending.allSatisfy { FundPeriod.parse(field: $0.field ?? "") != nil } ? .annual : nil)
                if let period {
                    pending = pending.map { f in
                        guard let (p, part) = FundPeriod.parse(field: f.field ?? ""), p != period else { return f }
                        return CellSpec(field: period.field(part), type: f.type)
                    }
                }
                // A field already drafted is not drafted again (其中：财政拨款 once for 中期, once for 年度).
                var seen = Set<String>()
                pending = pending.filter { f in
                    guard let name = f.field, !usedFields.contains(name), seen.insert(name).inserted else { return false }
                    return true
                }
                labelTexts.append(text)
                if anchor == nil, drafter.catalog.keys.values.contains(where: { $0.anchor.contains(key) }) { anchor = [text] }
                continue
            }
            if !titlePlaced && anchor == nil && slot.columns.count * 2 >= width {
                cells.append(CellSpec(field: "title", span: span, role: .title))
                titlePlaced = true
                // A title that is the form's name (no number, no project in it) reads back as no title.
                // (A value of the sheet in it — four characters or more of the project's name — makes it this table's
                // own title: `保安服务资金绩效目标表` for `中小学幼儿园保安服务`.)
                let names = sheet.cells.filter { $0.reference != slot.ref }.map { TextNormalizer.trimmed($0.value.text) }
                    .filter { $0.count >= 4 && labels[TextNormalizer.labelKey($0)] == nil }
                if text.rangeOfCharacter(from: .decimalDigits) == nil,
                   !names.contains(where: { ($0.longestCommonRun(with: text)?.count ?? 0) >= 4 }) { defaultTitle = text }
                continue
            }
            // `001002 聊城市农业技术推广服务中心` above the table (a code of five digits or more, not a year): the implementing
            // unit's code and name.
            if pending.isEmpty, anchor == nil, fieldTypes["implementingUnit.code"] != nil,
               !usedFields.contains("implementingUnit.name"), !usedFields.contains("implementingUnit.code"),
               text.range(of: #"^[0-9]{5,}\s+[^\s0-9]{2,}$"#, options: .regularExpression) != nil {
                cells.append(CellSpec(text: "{implementingUnit.code:digits} {implementingUnit.name}", span: span, rows: rowSpan))
                usedFields.formUnion(["implementingUnit.code", "implementingUnit.name"])
                continue
            }
            // `编码-名称` or `[编码]名称` after a name label (the 一体化 system's cells, 聊城's 项目单位): a line with the
            // code and the name (a code has three characters or more: `80-89 周岁高龄津贴` is a name).
            if let wanted = pending.first?.field, let codeField = LayoutDrafter.codeField(of: wanted), fieldTypes[codeField] != nil, !usedFields.contains(codeField),
               let line = text.range(of: #"^[0-9][0-9A-Z]{2,}\s*[-－—]\s*\S"#, options: .regularExpression) != nil ? "{\(codeField):code}-{\(wanted)}"
                : text.range(of: #"^[\[［【][0-9]{2,}[\]］】]\s*[^0-9\s]"#, options: .regularExpression) != nil ? "[{\(codeField):digits}]{\(wanted)}" : nil {
                cells.append(CellSpec(text: line, span: span, rows: rowSpan))
                pending.removeFirst()
                usedFields.formUnion([codeField, wanted])
                continue
            }
            // A known line: after a label, one that holds the label's field (`012-平阴县水务局` for 主管部门); alone, one
            // with words of its own (`（2024年度）`), never a bare `{field}` that any text matches.
            let wanted = pending.first?.field
            if let template = templates.first(where: { t in
                t.template.fields.allSatisfy { fieldTypes[$0] != nil && !usedFields.contains($0) }
                    && (wanted.map { t.template.fields.contains($0) && t.template.fields.count > 1 }
                        ?? (!TextNormalizer.labelKey(t.template.literalText).isEmpty || t.template.hasPatternedField))
                    && t.template.match(text) != nil
            }) {
                cells.append(CellSpec(text: template.text, span: span, rows: rowSpan, role: pending.isEmpty ? .subtitle : nil))
                pending.removeAll { f in template.template.fields.contains(f.field ?? "") }
                usedFields.formUnion(template.template.fields)
                continue
            }
            // An amount field takes a number; a text where an amount is due is the next label, not its value.
            if let f = pending.first, fieldTypes[f.field ?? ""] == .amount, !LayoutDrafter.isAmount(text) { pending.removeAll() }
            // A funds label no layout has (财政专户管理资金 | 0.000000): its words say which part.
            if !LayoutDrafter.isAmount(text), s + 1 < slots.count, LayoutDrafter.isAmount(slots[s + 1].text ?? ""), let part = LayoutDrafter.fundPart(ofLabel: text) {
                let field = (FundPeriod.of(text) ?? .annual).field(part)
                if fieldTypes[field] != nil && !usedFields.contains(field) {
                    cells.append(CellSpec(label: [text], span: span, rows: rowSpan))
                    labelTexts.append(text)
                    pending = [CellSpec(field: field, type: .amount)]
                    continue
                }
            }
            // A goal's sub-label between the label and the text (绩效目标 | 目标 | …, 目标1): a label of its own.
            if let f = pending.first?.field, f.hasPrefix("goals."), text.range(of: #"^目标[0-9一二三四五六七八九十]*[:：]?$"#, options: .regularExpression) != nil {
                cells.append(CellSpec(label: [text], span: span, rows: rowSpan))
                continue
            }
            if !pending.isEmpty {
                var f = pending.removeFirst()
                f.span = span
                f.rows = rowSpan
                cells.append(f)
                usedFields.insert(f.field ?? "")
                continue
            }
            if Amount(text: text).value != nil || text.count > 20 {
                unplaced.append("\(slot.ref)\(Diagnostic.quoted(text))：不知道这是哪个字段的值，未起草（导入时作为附加信息保留）")
                extendLast(slot)
            } else {
                // A caption of the form (资金来源, 按收入性质分): kept as a known line.
                cells.append(CellSpec(text: text, span: span, rows: rowSpan, role: .header))
                unplaced.append("\(slot.ref)\(Diagnostic.quoted(text))：不是已知标签，按固定文字（表头）起草；如是字段的标签，请改为 label 并指定 field")
            }
        }
        for f in pending { unplaced.append("第 \(r + 1) 行：标签后缺少“\(f.field ?? "")”的单元格") }
        if !cells.isEmpty { rows.append(.fixed(FixedRowSpec(cells: cells, height: nil))) }
    }
}
