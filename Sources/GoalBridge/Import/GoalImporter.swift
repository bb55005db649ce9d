import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// What an import produced: the tables found and everything worth telling the person who filled the file.
public struct ImportResult: Sendable {
    public var file: String?
    public var tables: [GoalTable]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The result of importing one file.
    ///
    /// ```swift
    /// ImportResult(file: "平阴.xlsx", tables: [table], diagnostics: [])
    /// ```
    public init(file: String?, tables: [GoalTable], diagnostics: [Diagnostic]) {
        self.file = file
        self.tables = tables
        self.diagnostics = diagnostics
    }
}

/// Finds goal tables in workbooks by their labels and maps them to the model, driven by layout files.
///
/// ```swift
/// let importer = try GoalImporter()
/// let result = importer.importFile("填报表.xlsx")
/// for table in result.tables { … }
/// result.diagnostics.forEach { print($0) }
/// ```
public struct GoalImporter: Sendable {
    public let catalog: LayoutCatalog
    public let vocabulary: Vocabulary
    /// Reads workbooks for import: the template's own auxiliary sheets (lists, instructions, review notes),
    /// which import skips by name, are not parsed at all.
    public var reader: XLSXReader = {
        var r = XLSXReader()
        r.skippedSheetNames = [TemplateNames.instructionsSheet, TemplateNames.listSheet, TemplateNames.reviewSheet]
        return r
    }()

    /// Custom document properties that identify our templates.
    public static let templateIdProperty = "GoalBridge.template"
    public static let templateVersionProperty = "GoalBridge.templateVersion"

    /// An importer over a layout catalog: by default the shipped layouts and the bureau's own
    /// (`LayoutCatalog.current()`); throws when a bureau layout file is invalid, naming it.
    ///
    /// ```swift
    /// let importer = try GoalImporter()
    /// let sixteen = try GoalImporter(catalog: LayoutCatalog(layouts: [spec]))
    /// ```
    public init(catalog: LayoutCatalog? = nil, vocabulary: Vocabulary = .standard) throws {
        self.catalog = try catalog ?? LayoutCatalog.current()
        self.vocabulary = vocabulary
    }

    /// Reads and imports one file. Never throws: a file that cannot be read gives one error diagnostic.
    public func importFile(_ path: String, layout: String? = nil) -> ImportResult {
        do {
            let workbook = try reader.read(path: path)
            return importWorkbook(workbook, file: path, layout: layout)
        } catch let e as SpreadsheetError {
            return ImportResult(file: path, tables: [], diagnostics: [
                Diagnostic(readError: e, file: path)])
        } catch {
            return ImportResult(file: path, tables: [], diagnostics: [Diagnostic(.error, "read-error", "\(error)", file: path)])
        }
    }

    /// Finds the goal tables of a workbook already read and maps them to the model. Never throws: what cannot be read
    /// with certainty is said in `diagnostics` (an uncertain layout is an error naming the closest layouts), each naming
    /// `file`, sheet and cell. With `layout` named, only that layout is tried.
    ///
    /// ```swift
    /// let workbook = try importer.reader.read(path: "填报表.xlsx")
    /// let result = importer.importWorkbook(workbook, file: "填报表.xlsx")
    /// let forced = importer.importWorkbook(workbook, file: "填报表.xlsx", layout: "xinhua-2023")
    /// ```
    public func importWorkbook(_ workbook: Workbook, file: String? = nil, layout forced: String? = nil) -> ImportResult {
        var result = ImportResult(file: file, tables: [], diagnostics: [])
        var candidates = catalog.layouts
        if let forced {
            guard let spec = catalog.layout(forced) else {
                result.diagnostics.append(Diagnostic(.error, "unknown-layout", "未知版式“\(forced)”。可用版式：\(catalog.layouts.map(\.id).joined(separator: "、"))", file: file))
                return result
            }
            candidates = [spec]
        }
        var templateId: String?, templateVersion: String?
        var blankSheets: [String] = []
        if case .string(let s)? = workbook.properties.custom[Self.templateIdProperty] { templateId = s }
        if case .string(let s)? = workbook.properties.custom[Self.templateVersionProperty] { templateVersion = s }

        for sheet in workbook.sheets where !isAuxiliary(sheet) {
            // A flat indicator file (one row per 三级指标, the 一体化 system's exchange) has no form to detect.
            if forced == nil, let flat = FlatSheetReader(vocabulary: vocabulary).read(sheet, file: file) {
                result.tables += flat.tables.map(GoalTable.project)
                result.diagnostics += flat.diagnostics
                result.diagnostics.append(Diagnostic(.info, "table-found", "工作表“\(sheet.name)”是一体化指标明细（每行一个三级指标），读出 \(flat.tables.count) 张项目表。",
                                                     file: file, sheet: sheet.name, cell: flat.header.description))
                continue
            }
            // Tables side by side on one sheet are read one piece of the sheet at a time (`sideBySide`).
            for piece in sideBySide(sheet, GridView(sheet, vocabulary: vocabulary), candidates, preferred: templateId) {
                var (sheet, grid) = piece
                if grid.isEmpty { continue }
                var detection = detect(grid, candidates, preferred: templateId)
                // Cells a label was split from (below): the field read beside it was typed here.
                var typedWithLabel: [String: CellReference] = [:]
                // A label a form needs typed with its content in one cell (`项目名称：…`): split, and tried again — on a
                // sheet where no table was found, or above the first table found (a table stacked above it whose
                // anchor label was so typed).
                if detection.map({ missesTableAbove($0, grid) }) ?? true,
                   let retried = detectSplittingLabels(sheet, grid, candidates, preferred: templateId, after: detection) {
                    (sheet, grid, detection) = (retried.sheet, retried.grid, retried.detection)
                    for t in retried.typed {
                        typedWithLabel[t.valueCell.description] = t.cell
                        result.diagnostics.append(Diagnostic(.info, "label-with-content", "单元格 \(t.cell) 把标签和内容写在了同一格，已读作“\(t.label)”：\(Diagnostic.quoted(t.content))。",
                                                             file: file, sheet: sheet.name, cell: t.cell.description))
                    }
                }
                guard let detection else {
                    // A hidden sheet without a goal table is the usual home of lists and notes: nothing to say.
                    if sheet.state == .visible {
                        result.diagnostics.append(noTableDiagnostic(grid, candidates, file: file))
                    }
                    continue
                }
                // Where the hidden-sheet warning goes, once the sheet's tables are read.
                let hiddenNoteIndex = result.diagnostics.count, tablesBefore = result.tables.count
                result.diagnostics += readerNotes(sheet, file: file)
                for (ref, text) in grid.coveredCells {
                    let area = grid.merge(at: ref.row, ref.column).map { "合并单元格 \($0) 中" } ?? ""
                    result.diagnostics.append(Diagnostic(.info, "covered-cell", "\(area)被遮盖的单元格另存有内容\(Diagnostic.quoted(text))（表格中只显示合并区域左上角的内容，这段内容看不到），未读取。",
                                                         file: file, sheet: sheet.name, cell: ref.description))
                }
                for cell in sheet.cells {
                    switch cell.value {
                    case .string(let text) where text.utf8.count > ExcelLimits.cellTextLength && text.utf16.count > ExcelLimits.cellTextLength:
                        // Kept whole in the model; a workbook written from it must cut it (Excel's limit).
                        result.diagnostics.append(Diagnostic(.warning, "text-too-long", "单元格文字 \(text.count) 字，超过 Excel 单元格 32767 字的上限：已完整读入，但写回工作簿时会被截断。请精简内容。",
                                                             file: file, sheet: sheet.name, cell: cell.reference.description))
                    case .error(let code):
                        result.diagnostics.append(FormulaErrors.diagnostic(code, file: file, sheet: sheet.name, cell: cell.reference))
                    default:
                        continue
                    }
                }
                let anchors = detection.anchors
                var regionStart = grid.firstRow ?? 0
                for (i, anchor) in anchors.enumerated() {
                    let nextAnchor = i + 1 < anchors.count ? anchors[i + 1].row : grid.lastRow + 1
                    // Stacked tables need not share a form (新华 publishes C and C′ one after another): each region,
                    // from its anchor to the next, is fitted on its own.
                    var spec = detection.spec, fits = detection.fits
                    if anchors.count > 1, templateId == nil, forced == nil,
                       let own = detect(GridView(sheet.restricted(toRows: anchor.row...(nextAnchor - 1)), vocabulary: vocabulary), candidates),
                       own.anchors.first?.row == anchor.row {
                        spec = own.spec
                        fits = own.fits
                    }
                    let fit = fits.first
                    var parser = TableParser(spec: spec, keys: catalog.keys[spec.id] ?? LayoutKeys(spec), grid: grid, vocabulary: vocabulary, file: file,
                                             regionStart: regionStart, anchor: anchor, regionLimit: nextAnchor - 1)
                    var draft = parser.parse()
                    if !typedWithLabel.isEmpty {
                        for (name, source) in draft.fieldSources {
                            if let typed = typedWithLabel[source.cell] { draft.fieldSources[name] = SourceCell(sheet: source.sheet, cell: typed.description) }
                        }
                    }
                    if draft.isUnfilled {
                        // A blank form has nothing to store or review (its 未填写 findings would be false alarms to a
                        // department that filled the sheet it needed); its notes on empty template rows are noise.
                        result.diagnostics += parser.diagnostics.filter { $0.severity != .info }
                        let signed = draft.extras.filter { !$0.value.isEmpty }.map { Diagnostic.quoted($0.label + "：" + $0.value) }
                        let what = signed.isEmpty ? "空白表" : "空白表，只有\(signed.joined(separator: "、"))"
                        result.diagnostics.append(Diagnostic(.info, "blank-table", "“\(spec.name)”没有填写任何内容（\(what)），已跳过。",
                                                             file: file, sheet: sheet.name, cell: anchor.description))
                        blankSheets.append(sheet.name)
                        regionStart = parser.tableEnd + 1
                        continue
                    }
                    // Uncertain: no layout fits clearly, or the table contradicts the one that fits best.
                    let contradicted = forced == nil && !parser.contradictions.isEmpty
                    let uncertain = forced == nil && (LayoutFit.isUncertain(fits) || contradicted)
                    result.diagnostics += parser.diagnostics
                    if let hidden = hiddenContentDiagnostic(sheet, rows: regionStart...max(parser.tableEnd, regionStart), file: file) {
                        result.diagnostics.append(hidden)
                    }
                    // From the region's leftmost filled column (a table drawn from column B or further right), as wide as
                    // the form or as its cells reach.
                    var left = Int.max, right = 0
                    for ref in grid.cells(inRows: regionStart...max(parser.tableEnd, regionStart)) {
                        left = min(left, ref.column)
                        right = max(right, ref.column)
                    }
                    if left == Int.max { left = 0 }
                    right = max(left + spec.columnCount - 1, right)
                    let range = "\(CellReference(row: regionStart, column: left)):\(CellReference(row: parser.tableEnd, column: right))"
                    let source = TableSource(file: file, sheet: sheet.name, range: range, layout: spec.id,
                                             templateId: templateId, templateVersion: templateVersion, layoutUncertain: uncertain ? true : nil)
                    if forced == nil && LayoutFit.isUncertain(fits) {
                        var d = uncertainDiagnostic(fits, grid: grid, file: file, sheet: sheet.name, anchor: anchor)
                        if contradicted { d.message += "按最接近的版式读取时还发现：" + parser.contradictions.joined(separator: "；") + "。" }
                        result.diagnostics.append(d)
                    } else if contradicted {
                        result.diagnostics.append(Diagnostic(.error, "layout-uncertain",
                            "此表与最接近的版式“\(spec.name)”（\(spec.id)\(fit.map { "，吻合度 " + LayoutFit.percent($0.score) } ?? "")）有矛盾：" + parser.contradictions.joined(separator: "；")
                            + "。读出的内容可能错位，本表不予审核；请核对表格，或用 --layout 指定版式后重新导入。",
                            file: file, sheet: sheet.name, cell: anchor.description))
                    }
                    switch spec.kind {
                    case .project: result.tables.append(.project(ProjectGoalTable(draft: draft, source: source)))
                    case .departmentIndicators: result.tables.append(.departmentIndicators(DepartmentIndicatorTable(draft: draft, source: source)))
                    case .departmentStrategic: result.tables.append(.departmentStrategic(DepartmentStrategicTable(draft: draft, source: source)))
                    case .departmentPerformance: result.tables.append(.departmentPerformance(DepartmentPerformanceTable(draft: draft, source: source)))
                    case .projectList: result.tables.append(.projectList(ProjectListTable(draft: draft, source: source)))
                    }
                    let score = fit.map { "，吻合度 " + LayoutFit.percent($0.score) } ?? ""
                    result.diagnostics.append(Diagnostic(.info, "table-found", "识别到“\(spec.name)”（版式 \(spec.id)\(score)），区域 \(range)。",
                                                         file: file, sheet: sheet.name, cell: anchor.description))
                    regionStart = parser.tableEnd + 1
                }
                // Anything after the last table that nobody read.
                result.diagnostics += leftovers(grid, rows: regionStart...max(grid.lastRow, regionStart), file: file)
                if sheet.state != .visible && result.tables.count > tablesBefore
                    && !result.diagnostics.contains(where: { $0.code == "hidden-sheet" && $0.sheet == sheet.name }) {
                    // Never skipped silently: the table is read, and the clerk is asked whether it was meant to be sent.
                    // (A hidden blank form, the template's spare copy, is only said blank.)
                    let how = sheet.state == .veryHidden ? "深度隐藏（只能用宏取消隐藏）" : "隐藏"
                    result.diagnostics.insert(Diagnostic(.warning, "hidden-sheet", "工作表“\(sheet.name)”是\(how)的，其中的绩效目标表已导入。请确认这张表是否应当提交；如不需要，请删除该工作表后重新提交。",
                                                         file: file, sheet: sheet.name), at: hiddenNoteIndex)
                }
            }
        }
        accountForTablesOfContents(workbook, &result, file: file)
        if result.tables.isEmpty && !result.hasErrors && !blankSheets.isEmpty {
            var seen = Set<String>()
            let sheets = blankSheets.filter { seen.insert($0).inserted }.map { "“\($0)”" }.joined(separator: "、")
            result.diagnostics.append(Diagnostic(.error, "blank-tables", "文件中的绩效目标表没有填写任何内容（工作表\(sheets)是空白表）。请填写后重新提交。", file: file))
        } else if result.tables.isEmpty && !result.hasErrors {
            result.diagnostics.append(Diagnostic(.error, "no-table", "文件中没有找到绩效目标表。请使用标准模板填报，或确认表头文字（如“项目名称”“一级指标”“二级指标”）未被修改。", file: file))
        }
        result.diagnostics = Diagnostic.capped(result.diagnostics, file: file)
        return result
    }

    /// True when the nearest filled row above `row` (at most three up) is a continuation line alone (`续表`,
    /// `…绩效目标表（续）`: FormText.isContinuationLine): what follows continues the table above.
    static func continues(above row: Int, in grid: GridView) -> Bool {
        for r in stride(from: row - 1, through: max(row - 3, 0), by: -1) where grid.hasCells(inRow: r) {
            return grid.isContinuationRow(r)
        }
        return false
    }

    /// True when `row` is an indicator header (一级指标 and 二级指标) right under a row of the table's content (two
    /// cells or more, not a note or signature line): the header repeated for a second page, not a new table. A
    /// table stacked below another starts after a title or a blank line.
    func repeatsHeader(at row: Int, _ keys: LayoutKeys, in grid: GridView) -> Bool {
        guard row > 0, grid.hasCells(inRow: row - 1) else { return false }
        let above = grid.cells(inRows: (row - 1)...(row - 1))
        guard above.count >= 2, let first = above.first, grid.text(first.row, first.column).map({ vocabulary.noteLine($0) == nil }) ?? true else { return false }
        let here = grid.cells(inRows: row...row)
        return here.contains { grid.labelKey($0.row, $0.column).map(keys.level1Headers.contains) ?? false }
            && here.contains { grid.labelKey($0.row, $0.column).map(keys.level2Headers.contains) ?? false }
    }

    private func isAuxiliary(_ sheet: Sheet) -> Bool { [TemplateNames.instructionsSheet, TemplateNames.listSheet, TemplateNames.reviewSheet].contains(sheet.name) }

    /// How well a layout fits a sheet, from both sides: `recall`, the share of the layout's label positions
    /// found on the sheet; `precision`, the share of the sheet's label-like cells (cells carrying a label of any
    /// layout) that this layout knows. A small layout whose few labels all occur on a larger form's sheet has full
    /// recall but low precision, and loses to the form's own layout.
    public struct LayoutFit: Sendable, Comparable {
        public var layout: String
        public var recall: Double
        public var precision: Double
        /// The harmonic mean of the two, 0…1.
        public var score: Double { recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0 }
        public static func < (a: LayoutFit, b: LayoutFit) -> Bool { a.score < b.score }
        /// Below this score no layout explains the table well enough to trust where its fields land.
        public static let minimumScore = 0.75
        /// A runner-up this close (in score and in the share of the sheet's labels it knows) is as likely.
        public static let minimumMargin = 0.03

        /// True when the best of `fits` (best first) is too weak or has a rival as good.
        public static func isUncertain(_ fits: [LayoutFit]) -> Bool {
            guard let best = fits.first else { return false }
            if best.score < minimumScore { return true }
            guard fits.count > 1 else { return false }
            let second = fits[1]
            return best.score - second.score < minimumMargin && second.precision > best.precision - minimumMargin
        }

        /// `93%`: how a score is shown to people.
        public static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
    }

    /// A sheet's chosen layout, its anchors in row order, and every layout's fit, best first.
    struct Detection {
        var spec: LayoutSpec
        var anchors: [CellReference]
        var fits: [LayoutFit]
    }

    /// The layout that best fits the sheet, with its anchor cells in row order. A workbook written from one of
    /// our templates names its layout (custom property), which wins when that layout matches at all.
    func detect(_ grid: GridView, _ candidates: [LayoutSpec], preferred: String? = nil) -> Detection? {
        // Layouts are handled by index: a LayoutSpec is a large value, and copying the fourteen of them for every
        // sheet (to reorder them, to remember the best) retained every array inside each one.
        var best: (index: Int, anchors: [CellReference], fit: LayoutFit, slots: Int)?
        var fits: [LayoutFit] = []
        // Labels are looked up in the grid's label-key index (LabelKey, hashed by bytes): hashing Chinese Strings
        // per cell and per layout was most of detection. Every text cell with its key, row-major, is listed only
        // for layouts with suffix anchors (`*整体绩效目标表`), once.
        var keyedCells: [(CellReference, String)]?
        var sheetLabels: [String]?
        // The layout the workbook names is tried first: when it matches, the others need not be scored.
        let preferredIndex = preferred.flatMap { p in candidates.firstIndex { $0.id == p } }
        let order = preferredIndex.map { p in [p] + candidates.indices.filter { $0 != p } } ?? Array(candidates.indices)
        for i in order {
            let id = candidates[i].id
            let prepared = catalog.keys[id] ?? LayoutKeys(candidates[i])
            guard prepared.required.allSatisfy({ $0.contains(where: grid.hasKey) }) else { continue }
            var anchorCells = prepared.anchor.flatMap { grid.cells(withKey: $0) }
            if prepared.hasAnchorSuffixes {
                let keyed = keyedCells ?? grid.cells(inRows: 0...grid.lastRow).compactMap { ref in grid.labelKey(ref.row, ref.column).map { (ref, $0) } }
                keyedCells = keyed
                anchorCells += keyed.filter { !prepared.anchor.contains($0.1) && prepared.isAnchor($0.1) }.map(\.0)
            }
            var anchors: [CellReference] = []
            for ref in anchorCells.sorted() {
                // One anchor per row: a repeated label on the same row is not a new table; nor is a header repeated
                // under a line saying the table goes on (`续表`).
                guard anchors.last?.row != ref.row else { continue }
                if !anchors.isEmpty && (Self.continues(above: ref.row, in: grid) || repeatsHeader(at: ref.row, prepared, in: grid)) { continue }
                anchors.append(ref)
            }
            guard !anchors.isEmpty else { continue }
            // The layout the workbook's template names needs no rival on the template's own sheet (by its name), nor
            // on a renamed sheet that has its labels: the others are not scored. Any other sheet (a scratch sheet
            // holding a copied header row) is scored like a sheet of any file, not forced into it.
            if i == preferredIndex && grid.sheet.name == candidates[i].sheetName { return Detection(spec: candidates[i], anchors: anchors, fits: []) }
            let found = prepared.slots.filter { slot in slot.contains { grid.hasKey($0) } }.count
            let recall = Double(found) / Double(max(prepared.slots.count, 1))
            if i == preferredIndex && recall >= LayoutFit.minimumScore { return Detection(spec: candidates[i], anchors: anchors, fits: []) }
            let labels = sheetLabels ?? grid.distinctKeys.filter { catalog.labelKeysOfAllLayouts.contains($0) }
            sheetLabels = labels
            let explained = labels.filter { prepared.explains($0) }.count
            let fit = LayoutFit(layout: id, recall: recall, precision: Double(explained) / Double(max(labels.count, 1)))
            fits.append(fit)
            if best == nil || fit.score > best!.fit.score + 1e-9 || (abs(fit.score - best!.fit.score) < 1e-9 && prepared.slots.count > best!.slots) {
                best = (i, anchors, fit, prepared.slots.count)
            }
        }
        return best.map { Detection(spec: candidates[$0.index], anchors: $0.anchors, fits: fits.sorted(by: >)) }
    }

    /// Every layout's fit on every visible sheet of a workbook, best first, with the label-like cells each
    /// layout leaves unexplained (`goalbridge layouts --explain`). Layouts whose required labels are missing
    /// have no fit.
    public func explain(_ workbook: Workbook) -> [(sheet: String, fits: [(fit: LayoutFit, unexplained: [String])])] {
        workbook.sheets.filter { $0.state == .visible && !isAuxiliary($0) }.map { sheet in
            let grid = GridView(sheet, vocabulary: vocabulary)
            let fits = detect(grid, catalog.layouts)?.fits ?? []
            let labels = grid.allReferences.filter { ref in
                grid.labelKey(ref.row, ref.column).map { catalog.labelKeysOfAllLayouts.contains($0) } ?? false
            }
            return (sheet.name, fits.map { fit in
                let known = catalog.keys[fit.layout]
                let left = labels.filter { !(known?.explains(grid.labelKey($0.row, $0.column) ?? "") ?? false) }
                return (fit, left.map { "\($0.description)“\(grid.text($0.row, $0.column) ?? "")”" })
            })
        }
    }

    /// What the reader noticed in a sheet with a table, as warnings naming the cell.
    private func readerNotes(_ sheet: Sheet, file: String?) -> [Diagnostic] {
        // Struck-through cells are said once a row (a clerk strikes a whole row through to mark it deleted).
        var struckByRow: [Int: [CellReference]] = [:]
        for note in sheet.notes where note.kind == .struckThrough { struckByRow[note.cell.row, default: []].append(note.cell) }
        return sheet.notes.compactMap { note in
            switch note.kind {
            case .struckThrough:
                guard let cells = struckByRow[note.cell.row], cells.first == note.cell else { return nil }
                let which = cells.count == 1 ? "单元格文字" : "本行 \(cells.count) 个单元格（\(cells.first!)–\(cells.last!)）的文字"
                return Diagnostic(.warning, "struck-through", which + "带删除线，可能是要删去的内容，已按原文读入。如已作废，请删除后重新提交；如仍有效，请取消删除线。",
                                  file: file, sheet: sheet.name, cell: note.cell.description)
            case .formulaWithoutResult:
                return Diagnostic(.warning, "formula-without-result", "公式没有计算结果，请在表格程序中重新计算后保存（单元格按空白读取）。",
                                  file: file, sheet: sheet.name, cell: note.cell.description)
            case .repeatedCell:
                return Diagnostic(.warning, "repeated-cell", "文件中同一单元格出现了两次，已按最后一次的内容读取（与 Excel 显示一致）。文件可能由不规范的程序生成，请用 Excel/WPS 打开后重新保存。",
                                  file: file, sheet: sheet.name, cell: note.cell.description)
            case .pictureInCell:
                return Diagnostic(.warning, "picture-in-cell", "单元格中是嵌入的图片（WPS“嵌入单元格”或 Excel“放置在单元格中”），图片不能读取，该单元格按空白读取。如这里应填写内容，请改为填写文字。",
                                  file: file, sheet: sheet.name, cell: note.cell.description)
            }
        }
    }

    /// The error for a table no layout fits clearly: the closest layouts by name, their fit, and the labels the
    /// best one could not place.
    private func uncertainDiagnostic(_ fits: [LayoutFit], grid: GridView, file: String?, sheet: String, anchor: CellReference) -> Diagnostic {
        let names = Dictionary(catalog.layouts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let closest = fits.prefix(3).map { "“\(names[$0.layout] ?? $0.layout)”（\($0.layout)，吻合度 \(LayoutFit.percent($0.score))）" }
        var message = "无法确定此表的版式，最接近的是" + closest.joined(separator: "、") + "。"
        if let best = fits.first, let known = catalog.keys[best.layout] {
            let left = grid.allReferences.filter { ref in
                guard let key = grid.labelKey(ref.row, ref.column) else { return false }
                return catalog.labelKeysOfAllLayouts.contains(key) && !known.explains(key)
            }
            if !left.isEmpty {
                message += "最接近的版式认不出 " + left.prefix(5).map { "\($0.description)“\(grid.text($0.row, $0.column) ?? "")”" }.joined(separator: "、")
                    + (left.count > 5 ? " 等 \(left.count) 处" : "") + "。"
            }
        }
        message += "读出的内容可能放错了字段，本表不予审核。请改用标准模板填报，或由财政部门用 goalbridge import --layout 指定版式。"
        return Diagnostic(.error, "layout-uncertain", message, file: file, sheet: sheet, cell: anchor.description)
    }

    private func noTableDiagnostic(_ grid: GridView, _ candidates: [LayoutSpec], file: String?) -> Diagnostic {
        let closest = closestLayout(grid, candidates)
        if (closest?.found.count ?? 0) < 2 {
            // No two labels of any goal table: an attachment (a 测算表, 填表说明), not a table we failed to see. Said,
            // so nothing is passed over unsaid, but it does not make the submission partial.
            let filled = grid.allReferences.count
            return Diagnostic(.info, "no-table-on-sheet", "此工作表没有绩效目标表的标签（如“项目名称”“一级指标”），作为附件未读取（\(filled) 个非空单元格）。",
                              file: file, sheet: grid.sheet.name)
        }
        var message = "此工作表未识别到绩效目标表。"
        if let (spec, found, missing) = closest {
            message += "最接近的版式为“\(spec.name)”：找到标签 \(found.isEmpty ? "（无）" : found.prefix(8).joined(separator: "、"))；缺少 \(missing.joined(separator: "、"))。"
        }
        // A missing label typed with its content in one cell that could not be read so (the cell beside it is filled,
        // or the table is still not found): the cell is named, and what to do.
        for label in closest?.missing ?? [] {
            let key = TextNormalizer.labelKey(label)
            guard let ref = grid.allReferences.first(where: { ref in
                grid.text(ref.row, ref.column).flatMap(LabelWithContent.split).map { TextNormalizer.labelKey($0.label) == key } ?? false
            }) else { continue }
            let text = grid.text(ref.row, ref.column) ?? ""
            message += "单元格 \(ref)\(Diagnostic.quoted(text))把标签和内容写在了同一格：请在 \(ref) 只留“\(label)”，把内容填到它右侧的格中。"
        }
        return Diagnostic(.warning, "no-table-on-sheet", message, file: file, sheet: grid.sheet.name)
    }

    /// Non-blank cells no table took: each becomes a warning naming its cell.
    func leftovers(_ grid: GridView, rows: ClosedRange<Int>, file: String?) -> [Diagnostic] {
        grid.cells(inRows: rows).filter { !grid.isConsumed($0) }.map { ref in
            Diagnostic(.warning, "unmapped-cell", "内容\(Diagnostic.quoted(grid.text(ref.row, ref.column) ?? ""))不属于任何绩效目标表，未导入。请确认是否填错位置。",
                       file: file, sheet: grid.sheet.name, cell: ref.description)
        }
    }
}

extension LayoutSpec {
    /// Every label, caption and header spelling of the layout.
    var allLabels: [String] {
        var out: [String] = anchor
        for row in rows {
            switch row {
            case .fixed(let r): for c in r.cells { out += c.label ?? []; if let t = c.text { out.append(t) } }
            case .indicators(let b): out += (b.caption ?? []) + b.columns.flatMap(\.header) + b.columns.compactMap(\.group)
            case .spendingPlan(let s): out += s.percentLabel + s.amountLabel
            case .extras: break
            case .records(let b): out += (b.caption ?? []) + b.columns.flatMap { $0.header.flatMap { $0 } }
            }
        }
        return out
    }

    var allLabelKeys: Set<String> { Set(allLabels.map { TextNormalizer.labelKey($0) }) }
}
