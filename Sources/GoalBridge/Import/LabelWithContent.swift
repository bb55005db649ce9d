import GoalBridgeModel
import GoalBridgeSpreadsheet

/// A label typed with its content in one cell (`项目名称：保洁、降尘…项目`), the cell beside it left empty: a clerk's way
/// when the value cell is narrow. On a sheet where no table was found, a label the closest layout misses is split from
/// its content and the sheet tried again; in a table found, a cell no field took whose label is one of the layout's
/// one-field labels, its field still empty, is read into it (`TableParser.readLabelWithContent`). A unit line
/// (`单位：万元`), a signature line or a label with a colon of its own is never touched.
struct LabelWithContent: Sendable {
    /// The cell holding both.
    var cell: CellReference
    /// The label as typed, and what follows its colon.
    var label: String
    var content: String
    /// The empty cell right of the label's merged area, where the form puts the content.
    var valueCell: CellReference
}

extension LabelWithContent {
    /// `项目名称：保洁…项目` → (`项目名称`, `保洁…项目`): the text before the first colon (full-width or ASCII) and what
    /// follows it, both trimmed; nil without a colon or with nothing after it. The one rule for telling a label from
    /// its content in one cell.
    static func split(_ text: String) -> (label: String, content: String)? {
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let content = TextNormalizer.trimmed(String(text[text.index(after: colon)...]))
        let label = TextNormalizer.trimmed(String(text[..<colon]))
        return content.isEmpty || label.isEmpty ? nil : (label, content)
    }
}

extension GoalImporter {
    /// The layout with most labels on a sheet where none was detected, with the labels it found and the anchor and
    /// required labels it misses.
    func closestLayout(_ grid: GridView, _ candidates: [LayoutSpec]) -> (spec: LayoutSpec, found: [String], missing: [String])? {
        let keys = Set(grid.allReferences.compactMap { grid.labelKey($0.row, $0.column) })
        var closest: (spec: LayoutSpec, found: [String], missing: [String])?
        for spec in candidates {
            let expected = spec.anchor.prefix(1) + (spec.requiredLabels ?? [])
            // Each label once (a layout may spell one label in two places: 长清's 项目名称).
            var seen = Set<String>()
            let found = spec.allLabels.filter { keys.contains(TextNormalizer.labelKey($0)) && seen.insert(TextNormalizer.labelKey($0)).inserted }
            let missing = expected.filter { label in !keys.contains(TextNormalizer.labelKey(label)) && !spec.anchor.contains(where: { keys.contains(TextNormalizer.labelKey($0)) && spec.anchor.contains(label) }) }
            if closest == nil || found.count > closest!.found.count { closest = (spec, found, Array(missing)) }
        }
        return closest
    }

    /// The sheet with its labels typed with their content split (`splitting`), its grid, the tables found there and the
    /// cells split — when that finds more tables than `detection` (none, or a first table found below one that was
    /// missed: `missesTableAbove`). The one rule for trying a sheet, or a piece of one, again with such labels split.
    func detectSplittingLabels(_ sheet: Sheet, _ grid: GridView, _ candidates: [LayoutSpec], preferred: String?,
                               after detection: Detection?) -> (sheet: Sheet, grid: GridView, detection: Detection, typed: [LabelWithContent])? {
        let wanted = detection == nil ? labelsMissingFromEveryLayout(grid, candidates) : candidates.flatMap(\.anchor)
        let typed = labelsWithContent(grid, missing: wanted)
        guard !typed.isEmpty else { return nil }
        let split = Self.splitting(sheet, typed)
        let splitGrid = GridView(split, vocabulary: vocabulary)
        guard let found = detect(splitGrid, candidates, preferred: preferred), found.anchors.count > detection?.anchors.count ?? 0 else { return nil }
        return (split, splitGrid, found, typed)
    }

    /// True when an indicator header (一级指标 beside 二级指标) lies above the first table found, more than a title's
    /// few rows below the sheet's first filled row: a table stacked above was missed — its anchor label typed with its
    /// content (`项目编码：…`). Decided by row numbers first: a table found near the top asks nothing more.
    func missesTableAbove(_ detection: Detection, _ grid: GridView) -> Bool {
        guard let first = detection.anchors.first, let top = grid.firstRow, first.row > top + 4,
              let keys = catalog.keys[detection.spec.id], !keys.level1Headers.isEmpty else { return false }
        return !grid.rows(withKeyIn: keys.level1Headers).intersection(grid.rows(withKeyIn: keys.level2Headers))
            .filter { $0 < first.row }.isEmpty
    }

    /// The anchor and required labels of any layout that the sheet does not hold: where a label typed with its
    /// content is looked for (the closest layout by labels found may not be the sheet's own form: 聊城's needs 项目编码).
    func labelsMissingFromEveryLayout(_ grid: GridView, _ candidates: [LayoutSpec]) -> [String] {
        var seen = Set<String>()
        return candidates.flatMap { Array($0.anchor) + ($0.requiredLabels ?? []) }.filter { label in
            let key = TextNormalizer.labelKey(label)
            return !grid.hasKey(key) && seen.insert(key).inserted
        }
    }

    /// Cells where one of `missing` is typed with its content after a colon (`项目名称：…`, `项目名称:…`), the cell
    /// right of its merged area empty: every such cell (tables stacked on one sheet each have theirs); the sheet is
    /// walked once.
    func labelsWithContent(_ grid: GridView, missing: [String]) -> [LabelWithContent] {
        let wanted = Set(missing.map { TextNormalizer.labelKey($0) })
        var out: [LabelWithContent] = []
        for ref in grid.allReferences where !wanted.isEmpty {
            // Labels are short: only a colon near the start can end one.
            guard let text = grid.text(ref.row, ref.column), text.utf8.prefix(64).contains(where: { $0 == 0x3A || $0 == 0xBC }),
                  let (typed, content) = LabelWithContent.split(text), typed.utf8.count <= 60 else { continue }
            let key = TextNormalizer.labelKey(typed)
            let beside = CellReference(row: ref.row, column: grid.nextColumn(after: ref.row, ref.column))
            guard wanted.contains(key), grid.text(beside.row, beside.column) == nil, !grid.isMergeContinuation(beside.row, beside.column) else { continue }
            out.append(LabelWithContent(cell: ref, label: typed, content: content, valueCell: beside))
        }
        return out
    }

    /// `sheet` with each label split from its content: the label alone in its cell, the content in the cell beside.
    static func splitting(_ sheet: Sheet, _ found: [LabelWithContent]) -> Sheet {
        var out = sheet
        let labels = Dictionary(found.map { ($0.cell, $0.label) }, uniquingKeysWith: { a, _ in a })
        let values = Dictionary(found.map { ($0.valueCell, $0.content) }, uniquingKeysWith: { a, _ in a })
        out.cells = sheet.cells.filter { values[$0.reference] == nil }.map { cell in
            labels[cell.reference].map { Cell(cell.reference, .string($0)) } ?? cell
        }
        out.cells += values.map { Cell($0.key, .string($0.value)) }
        out.cells.sort { $0.reference < $1.reference }
        return out
    }
}
