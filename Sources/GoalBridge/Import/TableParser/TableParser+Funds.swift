import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// Funds by meaning (a period named in the label or the column header, not the layout's order) and the spending plan.
extension TableParser {
    /// Rows that pair each amount with a label naming its period (`中期资金总额 | 3000 | 年度资金总额 | 1000`): read
    /// before the layout's own label groups, which would place the two by their order. Only rows that name both
    /// periods: a single `年度资金总额` is one of a layout's own spellings, read where the layout puts it.
    mutating func readPeriodLabelledFunds(rows: ClosedRange<Int>) {
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
    struct PeriodLabel {
        var ref: CellReference
        var period: FundPeriod
        var part: String
    }

    /// Funds the layout placed by column order, under a header that names the other period (`年度资金` over the
    /// column the layout calls 中期): moved where the header says, all at once (two swapped columns trade places),
    /// each move noted. A move onto a field that stays is not made: the header and the layout disagree, and the
    /// table says so.
    mutating func placeFundsByColumnHeader(rows: ClosedRange<Int>) {
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
    func columnHeader(above ref: CellReference, from top: Int) -> String? {
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

    mutating func parseSpendingPlan(rows: ClosedRange<Int>) {
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
}
