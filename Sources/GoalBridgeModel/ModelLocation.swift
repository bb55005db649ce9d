/// A place in a table's model, independent of any workbook: a table field, or a field of one
/// indicator row. Review findings point here, so an annotated copy can put a note on the right cell
/// whatever layout it is written in.
public enum ModelLocation: Codable, Hashable, Sendable {
    /// The table as a whole.
    case table
    /// A table field by its layout name: `projectName`, `annualFunds.total`, `goals.annual`, `spendingPlan`.
    case field(String)
    /// A field of an indicator row: `level1`, `level2`, `name`, `description`, `value`, `basis`.
    case indicator(scope: IndicatorScope, row: Int, field: String)
}
