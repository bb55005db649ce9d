/// How a written cell looks. Value type: equal formats share one entry in the workbook's style table.
public struct CellFormat: Hashable, Sendable {
    public enum HorizontalAlignment: Hashable, Sendable { case general, left, center, right }
    public enum VerticalAlignment: Hashable, Sendable { case top, center, bottom }

    public var fontName: String = "宋体"
    public var fontSize: Double = 11
    public var bold = false
    public var italic = false
    /// RGB, e.g. 0xFF0000 for red; nil is automatic (black).
    public var fontColor: UInt32?
    /// Solid background fill, RGB.
    public var fillColor: UInt32?
    /// Thin borders on all four sides.
    public var border = false
    public var horizontal: HorizontalAlignment = .general
    public var vertical: VerticalAlignment = .center
    public var wrap = false
    /// An Excel number format code such as `0.00` or `@` (text).
    public var numberFormat: String?
    /// Unlocked cells stay editable when the sheet is protected.
    public var locked = true

    /// A cell format; the defaults are the forms' own (宋体 11, centred vertically, locked).
    ///
    ///     CellFormat(bold: true, border: true, horizontal: .center, wrap: true)
    public init(fontName: String = "宋体", fontSize: Double = 11, bold: Bool = false, italic: Bool = false,
                fontColor: UInt32? = nil, fillColor: UInt32? = nil, border: Bool = false,
                horizontal: HorizontalAlignment = .general, vertical: VerticalAlignment = .center,
                wrap: Bool = false, numberFormat: String? = nil, locked: Bool = true) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.border = border
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.numberFormat = numberFormat
        self.locked = locked
    }

    public static let plain = CellFormat()
}
