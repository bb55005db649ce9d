import Foundation
import GoalBridgeModel

/// A layout file that cannot be used, with the reason.
public struct LayoutError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var reason: String
    public var description: String { "版式文件 \(file) 有误：\(reason)" }
}

/// The layouts GoalBridge knows: those shipped in Templates/layouts (bundled) plus any directory given.
public struct LayoutCatalog: Sendable {
    public private(set) var layouts: [LayoutSpec] {
        didSet { prepareKeys() }
    }
    /// Normalised label keys of each layout, computed once (label matching is on the import hot path).
    private(set) var keys: [String: LayoutKeys] = [:]
    /// Where each layout came from, by id: `LayoutCatalog.builtInOrigin` or the file's path.
    public private(set) var origins: [String: String] = [:]
    /// The origin of the layouts shipped with GoalBridge.
    public static let builtInOrigin = "内置"

    /// Every label, header and caption key of every layout: a cell carrying one looks like a form's label,
    /// whichever layout it belongs to. Detection asks how many of these a layout explains.
    private(set) var labelKeysOfAllLayouts: Set<String> = []

    private mutating func prepareKeys() {
        keys = Dictionary(layouts.map { ($0.id, LayoutKeys($0)) }, uniquingKeysWith: { $1 })
        labelKeysOfAllLayouts = keys.values.reduce(into: Set<String>()) { $0.formUnion($1.all) }
    }

    /// The fields each layout's form has a place for, by layout id (`LayoutSpec.formFields`): what the review may
    /// call missing when a table of that layout leaves it empty.
    ///
    /// ```swift
    /// let reviewer = Reviewer(formFields: try LayoutCatalog.bundled().formFields)
    /// ```
    public var formFields: [String: Set<String>] {
        var fields = Dictionary(layouts.map { ($0.id, $0.formFields) }, uniquingKeysWith: { $1 })
        // The 一体化 flat file is no layout, but what it carries is known: keys and indicators, no funds, no goals.
        fields[FlatSheetReader.layoutId] = FlatSheetReader.fields
        return fields
    }

    /// Layouts shipped with GoalBridge.
    public static func bundled() throws -> LayoutCatalog {
        let dir = Bundle.module.bundleURL.appendingPathComponent("Resources/layouts")
        var catalog = try LayoutCatalog(directory: dir.path)
        catalog.origins = Dictionary(catalog.layouts.map { ($0.id, builtInOrigin) }, uniquingKeysWith: { a, _ in a })
        return catalog
    }

    /// A catalog of these layouts alone (no bundled or bureau ones), their label keys prepared.
    ///
    /// ```swift
    /// let catalog = LayoutCatalog(layouts: [try LayoutCatalog.bundled().layout("standard")!])
    /// ```
    public init(layouts: [LayoutSpec]) {
        self.layouts = layouts
        prepareKeys()
    }

    /// Loads every `*.json` in `directory`, validating each (`LayoutFile.load`); the first file with a mistake stops
    /// it. Two files with one id are an error.
    public init(directory: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        var layouts: [LayoutSpec] = []
        var origins: [String: String] = [:]
        for name in names {
            let path = directory + "/" + name
            let spec = try LayoutFile.load(try Data(contentsOf: URL(fileURLWithPath: path)), file: name)
            if let earlier = origins[spec.id] { throw LayoutError(file: name, reason: "版式 id “\(spec.id)”与 \(earlier) 重复。") }
            origins[spec.id] = path
            layouts.append(spec)
        }
        self.layouts = layouts
        self.origins = origins
        prepareKeys()
    }

    /// Adds the layouts of another directory (a bureau's own variants), replacing same ids.
    public mutating func add(directory: String) throws {
        let more = try LayoutCatalog(directory: directory)
        for spec in more.layouts { replace(spec, origin: more.origins[spec.id] ?? directory) }
    }

    /// Adds a layout, or replaces the one with its id.
    public mutating func replace(_ spec: LayoutSpec, origin: String) {
        layouts.removeAll { $0.id == spec.id }
        layouts.append(spec)
        origins[spec.id] = origin
    }

    /// The layout with this id, or nil.
    ///
    /// ```swift
    /// catalog.layout("pingyin-2024")?.name
    /// ```
    public func layout(_ id: String) -> LayoutSpec? { layouts.first { $0.id == id } }

    static func validate(_ spec: LayoutSpec, file: String) throws {
        let known = TableFieldCatalog.fields(for: spec.kind)
        var seen = Set<String>()
        for row in spec.rows {
            switch row {
            case .fixed(let r):
                var width = 0
                for cell in r.cells {
                    if let t = cell.text, let template = TextTemplate(t) {
                        for f in template.fields {
                            guard known[f] != nil else { throw LayoutError(file: file, reason: "文字模板中的未知字段 \(f)") }
                            guard seen.insert(f).inserted else { throw LayoutError(file: file, reason: "字段 \(f) 出现两次") }
                        }
                    }
                    let set = [cell.text != nil, cell.label != nil, cell.field != nil].filter { $0 }.count
                    if set > 1 { throw LayoutError(file: file, reason: "一个单元格只能是 text、label 或 field 之一") }
                    if let f = cell.field {
                        guard known[f] != nil else { throw LayoutError(file: file, reason: "未知字段 \(f)") }
                        guard seen.insert(f).inserted else { throw LayoutError(file: file, reason: "字段 \(f) 出现两次") }
                        if let list = cell.list, spec.lists?[list] == nil { throw LayoutError(file: file, reason: "未定义的下拉列表 \(list)") }
                    }
                    width += cell.columnSpan
                }
                if width > spec.columnCount { throw LayoutError(file: file, reason: "一行的列数 \(width) 超过 columnWidths 的 \(spec.columnCount) 列") }
            case .indicators(let b):
                guard IndicatorScope(rawValue: b.scope) != nil else { throw LayoutError(file: file, reason: "未知指标集 \(b.scope)") }
                let width = b.columns.reduce(b.caption == nil ? 0 : 1) { $0 + $1.columnSpan }
                if width > spec.columnCount { throw LayoutError(file: file, reason: "指标区列数 \(width) 超过 \(spec.columnCount)") }
                for role in [IndicatorRole.level1, .level2] where !b.columns.contains(where: { $0.role == role }) {
                    throw LayoutError(file: file, reason: "指标区缺少 \(role.rawValue) 列")
                }
            case .spendingPlan, .extras:
                break
            case .records(let b):
                let allowed = TableFieldCatalog.recordFields(for: spec.kind)
                for c in b.columns {
                    guard allowed.contains(c.field) else { throw LayoutError(file: file, reason: "记录区的未知字段 \(c.field)") }
                    guard !c.header.isEmpty, c.header.allSatisfy({ !$0.isEmpty }) else { throw LayoutError(file: file, reason: "记录区字段 \(c.field) 缺少表头") }
                }
            }
        }
        if spec.anchor.isEmpty { throw LayoutError(file: file, reason: "anchor 不能为空") }
    }
}

/// The label keys of a layout, normalised once.
struct LayoutKeys: Sendable {
    let anchor: Set<String>
    /// Each required label's keys: one must be on the sheet.
    let required: [Set<String>]
    let all: Set<String>
    let fixed: Set<String>
    /// One entry per label position of the layout (a label, a header, a caption), with its spellings:
    /// detection scores a layout by the share of its positions found on the sheet.
    let slots: [Set<String>]
    /// Header spellings of the level-1 and level-2 columns of every block: a header row has both.
    let level1Headers: Set<String>
    let level2Headers: Set<String>
    /// Each indicator block's column header keys, by block scope then column (in layout order): matched
    /// against every header cell of every table, so normalised once here.
    let columnHeaderKeys: [String: [[String]]]
    private let anchorSuffixes: [String]
    /// Text templates of the fixed rows, compiled once (their regular expressions are on the import path).
    private let templates: [String: TextTemplate]

    /// The compiled template of a static text of the fixed rows; nil for a text without fields.
    func template(_ text: String) -> TextTemplate? { templates[text] }

    var hasAnchorSuffixes: Bool { !anchorSuffixes.isEmpty }
    /// True when the layout has fixed rows after its record block (records between fixed rows).
    let fixedRowsFollowRecords: Bool
    /// The layout's `titleTemplate`, compiled once.
    let titleTemplate: TextTemplate?

    /// True when the importer reads a cell with this label key in this layout: one of the layout's own labels, or a
    /// funds label with a period word before one of its funds labels (`中期资金总额` where the layout has 资金总额),
    /// which the importer reads by meaning (FundPeriod).
    func explains(_ key: String) -> Bool {
        if all.contains(key) { return true }
        guard !fundParts.isEmpty, let (_, rest) = FundPeriod.splitLabel(key) else { return false }
        return fundParts[rest] != nil
    }

    /// Anchor spellings starting with `*` match a cell that ends with the rest, or with the rest and a note in
    /// brackets (`…整体绩效目标表（修改稿）`: `FormText.withoutTitleNote`).
    func isAnchor(_ key: String) -> Bool {
        if anchor.contains(key) { return true }
        guard !anchorSuffixes.isEmpty else { return false }
        if anchorSuffixes.contains(where: { key.hasSuffix($0) }) { return true }
        guard let bare = FormText.withoutTitleNote(key) else { return false }
        return anchorSuffixes.contains { bare.hasSuffix($0) }
    }

    /// The fixed rows' labels grouped with the fields they introduce, the static texts, and the title field:
    /// derived from the layout once, not for every table read.
    let fixedGroups: (groups: [LabelGroup], statics: [String], titleField: CellSpec?)
    /// The funds labels by key, with the part of the funds each gives (`财政拨款` → `fiscal`).
    let fundParts: [String: String]

    /// A label and the fields that belong to it: on its row, right of it (`rowOffset` 0), or on a later row it
    /// spans (聊城: 预算规模及资金用途 over two rows, the fund use on the second row without a label of its own).
    struct LabelGroup: Sendable {
        var aliases: [String]
        /// The aliases' label keys, computed once per layout.
        var keys: Set<String>
        var fields: [(cell: CellSpec, rowOffset: Int)]
        /// Static texts with fields that follow the label on its row (系统导出: 主管部门 | `{…code:code}-{…name}`).
        var templates: [String] = []
    }

    static func labelGroups(_ spec: LayoutSpec) -> (groups: [LabelGroup], statics: [String], titleField: CellSpec?) {
        var groups: [LabelGroup] = []
        var statics: [String] = []
        var title: CellSpec?
        // Labels that span several layout rows: (group index, first row, last row).
        var spanning: [(group: Int, first: Int, last: Int)] = []
        var layoutRow = 0
        for row in spec.rows {
            guard case .fixed(let r) = row else { continue }
            var current: Int?
            for cell in r.cells {
                if let label = cell.label {
                    groups.append(LabelGroup(aliases: label, keys: Set(label.map { TextNormalizer.labelKey($0) }), fields: []))
                    current = groups.count - 1
                    if cell.rowSpan > 1 { spanning.append((current!, layoutRow, layoutRow + cell.rowSpan - 1)) }
                } else if let text = cell.text {
                    statics.append(text)
                    if let c = current, TextTemplate(text) != nil { groups[c].templates.append(text) }
                } else if cell.field != nil {
                    if let c = current {
                        groups[c].fields.append((cell, 0))
                    } else if let span = spanning.last(where: { $0.first < layoutRow && $0.last >= layoutRow }) {
                        groups[span.group].fields.append((cell, layoutRow - span.first))
                    } else {
                        title = cell
                    }
                }
            }
            layoutRow += 1
        }
        return (groups, statics, title)
    }


    /// Each column's header keys: the layout's spellings, then those any form uses for a column of its role
    /// (vocabulary `indicatorColumns`: `目标值` for 指标值, `三级指标名称` for 三级指标, `一级` for 一级指标) — unless
    /// another column of the block is spelled so, or columns of the role are told apart by their spellings
    /// (`中期指标值`, `年度指标值`), where a spelling without the period could be either. Columns of a role spelled
    /// alike (长清's two sets side by side, both `指标值`) are told apart by position, and so are their other spellings.
    static func headerKeys(_ block: IndicatorBlockSpec, vocabulary: Vocabulary) -> [[String]] {
        var keys = block.columns.map { $0.header.map { TextNormalizer.labelKey($0) } }
        let own = Set(keys.joined())
        var spellingsOfRole: [IndicatorRole: Set<[String]>] = [:]
        for (c, k) in zip(block.columns, keys) { spellingsOfRole[c.role, default: []].insert(k) }
        for (i, c) in block.columns.enumerated() where spellingsOfRole[c.role]?.count == 1 {
            // The role's spellings, then those naming the column's period (`value.annual`: 年度指标值).
            let scope = c.scope ?? block.scope
            let spellings = (vocabulary.indicatorColumns?[c.role.rawValue] ?? []) + (vocabulary.indicatorColumns?[c.role.rawValue + "." + scope] ?? [])
            for spelling in spellings {
                let key = TextNormalizer.labelKey(spelling)
                if !own.contains(key) && !keys[i].contains(key) { keys[i].append(key) }
            }
        }
        return keys
    }

    init(_ spec: LayoutSpec, vocabulary: Vocabulary = .standard) {
        var l1 = Set<String>(), l2 = Set<String>()
        var compiled: [String: TextTemplate] = [:]
        var headerKeys: [String: [[String]]] = [:]
        var allHeaderKeys: [[String]] = []
        for row in spec.rows {
            if case .indicators(let b) = row {
                let keys = LayoutKeys.headerKeys(b, vocabulary: vocabulary)
                allHeaderKeys += keys
                headerKeys[b.scope] = keys
                for (c, k) in zip(b.columns, keys) where c.role == .level1 { l1.formUnion(k) }
                for (c, k) in zip(b.columns, keys) where c.role == .level2 { l2.formUnion(k) }
            }
            if case .fixed(let r) = row {
                for c in r.cells {
                    if let t = c.text, let template = TextTemplate(t) { compiled[t] = template }
                }
            }
        }
        level1Headers = l1
        level2Headers = l2
        columnHeaderKeys = headerKeys
        templates = compiled
        anchorSuffixes = spec.anchor.filter { $0.hasPrefix("*") }.map { TextNormalizer.labelKey(String($0.dropFirst())) }
        var slots: [Set<String>] = [Set(spec.anchor.map { TextNormalizer.labelKey($0) })]
        for row in spec.rows {
            switch row {
            case .fixed(let r):
                for c in r.cells { if let l = c.label { slots.append(Set(l.map { TextNormalizer.labelKey($0) })) } }
            case .indicators(let b):
                if let c = b.caption { slots.append(Set(c.map { TextNormalizer.labelKey($0) })) }
                for keys in LayoutKeys.headerKeys(b, vocabulary: vocabulary) { slots.append(Set(keys)) }
            case .spendingPlan(let p):
                slots.append(Set((p.percentLabel + p.amountLabel).map { TextNormalizer.labelKey($0) }))
            case .extras:
                break
            case .records(let b):
                for col in b.columns { if let leaf = col.header.last { slots.append(Set(leaf.map { TextNormalizer.labelKey($0) })) } }
            }
        }
        self.slots = slots
        fixedGroups = LayoutKeys.labelGroups(spec)
        var parts: [String: String] = [:]
        for group in fixedGroups.groups {
            guard let part = group.fields.lazy.compactMap({ $0.cell.field.flatMap(FundPeriod.parse(field:))?.part }).first else { continue }
            for key in group.keys { parts[key] = parts[key] ?? part }
        }
        fundParts = parts
        anchor = Set(spec.anchor.map { TextNormalizer.labelKey($0) })
        // A required label that is a column's header is found under any spelling of that column.
        required = (spec.requiredLabels ?? []).map { label in
            let key = TextNormalizer.labelKey(label)
            return Set(allHeaderKeys.first { $0.contains(key) } ?? [key])
        }
        all = spec.allLabelKeys.union(allHeaderKeys.joined())
        fixed = spec.fixedLabelKeys
        let recordIndex = spec.rows.firstIndex { if case .records = $0 { return true } else { return false } }
        titleTemplate = spec.titleTemplate.flatMap(TextTemplate.init)
        fixedRowsFollowRecords = recordIndex.map { i in spec.rows[(i + 1)...].contains { if case .fixed = $0 { return true } else { return false } } } ?? false
    }
}

extension LayoutSpec {
    /// Label keys of the fixed rows (not indicator headers): seeing one inside a block ends the block.
    var fixedLabelKeys: Set<String> {
        var out = Set(anchor.map { TextNormalizer.labelKey($0) })
        for row in rows {
            if case .fixed(let r) = row { for c in r.cells { for l in c.label ?? [] { out.insert(TextNormalizer.labelKey(l)) } } }
        }
        return out
    }
}
