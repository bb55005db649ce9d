import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Writes goal tables as workbooks in a layout, and writes blank templates.
///
/// ```swift
/// let exporter = try GoalExporter()
/// let warnings = try exporter.export(document.tables, to: "out.xlsx")            // each table in the standard layout
/// try exporter.writeTemplate(layout: "standard", to: "项目支出绩效目标表.xlsx")
/// ```
public struct GoalExporter: Sendable {
    public let catalog: LayoutCatalog
    public let vocabulary: Vocabulary

    /// An exporter over a layout catalog: by default the one import uses (`LayoutCatalog.current()`: the shipped
    /// layouts and the bureau's own), so a table goes out in the layout it came in.
    ///
    /// ```swift
    /// let exporter = try GoalExporter()
    /// ```
    public init(catalog: LayoutCatalog? = nil, vocabulary: Vocabulary = .standard) throws {
        self.catalog = try catalog ?? LayoutCatalog.current()
        self.vocabulary = vocabulary
    }

    /// The layout a table is written in: the one asked for, else the one it was read from (if known and of
    /// the same kind), else the standard layout of its kind.
    public func layout(for table: GoalTable, requested: String?) throws -> LayoutSpec {
        let kind: TableKind
        switch table {
        case .project: kind = .project
        case .departmentIndicators: kind = .departmentIndicators
        case .departmentStrategic: kind = .departmentStrategic
        case .departmentPerformance: kind = .departmentPerformance
        case .projectList: kind = .projectList
        }
        if let requested, requested != "original" {
            guard let spec = catalog.layout(requested) else { throw ExportError.unknownLayout(requested) }
            guard spec.kind == kind else { throw ExportError.kindMismatch(layout: requested) }
            return spec
        }
        if let original = table.source?.layout, let spec = catalog.layout(original), spec.kind == kind { return spec }
        let fallback: String
        switch kind {
        case .project: fallback = "standard"
        case .departmentIndicators: fallback = "department-standard"
        default:
            // No national form for these: the first layout of the kind (聊城's own).
            guard let spec = catalog.layouts.first(where: { $0.kind == kind }) else {
                throw ExportError.unsupportedTable("没有“\(kind.rawValue)”类表的版式")
            }
            return spec
        }
        guard let spec = catalog.layout(fallback) else { throw ExportError.unknownLayout(fallback) }
        return spec
    }

    /// Writes every table to its own sheet of one workbook, atomically. Returns warnings for content
    /// the layout has no place for (nothing is dropped silently).
    @discardableResult
    public func export(_ tables: [GoalTable], to path: String, layout requested: String? = nil,
                       notes: [Int: [ModelLocation: [String]]] = [:], notesSheet: NotesSheet? = nil) throws -> [Diagnostic] {
        let writer = try XLSXWriter(path: path)
        var diagnostics: [Diagnostic] = []
        var usedNames = Set<String>()
        var firstSpec: LayoutSpec?
        var listWritten = Set<String>()
        var placements: [Int: NotesSheet.Placement] = [:]
        for (i, table) in tables.enumerated() {
            let spec = try layout(for: table, requested: requested)
            if firstSpec == nil { firstSpec = spec }
            let draft: TableDraft
            switch table {
            case .project(let t): draft = t.draft
            case .departmentIndicators(let t): draft = t.draft
            case .departmentStrategic(let t): draft = t.draft
            case .departmentPerformance(let t): draft = t.draft
            case .projectList(let t): draft = t.draft
            }
            let name = sheetName(for: table, index: i, count: tables.count, spec: spec, used: &usedNames)
            let sheet = try writer.addSheet(name)
            var composer = SheetComposer(spec: spec, sheet: sheet, draft: draft, template: false, vocabulary: vocabulary,
                                         listNames: ListNames(spec: spec, vocabulary: vocabulary))
            composer.notes = notes[i] ?? [:]
            try composer.compose()
            placements[i] = NotesSheet.Placement(sheet: name, cells: composer.placed.mapValues(\.description))
            diagnostics += unplaced(table, draft, composer, spec: spec, sheet: name, file: path)
            listWritten.insert(spec.id)
        }
        if let notesSheet {
            let sheet = try writer.addSheet(notesSheet.title)
            let rows = notesSheet.rows(placements)
            for (c, width) in notesSheet.columnWidths.enumerated() { try sheet.setColumn(c...c, width: width) }
            for (c, h) in notesSheet.header.enumerated() { try sheet.write(h, at: CellReference(row: 0, column: c), format: CellStyles.header) }
            for (r, row) in rows.enumerated() {
                for (c, text) in row.enumerated() { try sheet.write(text, at: CellReference(row: r + 1, column: c), format: CellStyles.input) }
            }
            try sheet.freezePanes(row: 1, column: 0)
            if !rows.isEmpty { try sheet.autofilter(CellRange(rows: 0...rows.count, columns: 0...(notesSheet.header.count - 1))) }
        }
        if let spec = firstSpec {
            try ListNames(spec: spec, vocabulary: vocabulary).writeListSheet(writer)
            writer.setProperties(properties(spec))
        }
        for cut in writer.cutCells {
            diagnostics.append(Diagnostic(.warning, "text-cut", "\(cut) 的文字超过 Excel 单元格 32767 字的上限，已截断并在末尾注明。", file: path))
        }
        try writer.close()
        return diagnostics
    }

    /// Writes a blank template for a layout: skeleton indicator rows, dropdowns, protection, instructions.
    public func writeTemplate(layout id: String, to path: String) throws {
        guard let spec = catalog.layout(id) else { throw ExportError.unknownLayout(id) }
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(spec.sheetName)
        let lists = ListNames(spec: spec, vocabulary: vocabulary)
        var composer = SheetComposer(spec: spec, sheet: sheet, draft: TableDraft(), template: true, vocabulary: vocabulary, listNames: lists)
        try composer.compose()
        try sheet.activate()
        let notes = try writer.addSheet(TemplateNames.instructionsSheet)
        try notes.setColumn(0...0, width: 100)
        try notes.write("填报说明", at: CellReference(row: 0, column: 0), format: CellStyles.title)
        for (i, text) in (spec.instructions ?? []).enumerated() {
            try notes.write(text, at: CellReference(row: i + 1, column: 0), format: CellStyles.note)
            try notes.setRow(i + 1, height: max(20, Double(text.count / 48 + 1) * 15))
        }
        try lists.writeListSheet(writer)
        writer.setProperties(properties(spec))
        try writer.close()
    }

    private func properties(_ spec: LayoutSpec) -> DocumentProperties {
        DocumentProperties(title: spec.name, subject: "预算绩效目标表", author: "GoalBridge",
                           custom: [GoalImporter.templateIdProperty: .string(spec.id),
                                    GoalImporter.templateVersionProperty: .string(spec.version)])
    }

    private func sheetName(for table: GoalTable, index: Int, count: Int, spec: LayoutSpec, used: inout Set<String>) -> String {
        var base = spec.sheetName
        if count > 1 {
            var label: String?
            switch table {
            case .project(let t): label = t.projectName
            case .departmentIndicators(let t): label = t.departmentName
            case .departmentStrategic(let t): label = t.departmentName
            case .departmentPerformance(let t): label = t.departmentName
            case .projectList(let t): label = t.title
            }
            base = "\(index + 1) " + (label ?? spec.sheetName)
        }
        var name = SafeNames.sheetName(base)
        var n = 2
        while used.contains(name.lowercased()) {
            name = SafeNames.sheetName(base, suffix: "(\(n))")
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }

    /// Content of the table that the layout could not place: reported, never dropped silently.
    /// A field the written form states without a cell of its own, so that import gives it back (FormText): the
    /// year in the title, the project's name in the title of a form without a name cell, the amount unit in a
    /// label's qualifier.
    private func impliedByForm(_ field: String, _ draft: TableDraft, _ spec: LayoutSpec) -> Bool {
        switch field {
        case "fiscalYear":
            guard let year = draft.year(field), let title = draft.text("title") ?? spec.defaultTitle else { return false }
            return FormText.year(inTitle: title) == year
        case "projectName":
            guard let name = draft.text(field), let title = draft.text("title") else { return false }
            return FormText.projectName(inTitle: title) == name
        case "amountUnit":
            guard let unit = draft.text(field) else { return false }
            return spec.allLabels.contains { FormText.amountUnit(inLabel: $0) == unit }
        default:
            return false
        }
    }

    private func unplaced(_ table: GoalTable, _ draft: TableDraft, _ composer: SheetComposer, spec: LayoutSpec, sheet: String, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func report(_ what: String) {
            out.append(Diagnostic(.warning, "unplaced-field", "版式“\(spec.name)”中没有\(what)的位置，该内容未写入。", file: file, sheet: sheet))
        }
        for field in draft.fields.keys.sorted() where !composer.placedFields.contains(field) && !impliedByForm(field, draft, spec) {
            report("“\(TableFieldNames.name(field))”")
        }
        for set in draft.indicatorSets where !composer.placedScopes.contains(set.scope.rawValue) {
            report(set.scope == .midTerm ? "中期绩效指标（\(set.rows.count) 行）" : "年度绩效指标（\(set.rows.count) 行）")
        }
        // Indicator columns the target layout has no column for (分值 and 评（扣）分标准 going into the standard layout).
        let blocks = spec.rows.compactMap { row -> IndicatorBlockSpec? in if case .indicators(let b) = row { return b } else { return nil } }
        for set in draft.indicatorSets where composer.placedScopes.contains(set.scope.rawValue) {
            let roles = Set(blocks.flatMap { b in b.columns.filter { ($0.scope ?? b.scope) == set.scope.rawValue }.map(\.role) })
            let optional: [(IndicatorRole, String, (IndicatorRow) -> String?)] = [
                (.description, "绩效指标描述", { $0.description }), (.basis, "指标值确定依据", { $0.basis }),
                (.scoringRule, "评（扣）分标准", { $0.scoringRule }), (.weight, "分值/权重", { $0.weight }), (.remark, "备注", { $0.remark })]
            for (role, name, value) in optional where !roles.contains(role) {
                let filled = set.rows.filter { !(value($0) ?? "").isEmpty }.count
                if filled > 0 { report("指标的“\(name)”列（\(filled) 行有内容）") }
            }
        }
        if draft.spendingPlan != nil && !composer.placedSpendingPlan { report("资金支出计划") }
        let recordFields = Set(draft.records.flatMap(\.keys))
        for field in recordFields.subtracting(composer.placedRecordFields).sorted() { report("“\(TableFieldNames.name(field))”列") }
        if !draft.extras.isEmpty && !composer.placedExtras { report("附加信息（\(draft.extras.count) 项）") }
        if case .project(let t) = table, !t.goals.items.isEmpty { report("分项目标（\(t.goals.items.count) 项）") }
        for note in composer.lossyNotes {
            out.append(Diagnostic(.warning, "layout-lossy", note + "。", file: file, sheet: sheet))
        }
        return out
    }
}

/// An extra sheet listing review notes, written after the tables so it can name the cells they landed in.
public struct NotesSheet: Sendable {
    /// Where one table was written: its sheet, and the cell of each model location.
    public struct Placement: Sendable {
        public var sheet: String
        public var cells: [ModelLocation: String]
    }

    public var title: String
    public var header: [String]
    public var columnWidths: [Double]
    public var rows: @Sendable ([Int: Placement]) -> [[String]]

    /// A notes sheet: its title, header and widths, and the rows, made once every table is written and the
    /// placement of each table's cells is known.
    ///
    /// ```swift
    /// let sheet = NotesSheet(title: "审核意见", header: ["序号", "问题"], columnWidths: [6, 50]) { placed in
    ///     findings.enumerated().map { ["\($0.offset + 1)", $0.element.message] }
    /// }
    /// ```
    public init(title: String, header: [String], columnWidths: [Double], rows: @escaping @Sendable ([Int: Placement]) -> [[String]]) {
        self.title = title
        self.header = header
        self.columnWidths = columnWidths
        self.rows = rows
    }
}

public enum ExportError: Error, CustomStringConvertible, Sendable {
    case unknownLayout(String)
    case kindMismatch(layout: String)
    case unsupportedTable(String)

    public var description: String {
        switch self {
        case .unknownLayout(let id): return "未知版式“\(id)”"
        case .kindMismatch(let id): return "版式“\(id)”与表的类型不符（项目表/部门整体表）"
        case .unsupportedTable(let why): return why
        }
    }
}
