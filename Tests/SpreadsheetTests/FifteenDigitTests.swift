import Foundation
import Testing
@testable import GoalBridgeSpreadsheet

/// A number cell is read as a spreadsheet program shows it: 15 significant digits. Excel writes a computed total such
/// as 403.09 + 2542.3 + 76.38 to the file as `3021.7700000000004` and shows `3021.77`; read with 17 digits, the
/// dataset held amounts nobody typed (issue 14's `853.9399999999999`, here from a file, not from our own storing).
struct FifteenDigitTests {
    static let sums: [Double] = [403.09 + 2542.3 + 76.38, 0.1 + 0.2, 1624.24 + 2817.45 + 38.12]
    static let cases: [(Double, String)] = [
        (sums[0], "3021.77"), (sums[1], "0.3"), (sums[2], "4479.81"),
        (853.9399999999999, "853.94"), (853.9400000000001, "853.94"),
        // Unchanged: what already has 15 digits or fewer, integers, exponent forms.
        (853.94, "853.94"), (2820.81, "2820.81"), (0.000123, "0.000123"), (1000, "1000"), (-12.5, "-12.5"),
        (123456789.123456, "123456789.123456"), (1e-7, "1e-07"), (1e20, "1e+20"),
    ]

    @Test(arguments: cases)
    func shownWithFifteenDigits(_ value: Double, _ text: String) {
        #expect(CellValue.format(number: value) == text)
        #expect(CellValue.number(value).text == text)
    }

    /// Rounding to 15 digits never changes a number typed with 15 digits or fewer: each reads back as itself.
    @Test func typedNumbersReadBackAsTyped() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let cents = Int64.random(in: 0...9_999_999_999, using: &generator)
            let text = "\(cents / 100).\(String(format: "%02d", cents % 100))"
            let d = Double(text)!
            let expected = cents % 100 == 0 ? "\(cents / 100)" : (cents % 10 == 0 ? String(text.dropLast()) : text)
            #expect(CellValue.format(number: d) == expected, "\(text)")
        }
    }
}
