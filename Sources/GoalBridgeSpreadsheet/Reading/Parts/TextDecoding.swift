/// Decodes OOXML's `_xHHHH_` escapes (used for control characters such as `_x000D_`,
/// and `_x005F_` for a literal underscore). Text without `_x` is returned untouched.
enum OOXMLText {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard containsEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count)
        let text = String(decoding: bytes, as: UTF8.self)
        let utf16 = Array(text.utf16)
        var i = 0
        while i < utf16.count {
            if utf16[i] == 0x5F, i + 6 < utf16.count, utf16[i + 1] == 0x78, utf16[i + 6] == 0x5F,
               let value = hex(utf16[(i + 2)...(i + 5)]) {
                units.append(value)
                i += 7
            } else {
                units.append(utf16[i])
                i += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    @inline(__always)
    private static func containsEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 7 else { return false }
        for i in 0..<(b.count - 1) where b[i] == 0x5F && b[i + 1] == 0x78 { return true }
        return false
    }

    private static func hex(_ units: ArraySlice<UInt16>) -> UInt16? {
        var v: UInt16 = 0
        for u in units {
            let d: UInt16
            switch u {
            case 0x30...0x39: d = u - 0x30
            case 0x41...0x46: d = u - 0x41 + 10
            case 0x61...0x66: d = u - 0x61 + 10
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}
