import Foundation

/// What a cell holds, as the file stores it.
public enum CellValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    /// A number whose format is a date or time format; the serial is kept so nothing is lost.
    case date(ExcelDate)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)
    /// A number shown as a percentage (`0%`, `0.0%` formats): `0.95` is what a clerk typed as `95%`. Its text is the
    /// percentage as shown.
    case percent(Double, decimals: Int)

    /// The type name used by `goalbridge dump`.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .date: return "date"
        case .error: return "error"
        case .percent: return "percent"
        }
    }

    /// Text as a person reads it: strings as they are, numbers without a trailing `.0`,
    /// dates as their format shows them (ISO form when it has no pattern we show), booleans as TRUE/FALSE.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .number(let d): return CellValue.format(number: d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.shownText
        case .error(let e): return e
        case .percent(let d, let decimals): return CellValue.format(percent: d, decimals: decimals)
        }
    }

    /// A number with a fixed count of decimals, as a format shows it (`1000` with 2 → `1000.00`), in decimal.
    public static func format(number d: Double, decimals: Int) -> String {
        guard decimals > 0, d.isFinite, abs(d) < 1e15, var value = Decimal(string: format(number: d)) else {
            if decimals == 0, d.isFinite, abs(d) < 1e15 { return String(Int64(d.rounded(.toNearestOrAwayFromZero))) }
            return format(number: d)
        }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, min(decimals, 10), .plain)
        var text = rounded.description
        let have = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
        if have < 0 { text += "." }
        return text + String(repeating: "0", count: decimals - max(have, 0))
    }

    /// `0.95` → `95%`, `0.955` with one decimal → `95.5%`: the number × 100 computed in decimal (0.07 × 100 in binary is
    /// 7.000000000000001), rounded half up to the format's decimals as Excel shows it.
    public static func format(percent d: Double, decimals: Int) -> String {
        guard d.isFinite, abs(d) < 1e13, var value = Decimal(string: format(number: d)) else { return format(number: d) }
        value *= 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, max(0, min(decimals, 10)), .plain)
        var text = rounded.description
        if decimals > 0 {
            let have = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
            if have < 0 { text += "." }
            text += String(repeating: "0", count: decimals - max(have, 0))
        }
        return text + "%"
    }

    /// The number as a spreadsheet program shows it: at most 15 significant digits, the shortest text of them;
    /// integers without a decimal point. Excel computes in binary and writes a sum such as 403.09 + 2542.3 + 76.38
    /// to the file as `3021.7700000000004`, but holds and shows 15 digits, `3021.77` (LibreOffice and gnumeric write
    /// the 15 digits to the file). Read with 17, the bureau's dataset held amounts nobody had typed.
    public static func format(number d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d))
        }
        let shortest = "\(d)"
        // Fifteen digits fit in 16 characters with the point (17 with a sign): shorter texts need no look.
        guard shortest.utf8.count > 16, d.isFinite, significantDigits(shortest) > 15 else { return shortest }
        var buffer = [CChar](repeating: 0, count: 40)
        _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, "%.15g", $0) }
        let rounded = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // An exponent form (beyond 1e15 or below 1e-4) keeps Swift's spelling, which every reader of ours parses.
        return rounded.contains("e") ? shortest : rounded
    }

    /// Digits from the first non-zero one, the point and sign not counted (`0.30000000000000004` → 17).
    private static func significantDigits(_ text: String) -> Int {
        var count = 0, started = false
        for b in text.utf8 {
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { break }
            guard b >= 0x30 && b <= 0x39 else { continue }
            if b != 0x30 { started = true }
            if started { count += 1 }
        }
        return count
    }
}

/// One non-empty cell of a sheet.
public struct Cell: Hashable, Sendable {
    public var reference: CellReference
    public var value: CellValue
    /// The cell holds a formula; `value` is its cached result.
    public var isFormula: Bool

    /// A cell at `reference`; for a formula cell, `value` is the result the file cached.
    ///
    ///     Cell(CellReference("B3")!, .string("项目名称"))
    ///     Cell(CellReference("D9")!, .number(120), isFormula: true)
    public init(_ reference: CellReference, _ value: CellValue, isFormula: Bool = false) {
        self.reference = reference
        self.value = value
        self.isFormula = isFormula
    }
}
