/// A cell position, zero-based internally; `description` gives the A1 form.
public struct CellReference: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Zero-based row (row 1 in Excel is 0).
    public var row: Int
    /// Zero-based column (column A is 0).
    public var column: Int

    /// Excel's grid: XFD1048576 is the last cell.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    /// A cell by its 0-based row and column (A1 is row 0, column 0).
    ///
    ///     CellReference(row: 2, column: 1).description   // "B3"
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B3`, `$B$3` or `xfd1048576`. Returns nil for anything else, including cells beyond XFD1048576.
    public init?(_ text: String) {
        var utf8 = Array(text.utf8)
        utf8.removeAll { $0 == UInt8(ascii: "$") }
        guard let parsed = utf8.withUnsafeBufferPointer({ CellReference.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses an A1 reference from raw bytes without allocating.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReference? {
        var i = 0
        var column = 0
        var letters = 0
        while i < bytes.count {
            var b = bytes[i]
            if b >= 97 && b <= 122 { b -= 32 }
            guard b >= 65 && b <= 90 else { break }
            column = column * 26 + Int(b - 64)
            letters += 1
            i += 1
            if letters > 3 { return nil }
        }
        guard letters > 0, i < bytes.count else { return nil }
        var row = 0
        var digits = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return nil }
            row = row * 10 + Int(b - 48)
            digits += 1
            i += 1
            if digits > 7 { return nil }
        }
        guard digits > 0, row >= 1, row <= maxRows, column <= maxColumns else { return nil }
        return CellReference(row: row - 1, column: column - 1)
    }

    /// Column letters for a zero-based column index: 0 → A, 26 → AA.
    public static func columnName(_ column: Int) -> String {
        String(unsafeUninitializedCapacity: 8) { buffer in writeColumnName(column, into: buffer, at: 0) }
    }

    /// Writes the column letters at `start`; returns the index after them. (Built in place: every source
    /// cell of an import names its cell, and the array-of-scalars version allocated twice per name.)
    private static func writeColumnName(_ column: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var letters: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &letters) { tmp in
            var n = column + 1
            while n > 0 && count < 8 {
                tmp[count] = UInt8(65 + (n - 1) % 26)
                n = (n - 1) / 26
                count += 1
            }
            for k in 0..<count { buffer[start + k] = tmp[count - 1 - k] }
        }
        return start + count
    }

    public var description: String {
        // Letters (at most 3 in Excel's grid, 8 allowed here) and up to 20 digits of the row number.
        String(unsafeUninitializedCapacity: 32) { buffer in
            var end = CellReference.writeColumnName(column, into: buffer, at: 0)
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { tmp in
                var n = UInt64(max(row + 1, 0))
                repeat {
                    tmp[count] = UInt8(48 + n % 10)
                    n /= 10
                    count += 1
                } while n > 0 && count < 24
                for k in 0..<count { buffer[end + k] = tmp[count - 1 - k] }
            }
            end += count
            return end
        }
    }

    public static func < (a: CellReference, b: CellReference) -> Bool {
        a.row != b.row ? a.row < b.row : a.column < b.column
    }
}

/// A rectangular range such as a merged area `A5:A9`; both corners inclusive.
public struct CellRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    /// The rectangle between two corners, in either order (the corners are normalised to top-left and bottom-right).
    ///
    ///     CellRange(first: CellReference("C5")!, last: CellReference("A1")!).description   // "A1:C5"
    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// The rectangle of 0-based rows and columns.
    ///
    ///     CellRange(rows: 0...2, columns: 0...0).description   // "A1:A3"
    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.init(first: CellReference(row: rows.lowerBound, column: columns.lowerBound),
                  last: CellReference(row: rows.upperBound, column: columns.upperBound))
    }

    /// Parses `A5:A9` (a single `A5` is a one-cell range).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let a = CellReference(String(parts[0])),
              let b = CellReference(String(parts[parts.count - 1])) else { return nil }
        self.init(first: a, last: b)
    }

    public var rowCount: Int { last.row - first.row + 1 }
    public var columnCount: Int { last.column - first.column + 1 }
    public var area: Int { rowCount * columnCount }
    public var isSingleCell: Bool { first == last }

    /// True when the cell lies inside the range, edges included.
    ///
    ///     CellRange("A1:B3")!.contains(CellReference("B3")!)   // true
    public func contains(_ ref: CellReference) -> Bool {
        ref.row >= first.row && ref.row <= last.row && ref.column >= first.column && ref.column <= last.column
    }

    /// True when the two ranges share at least one cell.
    ///
    ///     CellRange("A1:B3")!.intersects(CellRange("B3:C4")!)   // true
    public func intersects(_ other: CellRange) -> Bool {
        !(other.first.row > last.row || other.last.row < first.row ||
          other.first.column > last.column || other.last.column < first.column)
    }

    public var description: String { "\(first):\(last)" }
}

extension CellRange: Comparable {
    public static func < (a: CellRange, b: CellRange) -> Bool {
        a.first != b.first ? a.first < b.first : a.last < b.last
    }
}

extension Array where Element == CellRange {
    /// The first two ranges (in row order) that overlap, or nil. Stops there: a file with thousands of identical
    /// merges costs one comparison, not every pair (a sweep over rows: ranges that ended above are dropped).
    ///
    ///     ["A1:A3", "C1:D9", "D5:E5"].compactMap(CellRange.init).firstOverlap()   // (C1:D9, D5:E5)
    public func firstOverlap() -> (CellRange, CellRange)? {
        let sorted = self.sorted()
        var active: [CellRange] = []
        for range in sorted {
            active.removeAll { $0.last.row < range.first.row }
            if let other = active.first(where: { $0.intersects(range) }) { return (other, range) }
            active.append(range)
        }
        return nil
    }
}
