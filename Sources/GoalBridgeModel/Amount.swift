import Foundation

/// A money amount (or a spending-plan point) as written and as a number.
/// `raw` keeps `1,000.00` as the clerk typed it; `value` is 1000.
public struct Amount: Codable, Hashable, Sendable {
    public var raw: String
    public var value: Decimal?

    /// An amount as written and, when it is a number, its exact value.
    ///
    ///     Amount(raw: "1,000.00", value: Decimal(1000))   // read from a text cell
    ///     Amount(raw: "待定", value: nil)                    // kept, but not a number
    public init(raw: String, value: Decimal?) {
        self.raw = raw
        self.value = value
    }

    /// Parses text such as `1,000.00`, `２０`, `30%`, ` 65.85 `, `108万元`, `¥853.94`. The number is taken when the text
    /// is a number with at most a unit or % after it.
    public init(text: String) {
        raw = text
        value = Amount.parse(text)
    }

    /// From a numeric cell: the shortest decimal form of the Double.
    public init(number: Double) {
        let text = Amount.canonicalText(number)
        raw = text
        value = DecimalText.parse(text)
    }

    private enum CodingKeys: String, CodingKey { case raw, value }

    /// Reads `1000`, `"1,000.00"` or `{"raw": "1,000.00", "value": 1000}`.
    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let text = try? single.decode(String.self) { self.init(text: text); return }
            if let number = try? single.decode(Double.self) { self.init(number: number); return }
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(raw: try c.decode(String.self, forKey: .raw), value: try c.decodeIfPresent(Decimal.self, forKey: .value))
    }

    /// The shortest text of a numeric cell's value: whole numbers below 10¹⁵ without a decimal point, others as
    /// Swift prints them (the shortest text that reads back as the same Double).
    ///
    ///     Amount.canonicalText(1000)     // "1000"
    ///     Amount.canonicalText(853.94)   // "853.94"
    public static func canonicalText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// True when writing the number gives back the same raw text on reading (so it can be a numeric cell).
    public var isCanonicalNumber: Bool {
        guard let value else { return false }
        let d = DecimalText.double(value)
        return Amount.canonicalText(d) == raw && Decimal(string: raw) == value
    }

    static func parse(_ text: String) -> Decimal? {
        // Most amounts are typed as plain numbers (`120.00`): read those without the clean-ups below.
        if let plain = DecimalText.parsePlain(text) { return plain }
        // No digit, ASCII or full-width (EF BC 90–99), no amount: labels and headers asked whether they are amounts
        // are turned away before the full-width clean-up walks their Characters.
        let bytes = text.utf8
        guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || bytes.contains(0xEF) else { return nil }
        // ASCII with thousands separators or spaces (`2,820.81`): the same clean-up on bytes (Character by
        // Character it was a sixtieth of mapping a table).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = text.utf8.filter { $0 != UInt8(ascii: ",") && $0 != 0x20 && !($0 >= 0x09 && $0 <= 0x0D) }
            if bytes.last == UInt8(ascii: "%") { bytes.removeLast() }
            guard !bytes.isEmpty, bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
            else { return nil }
            return DecimalText.parse(String(decoding: bytes, as: UTF8.self))
        }
        var s = TextNormalizer.halfWidth(text)
        s.removeAll { $0.isWhitespace || $0 == "," || $0 == "，" }
        // A currency sign before the number (`¥853.94`: a number cell in the 货币 format `"¥"#,##0.00`, shown as the
        // clerk sees it; `￥853.94` typed): the amount is in yuan-denominated money either way.
        for sign in ["¥", "￥"] {
            if s.hasPrefix(sign) { s.removeFirst(); break }
            if s.hasPrefix("-" + sign) { s.remove(at: s.index(after: s.startIndex)); break }
        }
        for suffix in ["万元", "元", "%", "万"] where s.hasSuffix(suffix) {
            s.removeLast(suffix.count)
            break
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return DecimalText.parse(s)
    }
}
