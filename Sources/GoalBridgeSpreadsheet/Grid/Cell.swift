/// What a cell holds, as the file stores it.
public enum CellValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    /// A number whose format is a date or time format; the serial is kept so nothing is lost.
    case date(ExcelDate)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// The type name used by `goalbridge dump`.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .date: return "date"
        case .error: return "error"
        }
    }

    /// Text as a person reads it: strings as they are, numbers without a trailing `.0`,
    /// dates in ISO form, booleans as TRUE/FALSE.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .number(let d): return CellValue.format(number: d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.isoText
        case .error(let e): return e
        }
    }

    /// Shortest text that reads back as the same Double; integers print without a decimal point.
    public static func format(number d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d))
        }
        return "\(d)"
    }
}

/// One non-empty cell of a sheet.
public struct Cell: Hashable, Sendable {
    public var reference: CellReference
    public var value: CellValue
    /// The cell holds a formula; `value` is its cached result.
    public var isFormula: Bool

    public init(_ reference: CellReference, _ value: CellValue, isFormula: Bool = false) {
        self.reference = reference
        self.value = value
        self.isFormula = isFormula
    }
}
