import Foundation
import GoalBridgeModel

/// Static text with fields inside it: `（{fiscalYear}年度）`, `单位：{amountUnit}`,
/// `{implementingUnit.code:digits} {implementingUnit.name}`. Export fills the fields in; import matches
/// the cell (whitespace and full-width forms ignored, as for labels) and takes the fields out.
struct TextTemplate {
    enum Part {
        case literal(String)
        case field(String, pattern: String)
    }

    let parts: [Part]
    /// Compiled once per template.
    private let compiled: NSRegularExpression
    /// The label keys of the literal parts: a cell whose label key lacks one of them cannot match, and is
    /// skipped without running the pattern (the importer tries every template on the cells of the fixed rows).
    private let literalKeys: [String]
    /// The positions (in `fields`) of fields with a pattern of their own: digits, codes, years.
    private let patternedFields: Set<Int>

    /// nil when the text has no `{field}`.
    init?(_ text: String) {
        guard text.contains("{") else { return nil }
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            let inner = rest[rest.index(after: open)..<close].split(separator: ":", maxSplits: 1).map(String.init)
            let pattern: String
            switch inner.count > 1 ? inner[1] : "" {
            // Digits in either width: a clerk typing with the input method in full-width mode writes `００１００１`.
            case "digits": pattern = "[0-9０-９]+"
            // A code of the budget system: three or more digits and capitals, starting with a digit (`371524…`,
            // `37150022P99001810047B`); `80` in `80-89 周岁高龄津贴` is no code.
            case "code": pattern = "[0-9０-９][0-9A-Z０-９Ａ-Ｚ]{2,}"
            // Digits, or Chinese numerals as official documents write a year (`二〇二四`).
            case "year": pattern = "(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})?"
            default: pattern = ".*?"
            }
            parts.append(.field(inner[0], pattern: pattern))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
        compiled = TextTemplate.compile(parts)
        patternedFields = Set(parts.compactMap { if case .field(_, let p) = $0 { return p } else { return nil } }
            .enumerated().filter { $0.element != ".*?" }.map(\.offset))
        literalKeys = parts.compactMap {
            if case .literal(let s) = $0 { let k = TextNormalizer.labelKey(s); return k.isEmpty ? nil : k } else { return nil }
        }
    }

    /// False when a cell with this label key cannot match (sound: whitespace, widths and parentheses are
    /// normalised the same way in the key and in the literal parts; a true answer still needs `match`).
    func mightMatch(key: String) -> Bool { literalKeys.allSatisfy { key.containsText($0) } }

    /// True when a field has a pattern of its own (`{f:digits}`, `{f:year}`): such a line is recognisable without words.
    var hasPatternedField: Bool { parts.contains { if case .field(_, let p) = $0 { return p != ".*?" } else { return false } } }

    var fields: [String] {
        parts.compactMap { if case .field(let f, _) = $0 { return f } else { return nil } }
    }

    /// The literal text with the fields left out, e.g. for the layout's label list.
    var literalText: String {
        parts.map { if case .literal(let s) = $0 { return s } else { return "" } }.joined()
    }

    /// The pattern runs on the cell's own text, so field values keep every character as typed; the literal parts
    /// tolerate spaces anywhere (`2022 年度`), either width of punctuation and digits (`：`/`:`, `（`/`(`) and a short
    /// bracket before a colon (`部门名称（盖章）：`).
    private static func compile(_ parts: [Part]) -> NSRegularExpression {
        var pattern = "^\\s*"
        for part in parts {
            switch part {
            case .literal(let s):
                for ch in s.unicodeScalars {
                    if TextNormalizer.isSpace(ch) { pattern += "\\s*"; continue }
                    // A label's instruction in brackets before its colon (`部门名称（盖章）：`, as after a label of a
                    // cell of its own): the same line.
                    if ch == ":" || ch == "：" { pattern += "(?:[（(][^（()）]{1,10}[)）]\\s*)?" }
                    var variants: Set<Unicode.Scalar> = [ch]
                    if (0xFF01...0xFF5E).contains(ch.value) { variants.insert(Unicode.Scalar(ch.value - 0xFEE0)!) }
                    if (0x21...0x7E).contains(ch.value) { variants.insert(Unicode.Scalar(ch.value + 0xFEE0)!) }
                    let cls = variants.map { NSRegularExpression.escapedPattern(for: String($0)) }.sorted().joined(separator: "|")
                    pattern += "(?:" + cls + ")\\s*"
                }
            case .field(_, let p): pattern += "(" + p + ")\\s*"
            }
        }
        // A field may hold a line break typed in the cell (Alt+Enter in a title's department name): `.` must cross it.
        return try! NSRegularExpression(pattern: pattern + "$", options: [.dotMatchesLineSeparators])
    }

    /// Field values in a cell's text, or nil when the cell does not match.
    func match(_ text: String) -> [String: String]? {
        var text = text
        var ns = text as NSString
        var found = compiled.firstMatch(in: text, range: NSRange(location: 0, length: ns.length))
        // A title with a note after it (`…整体绩效目标表（修改稿）`) is that title.
        if found == nil, let bare = FormText.withoutTitleNote(text) {
            text = bare
            ns = text as NSString
            found = compiled.firstMatch(in: text, range: NSRange(location: 0, length: ns.length))
        }
        guard let m = found else { return nil }
        var out: [String: String] = [:]
        for (i, f) in fields.enumerated() {
            let r = m.range(at: i + 1)
            guard r.location != NSNotFound else { continue }
            var value = TextNormalizer.trimmed(ns.substring(with: r))
            // A code or a year is the same typed in full width: kept in ASCII, as the budget system holds it.
            if patternedFields.contains(i) { value = TextNormalizer.halfWidth(value) }
            if !value.isEmpty { out[f] = value }
        }
        return out
    }

    /// The text with the fields filled in. Brackets left empty by a field with no value go too (`中期目标（{f}）` with
    /// no value is written `中期目标`, not `中期目标（）`).
    func render(_ value: (String) -> String?) -> String {
        var out = ""
        var emptyField = false
        for part in parts {
            switch part {
            case .literal(var s):
                if emptyField, out.hasSuffix("（") || out.hasSuffix("("), s.hasPrefix("）") || s.hasPrefix(")") {
                    out.removeLast()
                    s.removeFirst()
                }
                out += s
                emptyField = false
            case .field(let f, _):
                let v = value(f) ?? ""
                emptyField = v.isEmpty
                out += v
            }
        }
        return out
    }
}
