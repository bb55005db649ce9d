import GoalBridgeSpreadsheet

/// A cell whose formula failed shows an error code (`#REF!` after the clerk deleted a row the sum referred to):
/// the code is read as the cell's text, and the department is told, in words, what went wrong and what to do.
enum FormulaErrors {
    /// What each error code means, as a clerk can act on it.
    static let meanings: [String: String] = [
        "#REF!": "公式引用的单元格已被删除",
        "#DIV/0!": "公式中的除数为零或为空",
        "#VALUE!": "公式中有文字或类型不对的内容参与计算",
        "#NAME?": "公式中的函数名或名称有误",
        "#N/A": "公式要查找的数据不存在",
        "#NUM!": "公式中的数值无效或超出范围",
        "#NULL!": "公式中的区域引用有误",
        "#SPILL!": "公式结果要填入的单元格不是空的",
        "#CALC!": "公式无法计算",
    ]

    /// One warning for a cell showing `code`.
    static func diagnostic(_ code: String, file: String?, sheet: String, cell: CellReference) -> Diagnostic {
        let meaning = meanings[code.uppercased()].map { "（\($0)）" } ?? ""
        return Diagnostic(.warning, "formula-error",
                          "单元格显示公式错误\(Diagnostic.quoted(code))\(meaning)，已按原文读入。请改正公式或直接填写数值后重新提交。",
                          file: file, sheet: sheet, cell: cell.description)
    }
}
