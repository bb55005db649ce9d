import GoalBridgeSpreadsheet

/// The look of exported goal tables: 宋体, thin borders, grey labels, white input cells.
enum CellStyles {
    static let title = CellFormat(fontSize: 16, bold: true, horizontal: .center, vertical: .center, wrap: true)
    static let subtitle = CellFormat(fontSize: 11, horizontal: .center, vertical: .center, wrap: true)
    static let label = CellFormat(fontSize: 10.5, bold: true, fillColor: 0xF2F2F2, border: true, horizontal: .center, vertical: .center, wrap: true)
    static let header = CellFormat(fontSize: 10.5, bold: true, fillColor: 0xDDEBF7, border: true, horizontal: .center, vertical: .center, wrap: true)
    static let input = CellFormat(fontSize: 10.5, border: true, horizontal: .left, vertical: .center, wrap: true, locked: false)
    static let amount = CellFormat(fontSize: 10.5, border: true, horizontal: .right, vertical: .center, numberFormat: "#,##0.00", locked: false)
    static let centered = CellFormat(fontSize: 10.5, border: true, horizontal: .center, vertical: .center, wrap: true, locked: false)
    static let note = CellFormat(fontSize: 10.5, horizontal: .left, vertical: .top, wrap: true)
    static let highlighted = CellFormat(fontSize: 10.5, fillColor: 0xFFF2CC, border: true, horizontal: .left, vertical: .center, wrap: true, locked: false)
}

/// Names of the auxiliary sheets in templates.
public enum TemplateNames {
    public static let instructionsSheet = "填报说明"
    public static let listSheet = "下拉列表"
    /// The findings sheet of an annotated return copy.
    public static let reviewSheet = "审核意见"
}
