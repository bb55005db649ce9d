import Foundation
import GoalBridgeModel

extension GoalTable {
    /// A table as people name it in a message: its project (with its 主管部门 when `withDepartment`), or the
    /// department-wide table's kind after the department's name — quoted: `“平阴县水务局 供水管网项目”`.
    ///
    /// ```swift
    /// table.quotedName(withDepartment: false)   // “供水管网项目”
    /// ```
    public func quotedName(withDepartment: Bool) -> String {
        switch self {
        case .project(let t):
            let name = t.projectName ?? t.title
            if withDepartment { return "“\([t.supervisingDepartment?.name, name].compactMap { $0 }.joined(separator: " "))”" }
            return "“\(name ?? "项目")”"
        case .departmentIndicators(let t): return "“\(t.departmentName ?? t.title ?? "部门整体") 部门整体绩效指标”"
        case .departmentStrategic(let t): return "“\(t.departmentName ?? "部门") 整体战略目标表”"
        case .departmentPerformance(let t): return "“\(t.departmentName ?? "部门") 整体绩效目标表”"
        case .projectList(let t): return "“\(t.title ?? "项目汇总清单")”"
        }
    }

    /// Where a table was read, for a message about a table whose fields may be misplaced (its name may be a label
    /// read as a value): the source file's name and the sheet — `self-evaluation.xlsx 工作表“Sheet1”`.
    ///
    /// ```swift
    /// table.placeName   // "表.xlsx 工作表“Sheet3”"
    /// ```
    public var placeName: String {
        let file = source?.file.map { ($0 as NSString).lastPathComponent } ?? "（来源不明）"
        return file + (source?.sheet.map { " 工作表“\($0)”" } ?? "")
    }

    /// The warning for a table left out of an export because no layout fitted it clearly on import
    /// (`isReadWithCertainty`): written back in a layout that does not fit, a misread table would look corrected.
    /// Named by its file and sheet.
    ///
    /// ```swift
    /// for t in tables where !t.isReadWithCertainty { print(t.leftOutOfExport.message) }
    /// ```
    public var leftOutOfExport: Diagnostic {
        Diagnostic(.warning, "export-uncertain",
                   "此表导入时无法确定版式，读出的内容可能错位，未导出。请用 goalbridge layouts draft 为该版式写一个版式文件（--layouts）后重新收集，或退回部门改用标准模板填报。",
                   file: source?.file, sheet: source?.sheet)
    }
}
