import Foundation

/// Decimal numbers from plain ASCII text (`-12.50`, `1000`): digits, at most one dot, an optional leading minus.
///
/// Why not only `Decimal(string:)`: it goes through a locale-aware scanner and costs about half a
/// microsecond per number; a goal table has dozens (amounts, every indicator value). Up to 18 digits the
/// value is built exactly from its integer significand and a power-of-ten exponent — the same `Decimal`
/// (value and description) as `Decimal(string:)` gives; anything else falls back to it.
public enum DecimalText {
    /// The exact decimal value of `text`, or nil when it is not plain ASCII decimal text.
    ///
    ///     DecimalText.parse("-12.50")   // -12.5
    ///     DecimalText.parse("1,000")    // nil: separators are for `Amount(text:)` to clean
    public static func parse(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) } ?? Decimal(string: text)
    }

    /// The Double nearest to a decimal: `853.94` → the Double that prints as `853.94`. Through the decimal's text,
    /// which Swift parses correctly rounded; `NSDecimalNumber.doubleValue` is not (853.94 came out as
    /// 853.9399999999999 in the dataset, the CSV and the workbooks). For numeric cells and SQL REAL columns only:
    /// the model keeps the Decimal.
    ///
    /// ```swift
    /// DecimalText.double(Decimal(string: "853.94")!)   // 853.94
    /// ```
    public static func double(_ value: Decimal) -> Double {
        Double(value.description) ?? NSDecimalNumber(decimal: value).doubleValue
    }

    /// The number when `text` is exactly the plain form this reads (`-12.50`), else nil (no fallback).
    public static func parsePlain(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) } ?? nil
    }

    /// nil when the bytes are not the plain form this reads (the caller then falls back to `Decimal(string:)`).
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Decimal?? {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var significand: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var seenDot = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                significand = significand &* 10 &+ UInt64(b - 0x30)
                digits += 1
                if seenDot { fractionDigits += 1 }
            } else if b == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else {
                return nil
            }
            i += 1
        }
        // Longer numbers, and a zero written with decimals (`0.00` keeps its exponent in Decimal(string:)), fall back.
        guard digits > 0, digits <= 18, !(significand == 0 && fractionDigits > 0) else { return nil }
        let whole = Decimal(significand)
        if fractionDigits == 0 { return .some(negative ? -whole : whole) }
        return .some(Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: whole))
    }
}
