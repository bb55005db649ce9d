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
    /// half-width, no trailing colon, no surrounding brackets' spacing.
    public static func labelKey(_ s: String) -> String {
        var t = halfWidth(s)
        t.removeAll { $0.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" }
        while let last = t.last, last == ":" || last == "：" { t.removeLast() }
        t = t.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        return t
    }

    /// Trims spaces and line breaks at both ends, including the ideographic space.
    public static func trimmed(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, f.properties.isWhitespace || f == "\u{3000}" { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace || l == "\u{3000}" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

