/// The kind of table a layout describes.
public enum TableKind: String, Codable, Sendable {
    case project
    case departmentIndicators
    /// 部门整体战略目标表 (聊城 E1).
    case departmentStrategic
    /// 部门整体绩效目标表 (聊城 E2).
    case departmentPerformance
    /// A summary list of projects (平阴 B0).
    case projectList
}

/// The type of a field's value.
public enum FieldType: String, Codable, Sendable {
    case text, amount, year
}

/// The look of a cell written by the exporter.
public enum CellRole: String, Codable, Sendable {
    case title, subtitle, label, value, header, note
}

/// One cell of a fixed row. Exactly one of `text`, `label`, `field` is set.
///
/// - `text`: static text (a title or a caption), written as is and matched on import when present.
/// - `label`: a label with its spellings; the first is written, any is accepted on import.
/// - `field`: a model field (see `TableFields`); on import its value is the cell right of the
///   label before it in the same row (right of that label's merged area), or right of the previous field.
public struct CellSpec: Codable, Sendable {
    public var text: String?
    public var label: [String]?
    public var field: String?
    public var type: FieldType?
    /// Columns and rows the cell spans (merged when more than one).
    public var span: Int?
    public var rows: Int?
    public var role: CellRole?
    /// A dropdown for the input cell (template only): the name of a list in `validations`.
    public var list: String?
    /// Input hint shown when the cell is selected (template only).
    public var hint: String?

    var columnSpan: Int { max(span ?? 1, 1) }
    var rowSpan: Int { max(rows ?? 1, 1) }
}

/// A row of fixed cells (labels and fields).
public struct FixedRowSpec: Codable, Sendable {
    public var cells: [CellSpec]
    public var height: Double?
}

/// What an indicator-block column holds.
public enum IndicatorRole: String, Codable, Sendable, CaseIterable {
    case level1, level2, name, value, description, basis, scoringRule, weight, remark
    case valueSymbol, valueNumber, valueUnit
}

public struct IndicatorColumnSpec: Codable, Sendable {
    public var role: IndicatorRole
    /// Header spellings; the first is written.
    public var header: [String]
    /// A caption over several columns (`指标值` over 符号/值/单位): the header then takes two rows.
    public var group: String?
    public var span: Int?
    /// A dropdown for this column in the blank template (a name in `lists`; `level2` cascades from level 1).
    public var list: String?
    /// The indicator set this column belongs to when two sets sit side by side (长清: 中期 | 年度); default: the block's.
    public var scope: String?
    var columnSpan: Int { max(span ?? 1, 1) }
}

/// The indicator block: an optional caption column merged over the whole block (`绩效指标`),
/// a header row, and one row per indicator with level 1 and level 2 merged over their groups.
public struct IndicatorBlockSpec: Codable, Sendable {
    public var scope: String
    /// Caption spellings, written in the first column and merged down the block.
    public var caption: [String]?
    public var columns: [IndicatorColumnSpec]
    /// Blank rows per level-2 group in a blank template.
    public var templateRowsPerGroup: Int?
    /// Omitted on export when the table has no such set.
    public var optional: Bool?
    /// False when the caption is merged over the data rows only and the header row's first cell is blank (平阴).
    public var captionSpansHeader: Bool?
    /// The word written in the 符号 / 指标性质 column for a value that is text (`定性`; default `文字描述` for 符号/值/单位
    /// and `定性` for 指标性质/指标值/度量单位). Any word the vocabulary calls text is read as such.
    public var qualitativeMarker: String?

    var indicatorScope: String { scope }
}

/// A spending plan: a label spanning two rows, point labels on the first row, values on the second.
public struct SpendingPlanSpec: Codable, Sendable {
    /// Label when the plan is in percentages / in amounts.
    public var percentLabel: [String]
    public var amountLabel: [String]
    /// Point labels written in a blank template.
    public var defaultPoints: [String]
    /// Columns each point spans.
    public var pointSpan: Int?
    /// The plan sits under a label written by the fixed row above (新华 C′: 资金支出计划 over the funds row and the
    /// two plan rows); no label of its own is written, and points start on the row below the label.
    public var underLabel: Bool?
}

/// A column of a record block: the record field it holds and its header as a path from the top header row
/// down (`[["指标参考值"], ["标准值"], ["当年标准值"], ["来源"]]`). A header cell matches an alias exactly or
/// with a parenthetical after it (`标准值 (规划目标、行业标准或其他明确)`).
public struct RecordColumnSpec: Codable, Sendable {
    public var field: String
    public var header: [[String]]
    public var span: Int?
    /// Merged down over several records, or written once with blanks below (职责序号, 部门职责).
    public var fillDown: Bool?
    /// A table field that records which header spelling was used (`officeCaption`: 对应科室 or 填报科室).
    public var captionField: String?
    var columnSpan: Int { max(span ?? 1, 1) }
}

/// Rows of records under a (possibly nested, several rows deep) header: 聊城's department tables, 平阴's summary list.
public struct RecordBlockSpec: Codable, Sendable {
    public var columns: [RecordColumnSpec]
    /// Caption spellings, written in the first column and merged down over the header and the records
    /// (年度主要任务 beside 任务名称 | 主要内容); the columns then start in the second column.
    public var caption: [String]?
    /// Blank rows in a blank template.
    public var templateRows: Int?

    var depth: Int { columns.map(\.header.count).max() ?? 1 }
    var firstColumn: Int { caption == nil ? 0 : 1 }
}

/// Rows for labelled content with no field of its own: one `label | value` row each.
public struct ExtrasSpec: Codable, Sendable {
    public var labelSpan: Int?
}

/// One element of a layout, top to bottom.
public enum RowSpec: Codable, Sendable {
    case fixed(FixedRowSpec)
    case indicators(IndicatorBlockSpec)
    case spendingPlan(SpendingPlanSpec)
    case extras(ExtrasSpec)
    case records(RecordBlockSpec)

    private enum Keys: String, CodingKey { case cells, height, indicators, spendingPlan, extras, records }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if c.contains(.indicators) { self = .indicators(try c.decode(IndicatorBlockSpec.self, forKey: .indicators)) }
        else if c.contains(.spendingPlan) { self = .spendingPlan(try c.decode(SpendingPlanSpec.self, forKey: .spendingPlan)) }
        else if c.contains(.extras) { self = .extras(try c.decode(ExtrasSpec.self, forKey: .extras)) }
        else if c.contains(.records) { self = .records(try c.decode(RecordBlockSpec.self, forKey: .records)) }
        else { self = .fixed(try FixedRowSpec(from: decoder)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .fixed(let f): try c.encode(f.cells, forKey: .cells); try c.encodeIfPresent(f.height, forKey: .height)
        case .indicators(let b): try c.encode(b, forKey: .indicators)
        case .spendingPlan(let s): try c.encode(s, forKey: .spendingPlan)
        case .extras(let e): try c.encode(e, forKey: .extras)
        case .records(let r): try c.encode(r, forKey: .records)
        }
    }
}

/// A named list for dropdowns. `vocabulary:level1` and `vocabulary:level2` are filled from the vocabulary.
public struct ListSpec: Codable, Sendable {
    public var values: [String]?
    public var source: String?
}

/// A declarative layout: one description drives both import and export. See docs/layouts.md.
public struct LayoutSpec: Codable, Sendable {
    public var id: String
    public var name: String
    public var version: String
    public var kind: TableKind
    /// Sheet name used on export.
    public var sheetName: String
    /// Column widths in characters, left to right.
    public var columnWidths: [Double]
    /// Labels that start a table; each occurrence on a sheet starts one table. A spelling that starts with `*`
    /// matches any cell ending with the rest (`*整体绩效目标表` for titles that name the department).
    public var anchor: [String]
    /// Labels that must all be present for the layout to match (besides the anchor).
    public var requiredLabels: [String]?
    /// Title written when the table has none; a title equal to it reads back as no title.
    public var defaultTitle: String?
    public var rows: [RowSpec]
    public var lists: [String: ListSpec]?
    public var landscape: Bool?
    /// The form the title follows when it names the table (`{departmentName}{fiscalYear:year}年度部门整体支出绩效目标表`):
    /// the fields in it are taken from the title when no cell of their own gave them, and a table without a title is
    /// written with it. A title equal to what the template makes of the table's own fields reads back as no title.
    public var titleTemplate: String?
    /// Text of the 填报说明 sheet in the blank template, one paragraph per entry.
    public var instructions: [String]?
    /// Lines every file of this form carries that hold no field (`表号`, `编号`, `金额单位：万元（保留两位小数）`): a cell
    /// starting with one of these (spaces ignored) is kept as a known line — an extra labelled by its words — without a
    /// warning, wherever it sits in the table (besides the note and signature lines every form may have).
    public var knownLines: [String]?

    public var columnCount: Int { columnWidths.count }

    /// The fields the form has a place for: its fixed cells' fields and those inside its texts (`部门名称：{departmentName}`).
    public var formFields: Set<String> {
        var fields = Set<String>()
        for case .fixed(let row) in rows {
            for cell in row.cells {
                if let field = cell.field { fields.insert(field) }
                if let text = cell.text, let template = TextTemplate(text) { fields.formUnion(template.fields) }
            }
        }
        return fields
    }
}
