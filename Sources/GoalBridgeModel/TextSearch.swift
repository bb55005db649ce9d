#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// True when `other` occurs in this string, compared as UTF-8 bytes (no locale, no case folding).
    ///
    /// Why not `contains(_:)`: with Foundation imported that overload runs through CFString's
    /// locale-aware search, which was a measurable share of reviewing a table (≈ 4 % of a collect
    /// per file). Labels and words here are compared as written, so a byte search is what is meant.
    public func containsText(_ other: String) -> Bool {
        if other.isEmpty { return true }
        var haystack = self, needle = other
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress, n.count <= h.count else { return false }
                // memchr to each candidate first byte, memcmp for the rest (texts here are short).
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
    }
}
