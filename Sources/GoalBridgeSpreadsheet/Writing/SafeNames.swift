import Foundation

/// Names made from cell content — file names and sheet names — that are always valid, whatever the content:
/// no path separators or characters a file system or Excel refuses, no control or bidi characters (which could
/// make a name display as another, or cut it), no name starting with `.` or `-`, and short enough in the unit the
/// limit counts (UTF-8 bytes for files, UTF-16 units for sheets) — cut between whole characters.
public enum SafeNames {
    /// Bytes a file name may take, extension and numbering included: the temporary name beside it
    /// (`.NAME.PID.RANDOM.tmp`, `TemporaryFile`) must still fit in the file system's 255.
    public static let fileNameBytes = 200

    /// A file name from `text` with `ext` (no dot), numbered ` (n)` when `n` > 1, within `fileNameBytes`.
    ///
    /// ```swift
    /// SafeNames.fileName("民政局/养老服务", ext: "xlsx")        // "民政局_养老服务.xlsx"
    /// SafeNames.fileName("民政局-养老服务", ext: "xlsx", n: 2)  // "民政局-养老服务 (2).xlsx"
    /// ```
    /// `tail` (`-审核意见`) is kept whole after the cut part of `text`.
    public static func fileName(_ text: String, ext: String, n: Int = 1, tail: String = "", fallback: String = "绩效目标表") -> String {
        let suffix = cleaned(tail, forbidden: []) + (n > 1 ? " (\(n))" : "") + (ext.isEmpty ? "" : "." + ext)
        var base = cleaned(text, forbidden: ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"])
        while let first = base.first, first == "." || first == "-" || first == " " { base.removeFirst() }
        if base.isEmpty { base = fallback }
        return cut(base, to: fileNameBytes - suffix.utf8.count, measure: { $0.utf8.count }) + suffix
    }

    /// A sheet name from `text`: at most 31 UTF-16 units with `suffix`, no `[ ] : * ? / \`, not starting or ending
    /// with an apostrophe, never empty.
    public static func sheetName(_ text: String, suffix: String = "", fallback: String = "Sheet") -> String {
        var base = cleaned(text, forbidden: ExcelLimits.forbiddenSheetNameCharacters)
        base = trimApostrophes(base)
        if base.isEmpty { base = fallback }
        var name = trimApostrophes(cut(base, to: ExcelLimits.sheetNameLength - suffix.utf16.count, measure: { $0.utf16.count }))
        if name.isEmpty { name = String(fallback.prefix(ExcelLimits.sheetNameLength - suffix.utf16.count)) }
        return name + suffix
    }

    /// `text` with forbidden characters as `_`, control and format characters (bidi overrides, zero-width
    /// characters, NUL, escape) removed, runs of white space as one space, trimmed.
    static func cleaned(_ text: String, forbidden: Set<Character>) -> String {
        var out = ""
        var lastWasSpace = true
        for ch in text {
            if forbidden.contains(ch) { out.append("_"); lastWasSpace = false; continue }
            let scalars = ch.unicodeScalars.filter { u in
                switch u.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return false
                default: return true
                }
            }
            guard !scalars.isEmpty else { continue }
            let kept = String(String.UnicodeScalarView(scalars))
            if kept.allSatisfy({ $0.isWhitespace }) {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out += kept
                lastWasSpace = false
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    private static func trimApostrophes(_ s: String) -> String {
        var t = Substring(s)
        while t.first == "'" || t.first == " " { t.removeFirst() }
        while t.last == "'" || t.last == " " { t.removeLast() }
        return String(t)
    }

    /// The longest prefix of whole characters whose measure is at most `limit`.
    private static func cut(_ s: String, to limit: Int, measure: (String) -> Int) -> String {
        guard measure(s) > limit else { return s }
        var out = ""
        for ch in s {
            let next = out + String(ch)
            if measure(next) > limit { break }
            out = next
        }
        return out
    }
}
