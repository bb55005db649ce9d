import Foundation

/// Normalisations shared by label matching and value parsing.
public enum TextNormalizer {
    /// Full-width digits, letters, punctuation and the ideographic space become their ASCII forms.
    public static func halfWidth(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// The key used to compare labels: no whitespace (PDF justification splits words: `社会效益 指标`),
    /// half-width, no trailing colon, parentheses in their full-width form. One pass over the scalars.
    public static func labelKey(_ s: String, trimmingColons: Bool = true) -> String {
        // Most cell texts are already keys (no spaces, no ASCII parentheses, no full-width forms): check
        // first, and only build a new string when something changes.
        if isAlreadyKey(s, trimmingColons: trimmingColons) { return s }
        var out = String.UnicodeScalarView()
        var changed = false
        var mayNeedComposition = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0x200B, 0xFEFF, 0xA0:
                changed = true
            case 0x28: out.append("（"); changed = true
            case 0x29: out.append("）"); changed = true
            case 0xFF08, 0xFF09: out.append(u)
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!); changed = true
            default:
                if isSpace(u) { changed = true } else {
                    out.append(u)
                    if !isCompositionStable(u) { mayNeedComposition = true }
                }
            }
        }
        while trimmingColons, let last = out.last, last == ":" || last == "：" { out.removeLast(); changed = true }
        // Keys are NFC, so equal keys have equal bytes (LabelKey hashes bytes). Only text with combining
        // marks, compatibility ideographs and the like can change; CJK, kana, Latin and common
        // punctuation never do, so the Foundation pass is skipped for them.
        if mayNeedComposition { return String(out).precomposedStringWithCanonicalMapping }
        return changed ? String(out) : s
    }

    private static func isAlreadyKey(_ s: String, trimmingColons: Bool) -> Bool {
        var last: UInt32 = 0
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x28, 0x29, 0xA0, 0x3000, 0x200B, 0xFEFF: return false
            case 0xFF08, 0xFF09: break
            case 0xFF01...0xFF5E: return false
            default:
                if isSpace(u) || !isCompositionStable(u) { return false }
            }
            last = v
        }
        return !(trimmingColons && last == 0x3A)
    }

    /// Scalars that NFC leaves alone whatever surrounds them: Latin below the combining marks, CJK
    /// ideographs and punctuation, kana without the voicing marks, full-width forms, arrows, box drawing.
    @inline(__always)
    static func isCompositionStable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2126, 0x212A, 0x212B, 0x2329, 0x232A:
            return false // Ω K Å 〈 〉: singletons that NFC replaces
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x218F, 0x2190...0x23FF, 0x2460...0x24FF,
             0x2500...0x27BF, 0x3000...0x3029, 0x3030...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFE30...0xFE6F, 0xFF00...0xFFEF:
            return true
        default:
            return false
        }
    }

    /// Whitespace as Unicode defines it (White_Space), without a property-table lookup per scalar.
    @inline(__always)
    public static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        case 0x200B, 0xFEFF: return true // zero-width space and BOM: invisible, never meant as content
        default: return false
        }
    }

    /// Trims spaces and line breaks at both ends, including the ideographic space.
    public static func trimmed(_ s: String) -> String {
        guard let f = s.unicodeScalars.first, let l = s.unicodeScalars.last else { return s }
        if !isSpace(f) && !isSpace(l) { return s }
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, isSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, isSpace(l) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

