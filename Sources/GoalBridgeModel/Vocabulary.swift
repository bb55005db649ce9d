import Foundation

/// One canonical indicator level name and its spellings.
public struct VocabularyEntry: Codable, Hashable, Sendable {
    public var canonical: String
    public var code: String
    public var parents: [String]?
    public var aliases: [String]
    /// Used before the 2024 cost reform; accepted on import, not offered in new templates.
    public var legacy: Bool?
}

/// The level-1/level-2 vocabulary, loaded from `vocabulary.json` (data, not code).
public struct Vocabulary: Codable, Hashable, Sendable {
    public var level1: [VocabularyEntry]
    public var level2: [VocabularyEntry]
    /// How the lines around a form start that are no part of the table: notes (`注：…`, `填报说明`) and signature
    /// lines (`填报人：`, `联系电话：`, `审核人：`, `填报单位（盖章）：`). One ends an indicator block and is kept as
    /// a known line, not read as an indicator.
    public var noteLines: [String]?
    /// The words a fiscal form prints before the numbers of a column-number line under its header (`栏次 1 2 3 …`,
    /// `甲 乙 1 2 …`): such a line is part of the header, never data.
    public var columnNumberLabels: [String]?
    /// What a clerk writes in an amount cell to say there is none (`/`, `—`, `无`): the amount is 0, kept as written,
    /// and the department is not asked to put a number there.
    public var noAmount: [String]?
    /// A template's hint left in a value cell (`请选择`, `（请填写实施单位全称）`): the text starts so once brackets,
    /// dashes and spaces are set aside. Such a cell is not filled.
    public var placeholders: [String]?
    /// What a form may add in brackets after a label to tell the clerk how to fill it (`实施单位（盖章）`,
    /// `项目名称（全称）`): the label is the same label.
    public var labelQualifiers: [String]?
    /// Indicator columns any form may add, by role (`weight`: 权重, 分值 …): a column with such a header that the
    /// layout has no column for is read into that field of every row, not kept as an extra.
    public var indicatorColumns: [String: [String]]?
    /// What a 指标性质 / 计算符号 cell says, by the comparator it stands for (`大于等于`, `1` → `≥`; `定性` →
    /// `文字描述`, the value is text; `定量` → no comparator).
    public var valueNature: [String: [String]]?
    /// Headers of a column a clerk adds before the indicators to number them (`序号`, `编号`): when its cells count
    /// 1, 2, 3 … the column is row numbers, read as such and not kept as an extra; otherwise it is an unknown column.
    public var rowNumberHeaders: [String]?

    /// The vocabulary shipped with GoalBridge.
    public static let standard: Vocabulary = {
        guard let url = Bundle.module.url(forResource: "vocabulary", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url),
              let vocabulary = try? JSONDecoder().decode(Vocabulary.self, from: data) else {
            preconditionFailure("vocabulary.json missing from the GoalBridgeModel bundle")
        }
        return vocabulary
    }()

    /// Alias key → entries, built once per vocabulary (lookups are on the import hot path).
    private final class Index: @unchecked Sendable {
        let level1: [LabelKey: String]
        let level2: [LabelKey: [VocabularyEntry]]
        init(_ v: Vocabulary) {
            var l1: [LabelKey: String] = [:]
            for e in v.level1 { for a in e.aliases { l1[LabelKey(a)] = l1[LabelKey(a)] ?? e.canonical } }
            var l2: [LabelKey: [VocabularyEntry]] = [:]
            for e in v.level2 { for a in Set(e.aliases.map { LabelKey($0) }) { l2[a, default: []].append(e) } }
            level1 = l1
            level2 = l2
            noteLineFirstScalars = Set((v.noteLines ?? []).compactMap { $0.unicodeScalars.first?.value })
            columnNumberLabels = Set((v.columnNumberLabels ?? []).map { TextNormalizer.labelKey($0) })
            noAmount = Set((v.noAmount ?? []).map(TextNormalizer.halfWidth))
            placeholderFirstScalars = Set((v.placeholders ?? []).compactMap { $0.unicodeScalars.first?.value })
            // `请…`: any instruction starting so; `…字以内`: any ending so; anything else: that word.
            let qualifiers = v.labelQualifiers ?? []
            labelQualifiers = Set(qualifiers.filter { !$0.hasPrefix("…") && !$0.hasSuffix("…") }.map { TextNormalizer.labelKey("（" + $0 + "）") })
            labelQualifierStarts = qualifiers.filter { $0.hasSuffix("…") }.map { TextNormalizer.labelKey("（" + $0.dropLast()) }
            labelQualifierEnds = qualifiers.filter { $0.hasPrefix("…") }.map { TextNormalizer.labelKey(String($0.dropFirst()) + "）") }
            var roles: [String: String] = [:]
            for (role, headers) in (v.indicatorColumns ?? [:]).sorted(by: { $0.key < $1.key }) {
                for h in headers { roles[TextNormalizer.labelKey(h)] = roles[TextNormalizer.labelKey(h)] ?? role }
            }
            indicatorColumnRoles = roles
            var natures: [String: String] = [:]
            for (symbol, words) in (v.valueNature ?? [:]).sorted(by: { $0.key < $1.key }) {
                for w in words { natures[TextNormalizer.labelKey(w)] = natures[TextNormalizer.labelKey(w)] ?? symbol }
            }
            valueNatures = natures
            rowNumberHeaders = Set((v.rowNumberHeaders ?? []).map { TextNormalizer.labelKey($0) })
        }
        /// First characters of the note lines: a text starting with anything else is no note line (checked for the
        /// first cell of every indicator row, so it must cost next to nothing).
        let noteLineFirstScalars: Set<UInt32>
        let columnNumberLabels: Set<String>
        let noAmount: Set<String>
        let placeholderFirstScalars: Set<UInt32>
        let labelQualifiers: Set<String>
        /// Qualifiers given by how they start (`（请`) or end (`字以内）`), as label keys.
        let labelQualifierStarts: [String]
        let labelQualifierEnds: [String]
        let indicatorColumnRoles: [String: String]
        let valueNatures: [String: String]
        let rowNumberHeaders: Set<String>
    }

    /// Holds the index, built on first use; not part of the vocabulary's value.
    private final class IndexBox: @unchecked Sendable {
        private let lock = NSLock()
        private var built: Index?
        func get(_ v: Vocabulary) -> Index {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            let i = Index(v)
            built = i
            return i
        }
    }

    private let indexBox = IndexBox()
    private var index: Index { indexBox.get(self) }

    private enum CodingKeys: String, CodingKey { case level1, level2, noteLines, columnNumberLabels, noAmount, placeholders, labelQualifiers, indicatorColumns, valueNature, rowNumberHeaders }

    /// A vocabulary built in code; the shipped one is `Vocabulary.standard`, a bureau's own is read from JSON.
    ///
    /// ```swift
    /// let current = Vocabulary(level1: Vocabulary.standard.level1, level2: Vocabulary.standard.level2.filter { $0.legacy != true })
    /// ```
    public init(level1: [VocabularyEntry], level2: [VocabularyEntry], noteLines: [String]? = nil, columnNumberLabels: [String]? = nil,
                noAmount: [String]? = nil, placeholders: [String]? = nil, labelQualifiers: [String]? = nil, indicatorColumns: [String: [String]]? = nil, valueNature: [String: [String]]? = nil,
                rowNumberHeaders: [String]? = nil) {
        self.level1 = level1
        self.level2 = level2
        self.noteLines = noteLines
        self.columnNumberLabels = columnNumberLabels
        self.noAmount = noAmount
        self.placeholders = placeholders
        self.labelQualifiers = labelQualifiers
        self.indicatorColumns = indicatorColumns
        self.valueNature = valueNature
        self.rowNumberHeaders = rowNumberHeaders
    }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool {
        a.level1 == b.level1 && a.level2 == b.level2 && a.noteLines == b.noteLines && a.columnNumberLabels == b.columnNumberLabels
            && a.noAmount == b.noAmount && a.placeholders == b.placeholders && a.labelQualifiers == b.labelQualifiers
            && a.indicatorColumns == b.indicatorColumns
            && a.valueNature == b.valueNature && a.rowNumberHeaders == b.rowNumberHeaders
    }

    public func hash(into h: inout Hasher) {
        h.combine(level1)
        h.combine(level2)
        h.combine(noteLines)
        h.combine(columnNumberLabels)
        h.combine(noAmount)
        h.combine(placeholders)
        h.combine(labelQualifiers)
        h.combine(indicatorColumns)
        h.combine(valueNature)
        h.combine(rowNumberHeaders)
    }

    /// The indicator field a column header names (`分值` → weight), by label key; nil for any other header.
    public func indicatorColumnRole(forHeaderKey key: String) -> String? { index.indicatorColumnRoles[key] }

    /// The comparator a 指标性质 / 计算符号 cell stands for (`大于等于` → `≥`, `定性` → `文字描述`, `定量` → ``);
    /// nil for a text the vocabulary does not know.
    public func valueNatureSymbol(_ text: String) -> String? {
        guard text.utf8.count <= Vocabulary.longestNameBytes else { return nil }
        return index.valueNatures[TextNormalizer.labelKey(text)]
    }

    /// Canonical level-1 name for a spelling, or nil when it is not a known level-1 name.
    public func canonicalLevel1(_ raw: String) -> String? {
        guard raw.utf8.count <= Vocabulary.longestNameBytes else { return nil }
        if let found = index.level1[LabelKey(raw)] { return found }
        // A name the clerk numbered (`一、产出指标`, `1.成本指标`) is that name.
        return TextNormalizer.withoutSequenceNumber(raw).flatMap { index.level1[LabelKey($0)] }
    }

    /// The key a cell's text is matched by as a label: `TextNormalizer.labelKey`, without a trailing bracket that only
    /// tells the clerk how to fill the form (vocabulary `labelQualifiers`). The one rule for how a label matches.
    ///
    /// ```swift
    /// Vocabulary.standard.labelKey("实施单位（盖章）：")  // "实施单位"
    /// Vocabulary.standard.labelKey("项目资金(万元)")      // "项目资金（万元）" — a unit is no instruction
    /// ```
    public func labelKey(_ text: String) -> String { LabelKeyMaker(self).key(text) }

    /// `labelKey` for many cells: the vocabulary's qualifiers taken once (a sheet's cells each need a key).
    public struct LabelKeyMaker: Sendable {
        private let qualifiers: Set<String>
        /// As UTF-8 bytes, `ends` reversed: compared byte by byte (Character-wise `hasPrefix` on every key ending in
        /// a bracket was most of this function).
        private let starts: [[UInt8]], ends: [[UInt8]]

        /// Takes the vocabulary's label qualifiers once, for keying many cells.
        ///
        /// ```swift
        /// let keys = Vocabulary.LabelKeyMaker(.standard)
        /// ```
        public init(_ vocabulary: Vocabulary) {
            qualifiers = vocabulary.index.labelQualifiers
            starts = vocabulary.index.labelQualifierStarts.map { Array($0.utf8) }
            ends = vocabulary.index.labelQualifierEnds.map { Array($0.utf8.reversed()) }
        }

        /// The label key of one cell's text, as `Vocabulary.labelKey` gives it.
        ///
        /// ```swift
        /// keys.key("实施单位（盖章）：")   // "实施单位"
        /// ```
        public func key(_ text: String) -> String {
            let key = TextNormalizer.labelKey(text)
            // Bytes first: nearly every key ends in something other than `）` (EF BC 89).
            guard key.utf8.last == 0x89, key.utf8.count > 6, let open = key.lastIndex(of: "（"), open > key.startIndex else { return key }
            let bracket = key[open...]
            let bytes = bracket.utf8
            guard qualifiers.contains(String(bracket)) || starts.contains(where: { bytes.starts(with: $0) })
                    || ends.contains(where: { bytes.reversed().starts(with: $0) }) else { return key }
            return String(key[..<open])
        }
    }

    /// True for what a clerk writes in an amount cell to say there is none (`/`, `—`, `无`; vocabulary `noAmount`),
    /// trimmed text compared in half-width form.
    ///
    /// ```swift
    /// Vocabulary.standard.isNoAmount("／")  // true
    /// ```
    public func isNoAmount(_ text: String) -> Bool {
        text.utf8.count <= 12 && index.noAmount.contains(TextNormalizer.halfWidth(TextNormalizer.trimmed(text)))
    }

    /// True for a template's hint left in a value cell instead of content (vocabulary `placeholders`: `请选择`,
    /// `（请填写实施单位全称）`, `--请选择--`).
    ///
    /// ```swift
    /// Vocabulary.standard.isPlaceholder("（请填写项目全称）")  // true
    /// ```
    public func isPlaceholder(_ text: String) -> Bool {
        guard let placeholders, text.utf8.count <= 120 else { return false }
        let setAside = { (u: Unicode.Scalar) in TextNormalizer.isSpace(u) || "（()）【】[]-—－_".unicodeScalars.contains(u) }
        // The first character that counts says whether any hint can start here (most content: no).
        guard let first = text.unicodeScalars.first(where: { !setAside($0) }), index.placeholderFirstScalars.contains(first.value) else { return false }
        let bare = String(String.UnicodeScalarView(text.unicodeScalars.filter { !setAside($0) }))
        return placeholders.contains { bare.utf8.starts(with: $0.utf8) }
    }

    /// True for a word printed before the numbers of a column-number line (`栏次`, `甲`), by label key.
    public func isColumnNumberLabel(key: String) -> Bool { index.columnNumberLabels.contains(key) }

    /// True for the header of a row-number column (`序号`, `编号`: vocabulary `rowNumberHeaders`), by label key.
    ///
    /// ```swift
    /// Vocabulary.standard.isRowNumberHeader(key: Vocabulary.standard.labelKey("序 号"))   // true
    /// ```
    public func isRowNumberHeader(key: String) -> Bool { index.rowNumberHeaders.contains(key) }

    /// No level name is longer (the longest, 社会公众或服务对象满意度指标, is 42 bytes): a longer text is looked up
    /// without normalising it, so a pasted paragraph in a level column costs nothing.
    static let longestNameBytes = 120

    /// A note or signature line as (label, rest): `填报人：张三` → (填报人, 张三), `注：金额单位为万元。` → (注, 金额单位为万元。).
    /// Nil for any other text.
    public func noteLine(_ text: String) -> (label: String, value: String)? {
        guard let prefixes = noteLines, text.utf8.count <= 512,
              let first = text.unicodeScalars.first(where: { !TextNormalizer.isSpace($0) }),
              index.noteLineFirstScalars.contains(first.value) else { return nil }
        return Vocabulary.knownLine(text, prefixes: prefixes)
    }

    /// A line that starts with one of `prefixes` (spaces ignored), split at its first colon into label and value
    /// (`表号：绩效01表` → `表号`, `绩效01表`); nil for any other text. The one rule for note lines and for the lines
    /// a layout declares known.
    public static func knownLine(_ text: String, prefixes: [String]) -> (label: String, value: String)? {
        let t = TextNormalizer.trimmed(text)
        let squeezed = String(String.UnicodeScalarView(t.unicodeScalars.filter { !TextNormalizer.isSpace($0) }))
        // Compared as UTF-8 bytes (String.hasPrefix compares Characters: 25 prefixes cost 30,000 instructions a call).
        guard prefixes.contains(where: { squeezed.utf8.starts(with: $0.utf8) }) else { return nil }
        if let colon = t.firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let label = String(String.UnicodeScalarView(t[..<colon].unicodeScalars.filter { !TextNormalizer.isSpace($0) }))
            return (label, TextNormalizer.trimmed(String(t[t.index(after: colon)...])))
        }
        return (squeezed, "")
    }

    /// Canonical level-2 name, preferring an entry that belongs under `level1` (成本指标 is level 2 under
    /// 产出指标 in older tables; 满意度 is level 2 under 部门效果).
    public func canonicalLevel2(_ raw: String, under level1: String? = nil) -> String? {
        guard raw.utf8.count <= Vocabulary.longestNameBytes else { return nil }
        let matches = index.level2[LabelKey(raw)] ?? TextNormalizer.withoutSequenceNumber(raw).flatMap { index.level2[LabelKey($0)] } ?? []
        if let level1, let m = matches.first(where: { $0.parents?.contains(level1) == true }) { return m.canonical }
        return matches.first?.canonical
    }

    /// The canonical level-1 a level-2 name usually belongs to (for rows whose level 1 is missing).
    public func usualParent(ofLevel2 canonical: String) -> String? {
        level2.first { $0.canonical == canonical }?.parents?.first
    }

    /// The code a budget system gives a canonical level-1 name, when the vocabulary has one.
    ///
    /// ```swift
    /// Vocabulary.standard.code(level1: "产出指标")
    /// ```
    public func code(level1 canonical: String) -> String? { level1.first { $0.canonical == canonical }?.code }

    /// Level-2 canonical names allowed under a level-1 canonical name, in vocabulary order.
    public func level2Names(under level1: String, includingLegacy: Bool = false) -> [String] {
        level2.filter { $0.parents?.contains(level1) == true && (includingLegacy || $0.legacy != true) }.map(\.canonical)
    }
}
