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

    /// A drafter that learns spellings and headers from `catalog`'s layouts.
    ///
    /// ```swift
    /// let drafter = LayoutDrafter(catalog: try LayoutCatalog.current())
    /// ```
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
    struct KnownLabel {
        var aliases: [String]
        var fields: [CellSpec]
        var kind: TableKind
    }

    /// One cell or merged area starting on a row, or an empty column between them.
    struct Slot {
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

    /// Drafts a layout named `id` from one sample sheet; `unplaced` lists, in Chinese, what the draft could not place.
    ///
    /// ```swift
    /// let draft = drafter.draft(workbook.sheets[0], id: "county-2025", name: "某县2025年项目表")
    /// ```
    public func draft(_ sheet: Sheet, id: String, name: String? = nil) -> Draft {
        let grid = GridView(sheet)
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

        var fixed = FixedRowDrafter(drafter: self, sheet: sheet, grid: grid, width: width, labels: labels, templates: templates, fieldTypes: fieldTypes)
        for r in firstRow...max(fixedEnd, firstRow) where r <= grid.lastRow { fixed.draftRow(r) }
        var rows = fixed.rows
        var unplaced = fixed.unplaced
        var anchor = fixed.anchor
        let labelTexts = fixed.labelTexts
        let defaultTitle = fixed.defaultTitle
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
}
