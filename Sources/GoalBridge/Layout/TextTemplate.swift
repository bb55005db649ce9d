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
            case "digits": pattern = "[0-9]+"
            case "year": pattern = "(?:[0-9]{4})?"
            default: pattern = ".*?"
            }
            parts.append(.field(inner[0], pattern: pattern))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
        compiled = TextTemplate.compile(parts)
    }

    var fields: [String] {
        parts.compactMap { if case .field(let f, _) = $0 { return f } else { return nil } }
    }

    /// The literal text with the fields left out, e.g. for the layout's label list.
    var literalText: String {
        parts.map { if case .literal(let s) = $0 { return s } else { return "" } }.joined()
    }

    private static func compile(_ parts: [Part]) -> NSRegularExpression {
        var pattern = "^"
        for part in parts {
            switch part {
            case .literal(let s): pattern += NSRegularExpression.escapedPattern(for: TextNormalizer.labelKey(s, trimmingColons: false))
            case .field(_, let p): pattern += "(" + p + ")"
            }
        }
        return try! NSRegularExpression(pattern: pattern + "$")
    }

    /// Field values in a cell's text (compared by label key), or nil when the cell does not match.
    func match(_ text: String) -> [String: String]? {
        let key = TextNormalizer.labelKey(text, trimmingColons: false)
        guard let m = compiled.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) else { return nil }
        var out: [String: String] = [:]
        for (i, f) in fields.enumerated() {
            if let r = Range(m.range(at: i + 1), in: key), !key[r].isEmpty { out[f] = String(key[r]) }
        }
        return out
    }

    func render(_ value: (String) -> String?) -> String {
        parts.map {
            switch $0 {
            case .literal(let s): return s
            case .field(let f, _): return value(f) ?? ""
            }
        }.joined()
    }
}
