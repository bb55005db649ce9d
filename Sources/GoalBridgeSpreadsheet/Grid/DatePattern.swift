/// How a date number format shows a date: `yyyy"年"m"月"` shows serial 45627 as `2024年12月`, `m"月"d"日"` as `12月1日`.
///
/// A clerk who types `2024年12月` or `12月31日` into Chinese Excel or WPS gets a date cell with such a format: the file
/// holds the serial of 2024-12-01, or of 12-31 in the year the clerk typed it. Read as an ISO date, the value had a
/// day, or a year, nobody wrote; shown through its format it is what the clerk sees. Formats with parts this does not
/// show (month and weekday names, elapsed hours, fractions of a second, other calendars and numeral systems) give nil,
/// and the date is read in ISO form.
///
/// ```swift
/// DatePattern("yyyy\"年\"m\"月\"")!.text(year: 2024, month: 12, day: 1, seconds: 0)  // "2024年12月"
/// ```
public struct DatePattern: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case year(twoDigits: Bool)
        case month(padded: Bool)
        case day(padded: Bool)
        case hour(padded: Bool)
        case minute(padded: Bool)
        case second(padded: Bool)
        /// `AM/PM`, `A/P` or `上午/下午`: the hours count to 12.
        case halfDay(morning: String, afternoon: String)
        case literal(String)
    }

    let parts: [Part]
    /// The format code as the file gave it (written back when the value is written).
    public let code: String

    /// The pattern of a date format code; nil when the code has a part this does not show.
    public init?(_ code: String) {
        guard let parts = DatePattern.parse(code) else { return nil }
        self.parts = parts
        self.code = code
    }

    /// The built-in date formats as a Chinese (zh-CN) spreadsheet program shows them; ECMA-376 Part 1 §18.8.30
    /// leaves 14 and 22 to the locale and gives 27–36 and 50–58 only for East Asian locales.
    public static func builtIn(_ id: Int) -> DatePattern? { builtIns[id] }

    /// Parsed once: every workbook's styles name some of them.
    private static let builtIns: [Int: DatePattern] = {
        var out: [Int: DatePattern] = [:]
        for id in 0...58 { if let p = builtInCode(id).flatMap(DatePattern.init) { out[id] = p } }
        return out
    }()

    private static func builtInCode(_ id: Int) -> String? {
        let code: String
        switch id {
        case 14: code = "yyyy/m/d"
        case 20: code = "h:mm"
        case 21: code = "h:mm:ss"
        case 22: code = "yyyy/m/d h:mm"
        case 18: code = "h:mm AM/PM"
        case 19: code = "h:mm:ss AM/PM"
        case 27, 36, 50, 52, 57: code = #"yyyy"年"m"月""#
        case 28, 29, 51, 53, 54, 58: code = #"m"月"d"日""#
        case 30: code = "m-d-yy"
        case 31: code = #"yyyy"年"m"月"d"日""#
        case 32: code = #"h"时"mm"分""#
        case 33: code = #"h"时"mm"分"ss"秒""#
        case 34, 55: code = #"上午/下午h"时"mm"分""#
        case 35, 56: code = #"上午/下午h"时"mm"分"ss"秒""#
        case 45: code = "mm:ss"
        default: return nil
        }
        return code
    }

    /// The date as the format shows it.
    public func text(year: Int, month: Int, day: Int, seconds: Int) -> String {
        let twelveHours = parts.contains { if case .halfDay = $0 { return true } else { return false } }
        let hour = seconds / 3600
        func number(_ n: Int, _ padded: Bool) -> String { padded && n < 10 ? "0\(n)" : "\(n)" }
        var out = ""
        for part in parts {
            switch part {
            case .year(let two): out += two ? number(year % 100, true) : String(year)
            case .month(let padded): out += number(month, padded)
            case .day(let padded): out += number(day, padded)
            case .hour(let padded): out += number(twelveHours ? (hour % 12 == 0 ? 12 : hour % 12) : hour, padded)
            case .minute(let padded): out += number(seconds / 60 % 60, padded)
            case .second(let padded): out += number(seconds % 60, padded)
            case .halfDay(let morning, let afternoon): out += hour < 12 ? morning : afternoon
            case .literal(let s): out += s
            }
        }
        return out
    }

    /// The first section of a code as parts. `m` is the minute after an hour or before a second, the month elsewhere
    /// (as in Excel); letters and brackets this does not show make the whole code nil.
    static func parse(_ code: String) -> [Part]? {
        let chars = Array(code)
        var parts: [Part] = []
        var literal = ""
        func flush() { if !literal.isEmpty { parts.append(.literal(literal)); literal = "" } }
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            // ASCII only: a few letters lower-case to more than one character, and `Character(_:)` traps on those.
            let lower = DatePattern.lowercased(ch)
            func run() -> Int {
                var n = 0
                while i + n < chars.count, DatePattern.lowercased(chars[i + n]) == lower { n += 1 }
                return n
            }
            switch lower {
            case ";":
                i = chars.count
                continue
            case "\"":
                guard let close = chars[(i + 1)...].firstIndex(of: "\"") else { return nil }
                literal += String(chars[(i + 1)..<close])
                i = close + 1
                continue
            case "\\":
                guard i + 1 < chars.count else { return nil }
                literal.append(chars[i + 1])
                i += 2
                continue
            case "_", "*":
                // Padding to the width of a character, or filling the cell with it: no text of its own.
                i += 2
                continue
            case "[":
                guard let close = chars[(i + 1)...].firstIndex(of: "]") else { return nil }
                let inside = String(chars[(i + 1)..<close]).lowercased()
                // A colour or a locale (`[Red]`, `[$-804]`) changes nothing shown; elapsed time (`[h]`), another
                // numeral system (`[DBNum1]`) or a calendar (`[$-x-sysdate]`, `[$-F800]`) is not shown here.
                let locale = inside.hasPrefix("$-") && inside.count <= 7 && inside.dropFirst(2).allSatisfy(\.isHexDigit)
                    && !inside.hasPrefix("$-f")
                guard locale || ["red", "black", "blue", "green", "white", "yellow", "cyan", "magenta"].contains(inside) else { return nil }
                i = close + 1
                continue
            case "y", "e":
                flush()
                let n = run()
                parts.append(.year(twoDigits: lower == "y" && n <= 2))
                i += n
            case "m":
                flush()
                let n = run()
                guard n <= 2 else { return nil }   // mmm, mmmm: month names
                parts.append(.month(padded: n == 2))
                i += n
            case "d":
                flush()
                let n = run()
                guard n <= 2 else { return nil }   // ddd, dddd: weekday names
                parts.append(.day(padded: n == 2))
                i += n
            case "h":
                flush()
                let n = run()
                parts.append(.hour(padded: n >= 2))
                i += n
            case "s":
                flush()
                let n = run()
                parts.append(.second(padded: n >= 2))
                i += n
                // `ss.0`: fractions of a second.
                if i < chars.count, chars[i] == ".", i + 1 < chars.count, chars[i + 1] == "0" { return nil }
            case "a", "上":
                let rest = String(chars[i...])
                if let (text, morning, afternoon) = [("上午/下午", "上午", "下午"), ("am/pm", "AM", "PM"), ("a/p", "A", "P")]
                    .first(where: { rest.lowercased().hasPrefix($0.0) }) {
                    flush()
                    parts.append(.halfDay(morning: morning, afternoon: afternoon))
                    i += text.count
                } else if lower == "上" {
                    literal.append(ch)
                    i += 1
                } else {
                    return nil   // aaa, aaaa: weekday names in a Chinese locale
                }
            case "@", "#", "0", "?", "g", "b", "n", "%":
                return nil
            default:
                if ch.isLetter && ch.isASCII { return nil }
                literal.append(ch)
                i += 1
            }
        }
        flush()
        // `m` next to a time part is the minute.
        for (k, part) in parts.enumerated() {
            guard case .month(let padded) = part else { continue }
            let before = parts[..<k].last { !$0.isLiteral }
            let after = parts[(k + 1)...].first { !$0.isLiteral }
            if before?.isHour == true || after?.isSecond == true { parts[k] = .minute(padded: padded) }
        }
        return parts.contains(where: { !$0.isLiteral }) ? parts : nil
    }
}

extension DatePattern {
    static func lowercased(_ ch: Character) -> Character {
        guard let a = ch.asciiValue, a >= 0x41, a <= 0x5A else { return ch }
        return Character(Unicode.Scalar(a + 0x20))
    }
}

extension DatePattern.Part {
    var isLiteral: Bool { if case .literal = self { return true } else { return false } }
    var isHour: Bool { if case .hour = self { return true } else { return false } }
    var isSecond: Bool { if case .second = self { return true } else { return false } }
}
