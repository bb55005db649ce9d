import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Writes one table into one sheet following a layout: fixed rows top to bottom, the spending plan,
/// extras, and indicator blocks with level 1 and level 2 merged over their groups.
struct SheetComposer {
    let spec: LayoutSpec
    let sheet: SheetWriter
    let draft: TableDraft
    /// The title the layout's `titleTemplate` makes of the table's fields, for a table without a title of its own.
    var renderedTitle: String? { spec.titleTemplate.flatMap(TextTemplate.init).flatMap { draft.title(from: $0) } }
    /// A blank template: skeleton indicator rows, dropdowns, protection.
    let template: Bool
    let vocabulary: Vocabulary
    let listNames: ListNames
    /// Review notes to put on cells (a comment, and the cell highlighted), by model location.
    var notes: [ModelLocation: [String]] = [:]
    /// Where each model location was written: lets a findings sheet name the cell in this copy.
    private(set) var placed: [ModelLocation: CellReference] = [:]

    private(set) var row = 0
    private var occupied = Set<CellReference>()
    private(set) var placedFields = Set<String>()
    private(set) var placedScopes = Set<String>()
    private(set) var placedSpendingPlan = false
    private(set) var placedExtras = false
    private(set) var firstHeaderRows: ClosedRange<Int>?
    /// What a layout could not hold exactly (reported with the export's warnings).
    private(set) var lossyNotes: [String] = []
    /// Record fields a record block wrote.
    private(set) var placedRecordFields = Set<String>()

    init(spec: LayoutSpec, sheet: SheetWriter, draft: TableDraft, template: Bool, vocabulary: Vocabulary, listNames: ListNames) {
        self.spec = spec
        self.sheet = sheet
        self.draft = draft
        self.template = template
        self.vocabulary = vocabulary
        self.listNames = listNames
    }

    private var lastColumn: Int { spec.columnCount - 1 }

    /// The format for a cell at `locations`: highlighted when any of them has a note.
    private func marked(_ format: CellFormat, _ locations: [ModelLocation]) -> CellFormat {
        guard locations.contains(where: { notes[$0] != nil }) else { return format }
        var f = format
        f.fillColor = 0xFFC7CE
        return f
    }

    /// Records where `locations` were written and attaches their notes as one comment.
    private mutating func annotate(_ locations: [ModelLocation], at ref: CellReference) throws {
        var texts: [String] = []
        for loc in locations {
            placed[loc] = placed[loc] ?? ref
            texts += notes[loc] ?? []
        }
        if !texts.isEmpty { try sheet.addComment(texts.joined(separator: "\n"), at: ref, author: "审核") }
    }

    mutating func compose() throws {
        for (i, width) in spec.columnWidths.enumerated() { try sheet.setColumn(i...i, width: width) }
        for element in spec.rows {
            switch element {
            case .fixed(let r): try writeFixed(r)
            case .spendingPlan(let p): try writeSpendingPlan(p)
            case .extras(let e): try writeExtras(e)
            case .indicators(let b): try writeIndicators(b)
            case .records(let b): try writeRecords(b)
            }
        }
        try sheet.setPrint(PrintSetup(a4: true, landscape: spec.landscape ?? false, fitToWidth: true, repeatRows: firstHeaderRows))
        if template { try sheet.protect(allowInsertRows: true) }
    }

    // MARK: Cells

    /// Writes `text` over `columns` of rows `rows`, merging when more than one cell.
    private mutating func put(_ text: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>, format: CellFormat) throws {
        let range = CellRange(rows: rows, columns: columns)
        if range.isSingleCell {
            try sheet.write(text, at: range.first, format: format)
        } else {
            try sheet.merge(range, text: text, format: format)
        }
        for r in rows { for c in columns { occupied.insert(CellReference(row: r, column: c)) } }
    }

    private mutating func putAmount(_ amount: Amount?, rows: ClosedRange<Int>, columns: ClosedRange<Int>, format: CellFormat = CellStyles.amount) throws {
        guard let amount else { return try put("", rows: rows, columns: columns, format: format) }
        if amount.isCanonicalNumber, let v = amount.value {
            let range = CellRange(rows: rows, columns: columns)
            let number = DecimalText.double(v)
            if range.isSingleCell { try sheet.write(number, at: range.first, format: format) }
            else { try sheet.merge(range, number: number, format: format) }
            for r in rows { for c in columns { occupied.insert(CellReference(row: r, column: c)) } }
        } else {
            try put(amount.raw, rows: rows, columns: columns, format: format)
        }
    }

    private func nextFree(_ r: Int, from c: Int) -> Int {
        var c = c
        while occupied.contains(CellReference(row: r, column: c)) { c += 1 }
        return c
    }

    /// Rough row height for wrapped text: 宋体 10.5pt holds about one CJK character per 2 width units.
    private func estimatedHeight(_ text: String, widthUnits: Double) -> Double {
        min(max(Double(WrappedText.lineCount(text, columnWidth: widthUnits)) * 14.5 + 4, 20), 409)
    }

    private func width(_ columns: ClosedRange<Int>) -> Double {
        columns.reduce(0.0) { $0 + (spec.columnWidths.indices.contains($1) ? spec.columnWidths[$1] : 9) }
    }

    // MARK: Fixed rows

    private mutating func writeFixed(_ r: FixedRowSpec) throws {
        var column = 0
        var height = r.height ?? 20
        for cell in r.cells {
            column = nextFree(row, from: column)
            let columns = column...min(column + cell.columnSpan - 1, lastColumn)
            let rows = row...(row + cell.rowSpan - 1)
            if let text = cell.text, let template = TextTemplate(text) {
                placedFields.formUnion(template.fields)
                let rendered = template.render { f in draft.text(f) ?? draft.year(f).map(String.init) ?? draft.amount(f)?.raw }
                let here = template.fields.map { ModelLocation.field($0) }
                try put(rendered, rows: rows, columns: columns, format: marked(cell.role == .subtitle ? CellStyles.subtitle : cell.role == .header ? CellStyles.header : CellStyles.note, here))
                try annotate(here, at: CellReference(row: row, column: columns.lowerBound))
            } else if let text = cell.text {
                try put(text, rows: rows, columns: columns, format: cell.role == .header ? CellStyles.header : CellStyles.label)
            } else if let label = cell.label {
                try put(label[0], rows: rows, columns: columns, format: CellStyles.label)
            } else if let field = cell.field {
                placedFields.insert(field)
                let type = cell.type ?? TableFieldCatalog.fields(for: spec.kind)[field] ?? .text
                let here = [ModelLocation.field(field)]
                if cell.role == .title {
                    try put(draft.text(field) ?? renderedTitle ?? spec.defaultTitle ?? "", rows: rows, columns: columns, format: marked(CellStyles.title, here))
                } else {
                    switch type {
                    case .amount:
                        try putAmount(draft.amount(field), rows: rows, columns: columns, format: marked(CellStyles.amount, here))
                    case .year:
                        if let y = draft.year(field) {
                            let range = CellRange(rows: rows, columns: columns)
                            if range.isSingleCell { try sheet.write(Double(y), at: range.first, format: marked(CellStyles.input, here)) }
                            else { try sheet.merge(range, number: Double(y), format: marked(CellStyles.input, here)) }
                            for rr in rows { for c in columns { occupied.insert(CellReference(row: rr, column: c)) } }
                        } else {
                            try put("", rows: rows, columns: columns, format: marked(CellStyles.input, here))
                        }
                    case .text:
                        let text = draft.text(field) ?? ""
                        try put(text, rows: rows, columns: columns, format: marked(CellStyles.input, here))
                        height = max(height, estimatedHeight(text, widthUnits: width(columns)))
                    }
                    try annotate(here, at: CellReference(row: row, column: columns.lowerBound))
                    if let list = cell.list, let values = listNames.values(list) {
                        try sheet.addListValidation(CellRange(rows: rows, columns: columns).firstCellRange,
                                                    ListValidation(values: values, inputTitle: cell.label?.first, inputMessage: "请从下拉列表中选择", strict: false))
                    } else if template, let hint = cell.hint {
                        try sheet.addInputMessage(CellRange(rows: rows, columns: columns).firstCellRange, title: nil, message: hint)
                    }
                }
            }
            column = columns.upperBound + 1
        }
        // Close the row's right edge with bordered blanks so the grid prints as a box.
        for c in 0...lastColumn where !occupied.contains(CellReference(row: row, column: c)) {
            try sheet.writeBlank(at: CellReference(row: row, column: c), format: CellStyles.input)
            occupied.insert(CellReference(row: row, column: c))
        }
        if r.cells.first?.role == .title { height = max(r.height ?? 30, 30) }
        try sheet.setRow(row, height: height)
        row += 1
    }

    // MARK: Spending plan

    private mutating func writeSpendingPlan(_ p: SpendingPlanSpec) throws {
        placedSpendingPlan = true
        let plan = draft.spendingPlan
        let label = plan?.kind == .amount ? p.amountLabel[0] : p.percentLabel[0]
        if !(p.underLabel ?? false) {
            try put(label, rows: row...(row + 1), columns: 0...0, format: marked(CellStyles.label, [.field("spendingPlan")]))
        }
        try annotate([.field("spendingPlan")], at: CellReference(row: row, column: 0))
        let span = max(p.pointSpan ?? 1, 1)
        var column = 1
        let points = plan?.points ?? (template ? p.defaultPoints.map { SpendingPoint(label: $0, value: nil) } : [])
        for point in points {
            guard column + span - 1 <= lastColumn else { break }
            try put(point.label, rows: row...row, columns: column...(column + span - 1), format: CellStyles.header)
            if let v = point.value, v.isCanonicalNumber, let d = v.value {
                let range = CellRange(rows: (row + 1)...(row + 1), columns: column...(column + span - 1))
                let number = DecimalText.double(d)
                if range.isSingleCell { try sheet.write(number, at: range.first, format: CellStyles.centered) }
                else { try sheet.merge(range, number: number, format: CellStyles.centered) }
                for c in range.first.column...range.last.column { occupied.insert(CellReference(row: row + 1, column: c)) }
            } else {
                try put(point.value?.raw ?? "", rows: (row + 1)...(row + 1), columns: column...(column + span - 1), format: CellStyles.centered)
            }
            column += span
        }
        if column <= lastColumn {
            try put("", rows: row...(row + 1), columns: column...lastColumn, format: CellStyles.input)
        }
        row += 2
    }

    // MARK: Extras

    private mutating func writeExtras(_ e: ExtrasSpec) throws {
        placedExtras = true
        let labelSpan = max(e.labelSpan ?? 1, 1)
        for extra in draft.extras {
            try put(extra.label, rows: row...row, columns: 0...(labelSpan - 1), format: CellStyles.label)
            try put(extra.value, rows: row...row, columns: labelSpan...lastColumn, format: CellStyles.input)
            try sheet.setRow(row, height: estimatedHeight(extra.value, widthUnits: width(labelSpan...lastColumn)))
            row += 1
        }
    }

    // MARK: Indicators

    private func skeletonRows(_ b: IndicatorBlockSpec) -> [IndicatorRow] {
        let per = max(b.templateRowsPerGroup ?? 1, 1)
        var rows: [IndicatorRow] = []
        for l1 in listNames.level1 {
            for l2 in vocabulary.level2Names(under: l1) {
                for _ in 0..<per { rows.append(IndicatorRow(level1Raw: l1, level1: l1, level2Raw: l2, level2: l2, name: "", value: IndicatorValue(raw: ""))) }
            }
        }
        return rows
    }

    private mutating func writeIndicators(_ b: IndicatorBlockSpec) throws {
        if b.columns.contains(where: { $0.scope != nil && $0.scope != b.scope }) { return try writeSideBySide(b) }
        guard let scope = IndicatorScope(rawValue: b.scope) else { return }
        let set = draft.indicatorSets.first { $0.scope == scope }
        if set == nil && (b.optional ?? false) && !template { return }
        placedScopes.insert(b.scope)
        let rows = template ? skeletonRows(b) : (set?.rows ?? [])
        let grouped = b.columns.contains { $0.group != nil }
        let headerRows = row...(row + (grouped ? 1 : 0))
        let dataStart = headerRows.upperBound + 1
        let dataEnd = dataStart + rows.count - 1
        if firstHeaderRows == nil { firstHeaderRows = headerRows }

        var column = 0
        if let caption = b.caption {
            if b.captionSpansHeader ?? true || rows.isEmpty {
                try put(caption[0], rows: row...max(dataEnd, headerRows.upperBound), columns: 0...0, format: CellStyles.label)
            } else {
                try put("", rows: headerRows, columns: 0...0, format: CellStyles.header)
                try put(caption[0], rows: dataStart...max(dataEnd, dataStart), columns: 0...0, format: CellStyles.label)
            }
            column = 1
        }
        // Header: grouped columns get their caption above their own headers.
        var roleColumns: [IndicatorRole: ClosedRange<Int>] = [:]
        var i = 0
        while i < b.columns.count {
            let col = b.columns[i]
            let columns = column...(column + col.columnSpan - 1)
            if let group = col.group {
                var j = i
                var end = column
                while j < b.columns.count, b.columns[j].group == group {
                    let span = b.columns[j].columnSpan
                    let cols = end...(end + span - 1)
                    try put(b.columns[j].header[0], rows: (row + 1)...(row + 1), columns: cols, format: CellStyles.header)
                    roleColumns[b.columns[j].role] = cols
                    end += span
                    j += 1
                }
                try put(group, rows: row...row, columns: column...(end - 1), format: CellStyles.header)
                column = end
                i = j
            } else {
                try put(col.header[0], rows: headerRows, columns: columns, format: CellStyles.header)
                roleColumns[col.role] = columns
                column = columns.upperBound + 1
                i += 1
            }
        }
        for r in headerRows { try sheet.setRow(r, height: 22) }
        row = dataStart
        guard !rows.isEmpty else { return }

        let set2 = IndicatorSet(scope: scope, rows: rows)
        let split = roleColumns[.valueSymbol] != nil || roleColumns[.valueNumber] != nil || roleColumns[.valueUnit] != nil
        for group in set2.hierarchy {
            let g = group.rowIndices
            let l1 = g.map { ModelLocation.indicator(scope: scope, row: $0, field: "level1") }
            try put(group.level1Raw, rows: (dataStart + g.first!)...(dataStart + g.last!), columns: roleColumns[.level1]!, format: marked(CellStyles.centered, l1))
            try annotate(l1, at: CellReference(row: dataStart + g.first!, column: roleColumns[.level1]!.lowerBound))
            for sub in group.children {
                let s = sub.rowIndices
                let l2 = s.map { ModelLocation.indicator(scope: scope, row: $0, field: "level2") }
                try put(sub.level2Raw, rows: (dataStart + s.first!)...(dataStart + s.last!), columns: roleColumns[.level2]!, format: marked(CellStyles.centered, l2))
                try annotate(l2, at: CellReference(row: dataStart + s.first!, column: roleColumns[.level2]!.lowerBound))
            }
        }
        for (k, ind) in rows.enumerated() {
            let r = dataStart + k
            var height = 20.0
            func write(_ role: IndicatorRole, _ text: String?, _ format: CellFormat = CellStyles.input) throws {
                guard let cols = roleColumns[role] else { return }
                // The three value columns carry the notes of `value` on the number cell.
                let field = [.valueSymbol, .valueUnit].contains(role) ? nil : (role == .valueNumber ? "value" : role.rawValue)
                let here = field.map { [ModelLocation.indicator(scope: scope, row: k, field: $0)] } ?? []
                try put(text ?? "", rows: r...r, columns: cols, format: marked(format, here))
                try annotate(here, at: CellReference(row: r, column: cols.lowerBound))
                height = max(height, estimatedHeight(text ?? "", widthUnits: width(cols)))
            }
            try write(.name, ind.name)
            if split && roleColumns[.valueNumber] == nil && roleColumns[.value] != nil {
                // 指标性质 | 指标值 | 度量单位 (the 一体化 system's columns).
                let parts = ValueColumns.natureSplit(ind.value)
                try write(.valueSymbol, parts.nature == "定性" ? b.qualitativeMarker ?? parts.nature : parts.nature, CellStyles.centered)
                try write(.value, parts.value, CellStyles.centered)
                try write(.valueUnit, parts.unit, CellStyles.centered)
            } else if split {
                let parts = ValueColumns.split(ind.value)
                let marker = parts.symbol == ValueColumns.textSymbol && ind.value.split == nil ? b.qualitativeMarker ?? parts.symbol : parts.symbol
                try write(.valueSymbol, marker, CellStyles.centered)
                try write(.valueNumber, parts.number, CellStyles.centered)
                try write(.valueUnit, parts.unit, CellStyles.centered)
            } else {
                try write(.value, ind.value.raw, CellStyles.centered)
            }
            try write(.description, ind.description)
            try write(.basis, ind.basis)
            try write(.scoringRule, ind.scoringRule)
            try write(.weight, ind.weight, CellStyles.centered)
            try write(.remark, ind.remark)
            try sheet.setRow(r, height: height)
        }
        try addValidations(b, roleColumns, rows: dataStart...dataEnd)
        row = dataEnd + 1
    }

    /// A record block: a header of nested, merged captions, then one row per record; fill-down columns
    /// (职责序号, 部门职责) merged over runs of equal values.
    private mutating func writeRecords(_ b: RecordBlockSpec) throws {
        let depth = b.depth
        var positions: [ClosedRange<Int>] = []
        var column = b.firstColumn
        let top = row
        for col in b.columns {
            positions.append(column...(column + col.columnSpan - 1))
            column += col.columnSpan
        }
        for col in b.columns { if let f = col.captionField { placedFields.insert(f) } }
        func caption(_ col: RecordColumnSpec, _ level: Int) -> String {
            if level == col.header.count - 1, let f = col.captionField, let text = draft.text(f) { return text }
            return col.header[level][0]
        }
        for level in 0..<depth {
            var j = 0
            while j < b.columns.count {
                let col = b.columns[j]
                if col.header.count <= level { j += 1; continue }
                if col.header.count - 1 == level {
                    // Neighbours with the very same header share one merged caption (部门职责 over duty and sub-duty).
                    var end = j
                    while end + 1 < b.columns.count, b.columns[end + 1].header.map({ $0[0] }) == col.header.map({ $0[0] }) { end += 1 }
                    try put(caption(col, level), rows: (row + level)...(row + depth - 1), columns: positions[j].lowerBound...positions[end].upperBound,
                            format: CellStyles.header)
                    j = end + 1
                    continue
                }
                // A parent caption over the following columns that share it.
                var end = j
                while end + 1 < b.columns.count, b.columns[end + 1].header.count > level + 1,
                      (0...level).allSatisfy({ b.columns[end + 1].header[$0][0] == col.header[$0][0] }) { end += 1 }
                try put(col.header[level][0], rows: (row + level)...(row + level), columns: positions[j].lowerBound...positions[end].upperBound, format: CellStyles.header)
                j = end + 1
            }
            try sheet.setRow(row + level, height: 22)
        }
        if firstHeaderRows == nil { firstHeaderRows = row...(row + depth - 1) }
        row += depth
        let records = template ? Array(repeating: [String: String](), count: max(b.templateRows ?? 3, 1)) : draft.records
        guard !records.isEmpty else { return }
        for (j, col) in b.columns.enumerated() {
            placedRecordFields.insert(col.field)
            let texts = records.map { $0[col.field] }
            // Findings on a record's field (`rows[3].explanation`) become a comment on its cell.
            func here(_ records: ClosedRange<Int>) -> [ModelLocation] { records.map { .field("rows[\($0)].\(col.field)") } }
            if col.fillDown ?? false {
                var filled = 0
                for (first, last, text) in runs(texts) {
                    if first > filled { try put("", rows: (row + filled)...(row + first - 1), columns: positions[j], format: CellStyles.input) }
                    try put(text, rows: (row + first)...(row + last), columns: positions[j], format: marked(CellStyles.input, here(first...last)))
                    try annotate(here(first...last), at: CellReference(row: row + first, column: positions[j].lowerBound))
                    filled = last + 1
                }
                if filled < records.count { try put("", rows: (row + filled)...(row + records.count - 1), columns: positions[j], format: CellStyles.input) }
            } else {
                for (i, t) in texts.enumerated() {
                    try put(t ?? "", rows: (row + i)...(row + i), columns: positions[j], format: marked(CellStyles.input, here(i...i)))
                    try annotate(here(i...i), at: CellReference(row: row + i, column: positions[j].lowerBound))
                }
            }
        }
        for (i, record) in records.enumerated() {
            let longest = b.columns.enumerated().map { j, col in estimatedHeight(record[col.field] ?? "", widthUnits: width(positions[j])) }.max() ?? 20
            try sheet.setRow(row + i, height: longest)
        }
        row += records.count
        if let caption = b.caption?.first {
            try put(caption, rows: top...max(row - 1, top), columns: 0...0, format: CellStyles.label)
        }
    }

    /// Runs of equal, present texts: (first index, last index, text).
    private func runs(_ texts: [String?]) -> [(Int, Int, String)] {
        var out: [(Int, Int, String)] = []
        for (i, t) in texts.enumerated() {
            guard let t else { continue }
            if let last = out.last, last.1 == i - 1, last.2 == t { out[out.count - 1].1 = i } else { out.append((i, i, t)) }
        }
        return out
    }

    /// Two indicator sets side by side sharing the level-1 column (长清: 一级 | 二级 三级 指标值 (中期) | 二级 三级 指标值 (年度)).
    /// Physical row i carries row i of each set; the shared level 1 comes from the block's own set.
    private mutating func writeSideBySide(_ b: IndicatorBlockSpec) throws {
        var scopes: [String] = [b.scope]
        for c in b.columns { if let s = c.scope, !scopes.contains(s) { scopes.append(s) } }
        var sets: [String: [IndicatorRow]] = [:]
        for s in scopes {
            guard let scope = IndicatorScope(rawValue: s) else { continue }
            if template { sets[s] = skeletonRows(b) } else if let set = draft.indicatorSets.first(where: { $0.scope == scope }) { sets[s] = set.rows }
        }
        if sets.isEmpty && (b.optional ?? false) && !template { return }
        for s in scopes where sets[s] != nil { placedScopes.insert(s) }
        let n = sets.values.map(\.count).max() ?? 0
        let headerRows = row...row
        let dataStart = row + 1
        let dataEnd = dataStart + n - 1
        if firstHeaderRows == nil { firstHeaderRows = headerRows }
        var column = 0
        if let caption = b.caption {
            try put(caption[0], rows: row...max(dataEnd, row), columns: 0...0, format: CellStyles.label)
            column = 1
        }
        var placedColumns: [(IndicatorColumnSpec, String, ClosedRange<Int>)] = []
        for col in b.columns {
            let cols = column...(column + col.columnSpan - 1)
            try put(col.header[0], rows: headerRows, columns: cols, format: CellStyles.header)
            placedColumns.append((col, col.scope ?? b.scope, cols))
            column = cols.upperBound + 1
        }
        try sheet.setRow(row, height: 22)
        row = dataStart
        guard n > 0 else { return }
        func cell(_ scope: String, _ i: Int) -> IndicatorRow? {
            guard let rows = sets[scope], rows.indices.contains(i) else { return nil }
            return rows[i]
        }
        for (col, scope, cols) in placedColumns {
            let shared = col.scope == nil && scopes.count > 1
            switch col.role {
            case .level1, .level2:
                let texts: [String?] = (0..<n).map { i in
                    let source = shared ? (cell(b.scope, i) ?? scopes.lazy.compactMap { cell($0, i) }.first) : cell(scope, i)
                    return source.map { col.role == .level1 ? $0.level1Raw : $0.level2Raw }
                }
                if shared && col.role == .level1 {
                    for i in 0..<n where scopes.compactMap({ cell($0, i)?.level1Raw }).count > 1 && Set(scopes.compactMap { cell($0, i)?.level1Raw }).count > 1 {
                        lossyNotes.append("第 \(i + 1) 行中期与年度的一级指标不一致，共用的一级指标列按\(b.scope == "annual" ? "年度" : "中期")写出")
                    }
                }
                var filled = 0
                for (first, last, text) in runs(texts) {
                    if first > filled { try put("", rows: (dataStart + filled)...(dataStart + first - 1), columns: cols, format: CellStyles.centered) }
                    try put(text, rows: (dataStart + first)...(dataStart + last), columns: cols, format: CellStyles.centered)
                    filled = last + 1
                }
                if filled < n { try put("", rows: (dataStart + filled)...dataEnd, columns: cols, format: CellStyles.centered) }
            default:
                for i in 0..<n {
                    let r = cell(scope, i)
                    let text: String?
                    switch col.role {
                    case .name: text = r?.name
                    case .value: text = r?.value.raw
                    case .description: text = r?.description
                    case .basis: text = r?.basis
                    case .scoringRule: text = r?.scoringRule
                    case .weight: text = r?.weight
                    case .remark: text = r?.remark
                    default: text = nil
                    }
                    try put(text ?? "", rows: (dataStart + i)...(dataStart + i), columns: cols, format: col.role == .value ? CellStyles.centered : CellStyles.input)
                }
            }
        }
        for i in 0..<n { try sheet.setRow(dataStart + i, height: 20) }
        row = dataEnd + 1
    }

    private func addValidations(_ b: IndicatorBlockSpec, _ roleColumns: [IndicatorRole: ClosedRange<Int>], rows: ClosedRange<Int>) throws {
        for col in b.columns {
            guard let list = col.list, let cols = roleColumns[col.role] else { continue }
            let range = CellRange(rows: rows, columns: cols.lowerBound...cols.lowerBound)
            if list == "level2", let l1 = roleColumns[.level1] {
                // Level 2 depends on level 1 through a named range per level-1 name on the list sheet.
                let ref = "$" + CellReference.columnName(l1.lowerBound) + String(rows.lowerBound + 1)
                try sheet.addListValidation(range, ListValidation(formula: "=INDIRECT(\(ref))", inputTitle: "二级指标",
                                                                  inputMessage: "先选一级指标，再从下拉列表选择二级指标", errorTitle: "二级指标",
                                                                  errorMessage: "二级指标不在该一级指标的标准列表中，请确认。", strict: false))
            } else if let values = listNames.values(list) {
                let title = col.header[0]
                try sheet.addListValidation(range, ListValidation(values: values, inputTitle: title, inputMessage: "请从下拉列表中选择\(title)",
                                                                  errorTitle: title, errorMessage: "请从下拉列表中选择\(title)。", strict: false))
            } else if let formula = listNames.rangeFormula(list) {
                try sheet.addListValidation(range, ListValidation(formula: formula, inputTitle: col.header[0], strict: false))
            }
        }
    }
}

extension CellRange {
    /// The first cell as a one-cell range (validation on a merged cell goes on its top-left cell).
    var firstCellRange: CellRange { CellRange(first: first, last: first) }
}

import Foundation
