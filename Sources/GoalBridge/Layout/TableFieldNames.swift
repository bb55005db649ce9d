/// The names people use for the model's table fields (`annualFunds.fiscal` → 年度财政拨款): what a clerk or an analyst
/// reads when a field is reported (a field with no place in a layout, a change between two versions).
public enum TableFieldNames {
    /// The Chinese name of a field path, or the path itself for a field without one.
    ///
    /// ```swift
    /// TableFieldNames.name("midTermFunds.total")   // "中期资金总额"
    /// ```
    public static func name(_ field: String) -> String {
        if let n = names[field] { return n }
        for (prefix, period) in [("annualFunds.", "年度"), ("midTermFunds.", "中期")] where field.hasPrefix(prefix) {
            if let part = fundParts[String(field.dropFirst(prefix.count))] { return period + part }
        }
        return field
    }

    private static let fundParts = ["total": "资金总额", "fiscal": "财政拨款", "carryover": "上年结转", "other": "其他资金",
                                    "specialAccount": "财政专户管理资金", "unitOwn": "单位资金", "text": "资金说明",
                                    "generalBudget": "一般公共预算", "governmentFund": "政府性基金", "basicExpenditure": "基本支出",
                                    "projectExpenditure": "项目支出"]

    private static let names: [String: String] = [
        "title": "标题", "serial": "序号", "fiscalYear": "年度", "region": "地区", "publisher": "发布单位", "publishDate": "发布日期",
        "section": "所在部分", "projectName": "项目名称", "projectCode": "项目编码", "projectCategory": "项目类别",
        "projectAttribute": "项目属性", "projectPeriod": "项目期", "supervisingDepartment.name": "主管部门",
        "supervisingDepartment.code": "主管部门编码", "implementingUnit.name": "实施单位", "implementingUnit.code": "实施单位编码", "projectLead": "项目负责人", "contactPhone": "联系电话",
        "amountUnit": "金额单位", "fundUse": "资金用途", "goals.annual": "年度目标", "goals.midTerm": "中期目标", "goals.midTermPeriod": "中期目标期间",
        "remark": "备注", "departmentName": "部门名称", "overallGoal": "总体绩效目标", "duties": "部门职责", "strategicGoal": "战略目标",
        "officeCaption": "科室栏名称",
        // Record columns.
        "taskName": "年度主要任务（任务名称）", "taskContent": "年度主要任务（主要内容）", "seq": "序号", "indicator": "指标",
        "explanation": "指标解释", "annualTarget": "年度指标值", "dutySeq": "职责序号", "duty": "部门职责", "dutyDetail": "子职责",
        "dutyGoal": "职责目标", "workActivities": "工作活动", "budgetProjects": "预算项目", "office": "科室",
        "budgetUnitName": "预算部门（单位）名称", "amount": "项目金额",
    ]
}
