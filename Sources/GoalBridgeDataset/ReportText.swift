import GRDB

/// How the dataset's stored values become the text people read in receipts, CSV, workbooks and `apply`: one rule.
enum ReportText {
    /// A stored value as text: numbers without `.0` (`1000`, not `1000.0`), NULL as empty.
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null, .blob: return ""
        case .int64(let n): return String(n)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): return s
        }
    }

    /// A SQL `CASE` mapping a column's stored codes to what people read (`ge` → `≥`, `read-error` → `无法读取`);
    /// `otherwise` is a SQL expression for anything else. Codes and names are quoted as SQL strings.
    static func sqlCase(_ column: String, _ pairs: [(code: String, name: String)], otherwise: String) -> String {
        guard !pairs.isEmpty else { return otherwise }
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        return "CASE \(column) " + pairs.map { "WHEN \(quoted($0.code)) THEN \(quoted($0.name))" }.joined(separator: " ") + " ELSE \(otherwise) END"
    }
}
