import Foundation

/// Finds which of many names occur in a text, in time that grows with the text, not with the number of names.
///
/// Rule Q22 asks, for every table of a dataset, whether its texts mention another project's name. Searching
/// every text for every name was quadratic: 10,000 tables took six minutes. Here each name is indexed by one
/// 4-byte window of its UTF-8, the one fewest names share (so `2024年…` prefixes common to thousands of names
/// are not what is looked up); a text is scanned once, window by window, and a name is checked with `memcmp`
/// only where its window occurs. Matching is by bytes: names and texts are compared as written.
struct NameFinder {
    static let window = 4
    private let names: [[UInt8]]
    /// Window → (name, offset of the window in the name).
    private let index: [UInt32: [(name: Int, offset: Int)]]
    /// Windows present in the index, by a 20-bit hash: most windows of a text are rejected here, without a lookup.
    private let present: [UInt64]

    /// `names` must each be at least `window` bytes long; shorter ones are never found.
    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        var frequency: [UInt32: Int] = [:]
        for bytes in self.names where bytes.count >= NameFinder.window {
            var seen = Set<UInt32>()
            for o in 0...(bytes.count - NameFinder.window) where seen.insert(NameFinder.load(bytes, o)).inserted {
                frequency[NameFinder.load(bytes, o), default: 0] += 1
            }
        }
        var index: [UInt32: [(name: Int, offset: Int)]] = [:]
        var present = [UInt64](repeating: 0, count: (1 << 20) / 64)
        for (n, bytes) in self.names.enumerated() where bytes.count >= NameFinder.window {
            var best = 0, bestCount = Int.max
            for o in 0...(bytes.count - NameFinder.window) {
                let c = frequency[NameFinder.load(bytes, o)] ?? 0
                if c < bestCount { best = o; bestCount = c }
            }
            let w = NameFinder.load(bytes, best)
            index[w, default: []].append((n, best))
            present[Int(NameFinder.bucket(w) >> 6)] |= 1 << (NameFinder.bucket(w) & 63)
        }
        self.index = index
        self.present = present
    }

    /// Calls `found` with the index of every name that occurs in `text` (a name may be reported more than once).
    func forEachName(in text: String, _ found: (Int) -> Void) {
        var text = text
        text.withUTF8 { t in
            guard t.count >= NameFinder.window, let base = t.baseAddress else { return }
            for p in 0...(t.count - NameFinder.window) {
                let w = UnsafeRawPointer(base + p).loadUnaligned(as: UInt32.self)
                let b = NameFinder.bucket(w)
                guard present[Int(b >> 6)] & (1 << (b & 63)) != 0, let candidates = index[w] else { continue }
                for (n, offset) in candidates {
                    let start = p - offset, name = names[n]
                    guard start >= 0, start + name.count <= t.count else { continue }
                    if name.withUnsafeBytes({ memcmp(base + start, $0.baseAddress!, name.count) == 0 }) { found(n) }
                }
            }
        }
    }

    private static func load(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    }

    private static func bucket(_ w: UInt32) -> UInt32 { (w &* 0x9E37_79B1) >> 12 }
}
