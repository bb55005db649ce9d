#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// True when `other` occurs in this string, compared as UTF-8 bytes (no locale, no case folding).
    ///
    /// Why not `contains(_:)`: with Foundation imported that overload runs through CFString's
    /// locale-aware search, which was a measurable share of reviewing a table (≈ 4 % of a collect
    /// per file). Labels and words here are compared as written, so a byte search is what is meant.
    /// True when this string and `other` are the same UTF-8 bytes.
    ///
    /// Why not `==`: Swift compares non-ASCII strings by canonical equivalence, checking normalisation on the way —
    /// a fifth of the cost rules, which compare every row's canonical levels (`成本指标`) with the vocabulary's
    /// names. Names the vocabulary produced are compared as written.
    ///
    /// ```swift
    /// "成本指标".sameText("成本指标")   // true
    /// ```
    public func sameText(_ other: String) -> Bool {
        utf8.count == other.utf8.count && withUTF8Bytes(self) { a in withUTF8Bytes(other) { b in a.elementsEqual(b) } }
    }

    /// True when `other` occurs in the text, compared as UTF-8 bytes (no Foundation, no Unicode folding); the empty
    /// text occurs in every text.
    ///
    /// ```swift
    /// "满意度指标".containsText("满意")   // true
    /// ```
    public func containsText(_ other: String) -> Bool {
        if other.isEmpty { return true }
        return withUTF8Bytes(self) { h in withUTF8Bytes(other) { n in String.search(h, n) } }
    }

    /// The longest run of characters this text and `other` share (`保安服务资金绩效目标表` and `中小学幼儿园保安服务` share
    /// `保安服务`); nil when they share none. Quadratic: for names, clauses and descriptions, which are short.
    ///
    /// ```swift
    /// "配制杂交组合800个".longestCommonRun(with: "配制杂交组合")   // "配制杂交组合"
    /// ```
    public func longestCommonRun(with other: String) -> String? {
        let x = Array(self), y = Array(other)
        guard !x.isEmpty, !y.isEmpty else { return nil }
        var best = (length: 0, end: 0)
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : 0
                if current[j] > best.length { best = (current[j], i) }
            }
            swap(&previous, &current)
        }
        return best.length == 0 ? nil : String(x[(best.end - best.length)..<best.end])
    }

    /// memchr to each candidate first byte, memcmp for the rest (texts here are short).
    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let hb = h.baseAddress, let nb = n.baseAddress, n.count <= h.count else { return false }
        let first = Int32(nb.pointee), last = h.count - n.count
        var i = 0
        while i <= last {
            guard let hit = memchr(hb + i, first, last - i + 1) else { return false }
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(hb)
            if memcmp(hb + at, nb, n.count) == 0 { return true }
            i = at + 1
        }
        return false
    }
}

/// Runs `body` over the UTF-8 bytes of `text` in place when it is a native string (no copy, no retain),
/// else over a contiguous copy.
@inlinable
public func withUTF8Bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = text
    return copy.withUTF8(body)
}

/// A label key (`TextNormalizer.labelKey`) used as a set or dictionary key: hashed and compared by its
/// UTF-8 bytes. Label keys are NFC, so byte equality is the same as String equality — without the
/// Unicode normalisation Swift performs on every hash of a non-ASCII String (a tenth of mapping a table).
public struct LabelKey: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    /// Normalises `raw` with `TextNormalizer.labelKey`.
    public init(_ raw: String) { text = TextNormalizer.labelKey(raw) }

    /// Wraps text that already is a label key.
    public init(normalized text: String) { self.text = text }

    public var description: String { text }

    public static func == (a: LabelKey, b: LabelKey) -> Bool {
        withUTF8Bytes(a.text) { p in
            withUTF8Bytes(b.text) { q in
                p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8Bytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension StringProtocol {
    /// `hasPrefix` compared as UTF-8 bytes. The Character-wise `hasPrefix` on a Substring runs the generic
    /// `starts(with:)` with grapheme breaking; value parsing tries some sixty comparator spellings per value.
    /// Native strings compare their contiguous bytes with `memcmp` (the generic `utf8.starts(with:)` was
    /// itself a tenth of parsing a value).
    @inlinable
    public func hasBytePrefix(_ prefix: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            prefix.utf8.withContiguousStorageIfAvailable { b in
                b.count <= a.count && (b.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0)
            }
        }
        if let result = fast ?? nil { return result }
        return utf8.starts(with: prefix.utf8)
    }

    /// `hasSuffix` compared as UTF-8 bytes (see `hasBytePrefix`).
    @inlinable
    public func hasByteSuffix(_ suffix: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            suffix.utf8.withContiguousStorageIfAvailable { b in
                b.count <= a.count && (b.count == 0 || memcmp(a.baseAddress! + (a.count - b.count), b.baseAddress!, b.count) == 0)
            }
        }
        if let result = fast ?? nil { return result }
        let a = utf8, b = suffix.utf8
        guard b.count <= a.count else { return false }
        return a.reversed().starts(with: b.reversed())
    }
}
