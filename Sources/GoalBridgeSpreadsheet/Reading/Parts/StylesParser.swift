/// Reads the parts of `xl/styles.xml` that decide whether a number is a date:
/// custom number formats and the number format of each cell style (`cellXfs`).
final class StylesParser: XMLPartHandler {
    var customFormats: [Int: String] = [:]
    var cellFormatIds: [Int] = []
    private var inCellXfs = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt") {
            if let id = attributes.string("numFmtId").flatMap({ Int($0) }) {
                customFormats[id] = attributes.string("formatCode") ?? ""
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.is("xf") {
            cellFormatIds.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    override func end(_ name: XMLName) {
        if name.is("cellXfs") {
            inCellXfs = false
            // Everything after cellXfs (cell styles, dxfs, table styles) is of no use to a reader of values.
            finishEarly()
        }
    }

    /// For each style index, whether its number format shows a date or time.
    func dateStyles() -> [Bool] {
        var known: [Int: Bool] = [:]
        return cellFormatIds.map { id in
            if let k = known[id] { return k }
            let d = NumberFormat.isDate(id: id, code: customFormats[id])
            known[id] = d
            return d
        }
    }
}

/// Which number formats are dates.
public enum NumberFormat {
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
