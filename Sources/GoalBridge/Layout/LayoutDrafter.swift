import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Drafts a layout from a department's sample workbook (`goalbridge layouts draft`), with what the layouts already
/// know: a label is matched to fields through the spellings every layout has for it, a value cell that a known line
/// (`（2024年度）`, `012-平阴县水务局`) describes becomes that line, indicator headers become roles through the layouts'
/// headers and the vocabulary, merges become spans and row spans, the wide line above the first label the title.
/// What it cannot place is listed, in words for the person writing the layout; the draft is a start, to be checked
/// with `layouts try` and finished by hand.
///
/// ```swift
/// let draft = LayoutDrafter(catalog: try LayoutCatalog.current()).draft(sheet, id: "county-2025")
/// print(draft.unplaced)   // ["D7“分值说明”：表头不认识，该列未起草", …]
/// ```
public struct LayoutDrafter {
    let catalog: LayoutCatalog
    let vocabulary: Vocabulary

    public init(catalog: LayoutCatalog, vocabulary: Vocabulary = .standard) {
        self.catalog = catalog
        self.vocabulary = vocabulary
    }

    /// A drafted layout and the cells it could not place.
    public struct Draft {
        public var spec: LayoutSpec
        public var unplaced: [String]
    }

    /// What the shipped layouts know of a label: its spellings and the fields that follow it on its row.
    private struct KnownLabel {
        var aliases: [String]
        var fields: [CellSpec]
        var kind: TableKind
    }

    /// One cell or merged area starting on a row, or an empty column between them.
    private struct Slot {
        var columns: ClosedRange<Int>
        var rows: Int
        var text: String?
        var ref: CellReference
    }

    /// The sheet of a sample to draft from: the first visible one with an indicator header (一级指标 beside 二级指标),
    /// else the first with content.
    public func sampleSheet(in workbook: Workbook) -> Sheet? {
        let visible = workbook.sheets.filter { $0.state == .visible && !$0.cells.isEmpty }
        return visible.first { !indicatorHeaderRows(GridView($0)).isEmpty } ?? visible.first
    }

    public func draft(_ sheet: Sheet, id: String, name: String? = nil) -> Draft {
        let grid = GridView(sheet)
        var unplaced: [String] = []
        let width = max((sheet.cells.map(\.reference.column) + sheet.merges.map(\.last.column)).max() ?? 0, 0) + 1
        let allHeaderRows = indicatorHeaderRows(grid)
        let headerRow = allHeaderRows.first
        let fixedEnd = headerRow.map { captionTop(grid, $0) - 1 } ?? grid.lastRow
        // The kind: department-wide when more of its labels are there than a project's; then only that kind's layouts
        // say what a label means (资金总额 is one amount in a department table, 中期 and 年度 in a project table).
        var kindVotes: [TableKind: Int] = [:]
        for kind in [TableKind.project, .departmentIndicators] {
            let labels = knowledge(kind).labels
            kindVotes[kind] = grid.cells(inRows: 0...max(fixedEnd, 0)).filter { ref in grid.labelKey(ref.row, ref.column).map { labels[$0] != nil } ?? false }.count
        }
        // With no label of either (永清 F1: a title and the indicators), the title's words decide.
        let firstText = grid.allReferences.first.flatMap { grid.text($0.row, $0.column) } ?? ""
        let departmentTitle = firstText.contains("部门整体") || firstText.contains("部门（单位）整体") || firstText.contains("整体支出")
        let kind: TableKind = (kindVotes[.departmentIndicators] ?? 0) > (kindVotes[.project] ?? 0)
            || (kindVotes[.departmentIndicators] ?? 0) == (kindVotes[.project] ?? 0) && departmentTitle ? .departmentIndicators : .project
        let (labels, templates, headerRoles, captions) = knowledge(kind)
        // One table: from the title lines over the anchor nearest above the first indicator header, to the header rows
        // before the next anchor (a sheet may stack a summary list or other tables around it).
        // The labels that name the table's subject (not 序号, 一级指标 or 绩效目标, which other layouts anchor on).
        let anchorKeys = Set((kind == .project ? ["项目名称", "专项资金名称", "项目编码", "项目编号"] : ["部门（单位）名称", "部门名称", "单位名称"])
            .map { TextNormalizer.labelKey($0) })
        let anchorRows = grid.allReferences.filter { grid.labelKey($0.row, $0.column).map(anchorKeys.contains) ?? false }.map(\.row)
        var firstRow = 0
        if let h = headerRow, let a = anchorRows.filter({ $0 < h }).max() {
            firstRow = a
            // The title and unit lines above the anchor: rows without any known label, at most three.
            while firstRow > 0, a - firstRow < 3, grid.hasCells(inRow: firstRow - 1),
                  !grid.cells(inRows: (firstRow - 1)...(firstRow - 1)).contains(where: { grid.labelKey($0.row, $0.column).map { labels[$0] != nil } ?? false }) {
                firstRow -= 1
            }
        }
        let nextAnchor = headerRow.flatMap { h in anchorRows.filter { $0 > h }.min() } ?? Int.max
        let headerRows = allHeaderRows.filter { $0 < nextAnchor }
        let fieldTypes = TableFieldCatalog.fields(for: kind)

        var rows: [RowSpec] = []
        var anchor: [String]?
        var titlePlaced = false
        var labelTexts: [String] = []
        var usedFields = Set<String>()
        var defaultTitle: String?
        var fieldOnLaterRow: (row: Int, field: String)?
        let plan = planLabels()
        let planKeys = Set((plan.percent + plan.amount).map { TextNormalizer.labelKey($0) })
        var skipRow: Int?
        /// Fields that header texts of the row above give to the cells under them (总体绩效目标 | 年度绩效目标 over two texts).
        var fieldsBelow: [(columns: ClosedRange<Int>, field: CellSpec)] = []
        for r in firstRow...max(fixedEnd, firstRow) where r <= grid.lastRow && r != skipRow {
            let slots = rowSlots(sheet, grid, r, width)
            guard slots.contains(where: { $0.text != nil }) else { continue }
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
                continue
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
                    continue
                }
            }
            // (A row with a label of its own — 资金用途 | … — is read as usual.)
            if let (row, _) = fieldOnLaterRow, row == r, slots.contains(where: { $0.text.map { labels[TextNormalizer.labelKey($0)] != nil } ?? false }) {
                fieldOnLaterRow = nil
            }
            if let (row, field) = fieldOnLaterRow, row == r, let slot = slots.first(where: { $0.text.map { !Self.isAmount($0) } ?? false }) {
                // The text under a label spanning rows (预算规模及资金用途 over the fund use).
                fieldOnLaterRow = nil
                usedFields.insert(field)
                rows.append(.fixed(FixedRowSpec(cells: [CellSpec(field: field, span: slot.columns.count > 1 ? slot.columns.count : nil)], height: nil)))
                for other in slots where other.ref != slot.ref && other.text != nil {
                    unplaced.append("\(other.ref)\(Diagnostic.quoted(other.text!))：不知道这是哪个字段的值，未起草（导入时作为附加信息保留）")
                }
                continue
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
                    continue
                }
                for f in below { usedFields.remove(f.field.field ?? "") }
            }
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
                    let values = valueSlots(after: s, in: slots, labels)
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
                    if anchor == nil, catalog.keys.values.contains(where: { $0.anchor.contains(key) }) { anchor = [text] }
                    continue
                }
                if !titlePlaced && anchor == nil && slot.columns.count * 2 >= width {
                    cells.append(CellSpec(field: "title", span: span, role: .title))
                    titlePlaced = true
                    // A title that is the form's name (no number, no project in it) reads back as no title.
                    // (A value of the sheet inside it — the project's name — makes it this table's own title.)
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
                if let wanted = pending.first?.field, let codeField = Self.codeField(of: wanted), fieldTypes[codeField] != nil, !usedFields.contains(codeField),
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
                if let f = pending.first, fieldTypes[f.field ?? ""] == .amount, !Self.isAmount(text) { pending.removeAll() }
                // A funds label no layout has (财政专户管理资金 | 0.000000): its words say which part.
                if !Self.isAmount(text), s + 1 < slots.count, Self.isAmount(slots[s + 1].text ?? ""), let part = Self.fundPart(ofLabel: text) {
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
        rows.append(.extras(ExtrasSpec(labelSpan: 1)))
        var requiredHeaders: [String] = []
        // Blocks one under the other (年度 then 中期): a later block whose caption names the mid-term is that set.
        for (i, h) in headerRows.enumerated() {
            var (block, notes, headers) = indicatorBlock(sheet, grid, h, width, headerRoles, captions)
            if i > 0 {
                if let caption = block.caption?.first, FundPeriod.of(caption) == .midTerm { block.scope = IndicatorScope.midTerm.rawValue; block.optional = true }
                else { notes.append("第 \(h + 1) 行的指标块：不知道是哪一组指标（标题中没有“中期”“年度”），按年度起草") }
            }
            rows.append(.indicators(block))
            unplaced += notes
            if i == 0 { requiredHeaders = headers }
        }
        if headerRows.isEmpty {
            unplaced.append("没有找到一级指标、二级指标的表头行：未起草指标块")
        }
        // Labels that tell this form from the others: those the standard layouts do not have, a few of them.
        let common = (catalog.layout("standard")?.allLabelKeys ?? []).union(catalog.layout("department-standard")?.allLabelKeys ?? [])
        let distinctive = labelTexts.filter { !common.contains(TextNormalizer.labelKey($0)) && $0 != anchor?.first }
        let required = Array((distinctive.isEmpty ? requiredHeaders : distinctive).prefix(4))
        if anchor == nil {
            // A form without a name label (永清: title, 绩效目标, indicators): its first label, else its first indicator header.
            anchor = labelTexts.first.map { [$0] } ?? requiredHeaders.first.map { [$0] }
            unplaced.append("没有找到项目名称、部门名称等标签，锚点暂用“\(anchor?.first ?? "")”：请在 anchor 中写上这种表每张都有的标签")
        }
        let spec = LayoutSpec(id: id, name: name ?? "草稿：\(sheet.name)", version: "0.1", kind: kind, sheetName: sheet.name,
                              columnWidths: Array(repeating: 14, count: width), anchor: anchor ?? [],
                              requiredLabels: required.isEmpty ? nil : required, defaultTitle: defaultTitle, rows: rows,
                              lists: ["level1": ListSpec(values: nil, source: kind == .project ? "vocabulary:level1:project" : "vocabulary:level1:department"),
                                      "level2": ListSpec(values: nil, source: "vocabulary:level2")],
                              landscape: width > 6 ? true : nil, instructions: nil)
        return Draft(spec: spec, unplaced: unplaced)
    }

    /// How many value cells follow a label before the next label (a known one, or a text followed by a number).
    private func valueSlots(after s: Int, in slots: [Slot], _ labels: [String: KnownLabel]) -> Int {
        var n = 0
        for k in (s + 1)..<slots.count {
            guard let t = slots[k].text else { n += 1; continue }
            let key = TextNormalizer.labelKey(t)
            if labels[key] != nil || FundPeriod.splitLabel(key).map({ labels[$0.rest] != nil }) == true { break }
            if !Self.isAmount(t), k + 1 < slots.count, Self.isAmount(slots[k + 1].text ?? "") { break }
            n += 1
        }
        return n
    }

    static func isAmount(_ text: String) -> Bool { Amount(text: text).value != nil }

    /// The code field beside a name field (`projectName` → `projectCode`).
    static func codeField(of field: String) -> String? {
        switch field {
        case "projectName": return "projectCode"
        case "supervisingDepartment.name": return "supervisingDepartment.code"
        case "implementingUnit.name": return "implementingUnit.code"
        default: return nil
        }
    }

    /// The funds part a label names by its words (财政专户管理资金 → specialAccount, 单位资金 → unitOwn), for labels no
    /// layout has; the most specific words first.
    static func fundPart(ofLabel text: String) -> String? {
        let parts: [(String, String)] = [("财政专户", "specialAccount"), ("单位资金", "unitOwn"), ("自有资金", "unitOwn"), ("结转", "carryover"),
                                         ("政府性基金", "governmentFund"), ("一般公共预算", "generalBudget"), ("基本支出", "basicExpenditure"),
                                         ("项目支出", "projectExpenditure"), ("其他", "other"), ("财政", "fiscal"), ("拨款", "fiscal"),
                                         ("总额", "total"), ("合计", "total")]
        return parts.first { text.contains($0.0) }?.1
    }

    /// Label key → spellings and fields, header key → role, and the known lines with fields, from every layout.
    /// The spending plan's labels every layout knows, in percent and in amounts.
    private func planLabels() -> (percent: [String], amount: [String]) {
        var percent: [String] = [], amount: [String] = []
        for spec in catalog.layouts {
            for row in spec.rows {
                guard case .spendingPlan(let p) = row else { continue }
                percent += p.percentLabel.filter { !percent.contains($0) }
                amount += p.amountLabel.filter { !amount.contains($0) }
            }
        }
        return (percent, amount)
    }

    private func knowledge(_ kind: TableKind) -> (labels: [String: KnownLabel], templates: [(text: String, template: TextTemplate)],
                                                  headerRoles: [String: IndicatorRole], captions: Set<String>) {
        var labels: [String: KnownLabel] = [:]
        var templates: [(String, TextTemplate)] = []
        var roles: [String: IndicatorRole] = [:]
        var captions = Set<String>()
        // The standard layouts first: their spellings and fields are the ones a draft should prefer.
        let ordered = catalog.layouts.sorted { a, b in (a.id.hasSuffix("standard") ? 0 : 1, a.id) < (b.id.hasSuffix("standard") ? 0 : 1, b.id) }
        for spec in ordered {
            guard spec.kind == kind else { continue }
            for group in LayoutKeys.labelGroups(spec).groups {
                // The field with its type; a dropdown or hint of the other layout does not carry over.
                let fields = group.fields.filter { $0.rowOffset == 0 }.map { CellSpec(field: $0.cell.field, type: $0.cell.type) }
                // A layout that reads a field after the label wins over one that has the label alone.
                for key in group.keys where labels[key] == nil || (labels[key]!.fields.isEmpty && !fields.isEmpty) {
                    labels[key] = KnownLabel(aliases: group.aliases, fields: fields, kind: spec.kind)
                }
            }
            for row in spec.rows {
                switch row {
                case .fixed(let f):
                    for c in f.cells { if let t = c.text, let template = TextTemplate(t), !templates.contains(where: { $0.0 == t }) { templates.append((t, template)) } }
                case .indicators(let b):
                    for key in (b.caption ?? []).map({ TextNormalizer.labelKey($0) }) { captions.insert(key) }
                    for col in b.columns {
                        for h in col.header { let k = TextNormalizer.labelKey(h); if roles[k] == nil { roles[k] = col.role } }
                    }
                default: break
                }
            }
        }
        return (labels, templates, roles, captions)
    }

    /// The rows holding both a 一级指标 and a 二级指标 header, top to bottom.
    private func indicatorHeaderRows(_ grid: GridView) -> [Int] {
        let l1 = catalog.keys.values.reduce(into: Set<String>()) { $0.formUnion($1.level1Headers) }
        let l2 = catalog.keys.values.reduce(into: Set<String>()) { $0.formUnion($1.level2Headers) }
        return grid.rows(withKeyIn: l1).intersection(grid.rows(withKeyIn: l2)).sorted()
    }

    /// The first row of a caption merged down beside the header (绩效指标), or the header row.
    private func captionTop(_ grid: GridView, _ h: Int) -> Int {
        guard let m = grid.merge(at: h, 0), m.first.row < h, grid.text(m.first.row, 0) != nil else { return h }
        return m.first.row
    }

    private func rowSlots(_ sheet: Sheet, _ grid: GridView, _ r: Int, _ width: Int) -> [Slot] {
        var slots: [Slot] = []
        var c = 0
        while c < width {
            if let m = grid.merge(at: r, c) {
                if m.first.row < r { c = m.last.column + 1; continue }
                slots.append(Slot(columns: m.first.column...m.last.column, rows: m.last.row - m.first.row + 1,
                                  text: grid.text(m.first.row, m.first.column), ref: m.first))
                c = m.last.column + 1
            } else {
                slots.append(Slot(columns: c...c, rows: 1, text: grid.text(r, c), ref: CellReference(row: r, column: c)))
                c += 1
            }
        }
        while let last = slots.last, last.text == nil { slots.removeLast() }
        return slots
    }

    /// The indicator block from its header row: a caption merged down the first column, then each header to its role
    /// (through the layouts' headers and the vocabulary's column names); a caption over sub-headers (指标值 over
    /// 符号/值/单位) becomes their group; a second 二级指标 starts a second set side by side (left 中期, right 年度).
    private func indicatorBlock(_ sheet: Sheet, _ grid: GridView, _ h: Int, _ width: Int, _ roles: [String: IndicatorRole],
                                _ captions: Set<String>) -> (IndicatorBlockSpec, [String], [String]) {
        var notes: [String] = []
        var caption: [String]?
        var columns: [IndicatorColumnSpec] = []
        var headers: [String] = []
        func role(_ text: String) -> IndicatorRole? {
            let key = TextNormalizer.labelKey(text)
            return roles[key] ?? vocabulary.indicatorColumnRole(forHeaderKey: key).flatMap(IndicatorRole.init(rawValue:))
        }
        for slot in rowSlots(sheet, grid, h, width) {
            guard let text = slot.text else { continue }
            if slot.columns.lowerBound == 0, role(text) == nil {
                caption = [text]
                continue
            }
            let span = slot.columns.count > 1 ? slot.columns.count : nil
            // A caption over sub-headers on the next row (指标值 over 符号 | 值 | 单位): the sub-headers are the columns.
            let subs = slot.columns.count < 2 ? [] : slot.columns.compactMap { c -> (String, IndicatorRole)? in
                guard let t = grid.text(h + 1, c), let r = role(t) else { return nil }
                return (t, r)
            }
            if subs.count >= 2 {
                for (t, r) in subs { columns.append(IndicatorColumnSpec(role: r, header: [t], group: text, span: nil, list: nil, scope: nil)) }
                continue
            }
            if let role = role(text) {
                columns.append(IndicatorColumnSpec(role: role, header: [text], group: nil, span: span, list: role == .level1 ? "level1" : role == .level2 ? "level2" : nil, scope: nil))
                headers.append(text)
                continue
            }
            notes.append("\(slot.ref)\(Diagnostic.quoted(text))：表头不认识，该列未起草（导入时其内容作为附加信息保留）")
        }
        if let caption, captions.contains(TextNormalizer.labelKey(caption[0])) == false {
            notes.append("指标块标题\(Diagnostic.quoted(caption[0]))不是已知写法，已按原文起草")
        }
        // Two sets side by side: the columns from the first 二级指标 up to the second belong to the left set.
        let level2 = columns.indices.filter { columns[$0].role == .level2 }
        if level2.count == 2 {
            for i in level2[0]..<level2[1] { columns[i].scope = IndicatorScope.midTerm.rawValue }
            notes.append("两组指标并列：左边一组按中期（总体）指标、右边一组按年度指标起草，请核对")
        }
        let block = IndicatorBlockSpec(scope: IndicatorScope.annual.rawValue, caption: caption, columns: columns, templateRowsPerGroup: 1,
                                       optional: nil, captionSpansHeader: nil)
        return (block, notes, headers)
    }
}
