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

    var diagnostics: [Diagnostic] = []
    /// What the table says against the layout it is read with (a 年度 header over the column the layout calls
    /// 中期; a 指标值 column left empty beside a full column the layout does not know): such a table is uncertain,
    /// whatever its score.
    var contradictions: [String] = []
    /// The last row that belongs to the table.
    var tableEnd: Int
    var draft = TableDraft()
    /// The title cell's text and where it was, kept even when the title is the layout's default (and so not a
    /// field of its own): the year may be in it.
    var titleCell: (text: String, source: SourceCell)?
    /// Rows with both a level-1 and a level-2 column header: the indicator blocks' header rows.
    let headerRows: Set<Int>

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

    mutating func warn(_ code: String, _ message: String, _ r: Int, _ c: Int) {
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
    mutating func convertAmountsWrittenInAnotherUnit() {
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
}
