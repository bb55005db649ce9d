/// How many lines a text takes in a wrapped cell: rows holding wrapped text need their height set, because neither
/// Excel nor LibreOffice grows a row when it opens a file. One estimate for every writer (tables, receipts).
public enum WrappedText {
    /// Lines of `text` in cells `columnWidth` wide (Excel's unit: one digit), an ASCII character counting half a
    /// Chinese one; each line break starts a line.
    ///
    /// ```swift
    /// WrappedText.lineCount("完成率达到百分之九十五", columnWidth: 10)   // 3
    /// ```
    public static func lineCount(_ text: String, columnWidth: Double) -> Int {
        let perLine = max(columnWidth / 2.0, 1)
        var lines = 0.0
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let units = part.reduce(0.0) { $0 + ($1.isASCII ? 0.5 : 1.0) }
            lines += max((units / perLine).rounded(.up), 1)
        }
        return Int(lines)
    }
}
