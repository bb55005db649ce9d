/// Reads the parts of `xl/styles.xml` that decide whether a number is a date:
/// custom number formats and the number format of each cell style (`cellXfs`).
final class StylesParser: XMLPartHandler {
    var customFormats: [Int: String] = [:]
    var cellFormatIds: [Int] = []
    /// Per font (`<fonts>`), whether it strikes its text through; per cell style, its font.
    private var fontStrikes: [Bool] = []
    private var cellFontIds: [Int] = []
    private var inFonts = false
    private var inCellXfs = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if inFonts {
            // A font's properties (name, sz, color, family, b, i …): only `font` and `strike` matter.
            let first = name.pointer[0]
            if first == UInt8(ascii: "f"), name.is("font") { fontStrikes.append(false) }
            else if first == UInt8(ascii: "s"), name.is("strike"), !fontStrikes.isEmpty {
                fontStrikes[fontStrikes.count - 1] = StylesParser.isOn(attributes.string("val"))
            }
            return
        }
        if name.pointer[0] == UInt8(ascii: "f"), name.is("fonts") {
            inFonts = true
        } else if name.is("numFmt") {
            if let id = attributes.string("numFmtId").flatMap({ Int($0) }) {
                customFormats[id] = attributes.string("formatCode") ?? ""
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.is("xf") {
            cellFormatIds.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
            cellFontIds.append(attributes.string("fontId").flatMap { Int($0) } ?? 0)
        }
    }

    /// A boolean attribute of SpreadsheetML as written (ST_OnOff; absent means on: `<strike/>`).
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return value == "1" || value == "true" || value == "on"
    }

    /// For each style index, whether its font strikes the text through; empty when no font does (most files).
    func struckStyles() -> [Bool] {
        guard fontStrikes.contains(true) else { return [] }
        return cellFontIds.map { $0 >= 0 && $0 < fontStrikes.count && fontStrikes[$0] }
    }

    override func end(_ name: XMLName) {
        if inFonts {
            if name.pointer[0] == UInt8(ascii: "f"), name.is("fonts") { inFonts = false }
        } else if name.is("cellXfs") {
            inCellXfs = false
            // Everything after cellXfs (cell styles, dxfs, table styles) is of no use to a reader of values.
            finishEarly()
        }
    }

    /// For each style index, how its number format shows a number: a date or time, a percentage, or as it is.
    func numberStyles() -> [NumberStyle] {
        var known: [Int: NumberStyle] = [:]
        return cellFormatIds.map { id in
            if let k = known[id] { return k }
            let d = NumberFormat.style(id: id, code: customFormats[id])
            known[id] = d
            return d
        }
    }
}

/// How a number format shows a number, as far as reading a value needs to know.
public enum NumberStyle: Hashable, Sendable {
    case plain
    /// A date or time, with how the format shows it (nil: a part we do not show; read in ISO form).
    case date(DatePattern?)
    /// `0%`, `0.0%`: the number × 100 with a percent sign (a clerk who types `95%` in Excel stores 0.95 so).
    case percent(decimals: Int)
    /// A number with words around it in its format (`0"人"`, `0.00"万元"`, `"约"0`): shown with them; a percentage
    /// when the digits end in a percent sign (`"≥"0%` shows 0.95 as `≥95%`).
    case literal(prefix: String, suffix: String, decimals: Int, percent: Bool = false)
}

/// Which number formats are dates.
public enum NumberFormat {
    /// How format `id` (with its custom `code`, if any) shows a number.
    public static func style(id: Int, code: String?) -> NumberStyle {
        if isDate(id: id, code: code) {
            if let code, !code.isEmpty { return .date(DatePattern(code)) }
            return .date(DatePattern.builtIn(id))
        }
        if let code, !code.isEmpty {
            // Words first: `"≥"0%` is a percentage with its comparator, not a bare one.
            if let words = literal(code) { return words }
            if let d = percentDecimals(code) { return .percent(decimals: d) }
            return .plain
        }
        switch id {
        case 9: return .percent(decimals: 0)
        case 10: return .percent(decimals: 2)
        default: return .plain
        }
    }

    /// A one-section format of digits with quoted or escaped words before or after (`0"人"`, `#,##0.00"万元"`, `"约"0`,
    /// `"¥"#,##0.00`, `\¥#,##0.00`, `"≥"0%`): the words, the decimals and whether the digits end in a percent sign;
    /// nil for any other format (those show the number as it is, or as a bare percentage).
    public static func literal(_ code: String) -> NumberStyle? {
        var prefix = "", suffix = "", digits = "", i = code.startIndex
        // Words in quotes (`"¥"`, `"万元"`) or characters escaped one by one (`\¥`, LibreOffice's spelling of the
        // same format), as many as follow each other.
        func literalText() -> String {
            var text = ""
            while i < code.endIndex {
                if code[i] == "\"", let close = code[code.index(after: i)...].firstIndex(of: "\"") {
                    text += code[code.index(after: i)..<close]
                    i = code.index(after: close)
                } else if code[i] == "\\", code.index(after: i) < code.endIndex {
                    text.append(code[code.index(after: i)])
                    i = code.index(i, offsetBy: 2)
                } else {
                    break
                }
            }
            return text
        }
        prefix = literalText()
        while i < code.endIndex, "#0,.".contains(code[i]) { digits.append(code[i]); i = code.index(after: i) }
        let percent = i < code.endIndex && code[i] == "%"
        if percent { i = code.index(after: i) }
        suffix = literalText()
        guard i == code.endIndex, digits.contains("0") || digits.contains("#"), !(prefix + suffix).isEmpty else { return nil }
        let decimals = digits.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first.map { $0.count } ?? 0
        return .literal(prefix: prefix, suffix: suffix, decimals: decimals, percent: percent)
    }

    /// The decimals of a percent format's first section (`0.0%` → 1), nil when it shows no percent sign (outside
    /// quotes, escapes and brackets).
    public static func percentDecimals(_ code: String) -> Int? {
        var inQuote = false, inBracket = false, escaped = false, afterPoint = false
        var decimals = 0
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case ";": return nil
            case ".": afterPoint = true
            case "0", "#", "?": if afterPoint { decimals += 1 }
            case "%": return decimals
            default: continue
            }
        }
        return nil
    }

    /// Built-in ids that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58 in
    /// CJK locales (年/月/日 forms that the file does not spell out).
    public static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// True when a format shows a date or time: a built-in date id, or a custom code with
    /// d, m, y, h, s, 年, 月 or 日 outside quotes, escapes and brackets (`[Red]`, `[$-804]`; `[h]` counts).
    public static func isDate(id: Int, code: String?) -> Bool {
        if let code, !code.isEmpty { return isDateCode(code) }
        return isBuiltInDate(id)
    }

    /// True when a number format code shows a date or time (y, m, d, h, s outside quotes, escapes and `[…]` colour
    /// or condition brackets; `[h]` elapsed hours count).
    ///
    ///     StylesParser.isDateCode("yyyy\"年\"m\"月\"")   // true
    ///     StylesParser.isDateCode("0.00%")             // false
    public static func isDateCode(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var bracket = ""
        var escaped = false
        // Only the first section decides (positive numbers).
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    let b = bracket.lowercased()
                    if b == "h" || b == "hh" || b == "m" || b == "mm" || b == "s" || b == "ss" { return true }
                } else { bracket.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true; bracket = ""
            case ";": return false
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S", "年", "月", "日":
                return true
            default: continue
            }
        }
        return false
    }
}
