import GoalBridgeModel

/// The reviewers' three criteria (seed 000: 不全面、不匹配、不好衡量), plus format problems.
public enum ReviewCategory: String, Codable, Hashable, Sendable, CaseIterable {
    case incomplete = "不全面"
    case mismatched = "不匹配"
    case unmeasurable = "不好衡量"
    case format = "格式"
}

/// What a finding asks of the department.
public enum ReviewAction: String, Codable, Hashable, Sendable, CaseIterable {
    /// Must change and resubmit.
    case mustChange = "退回修改"
    /// Advice: worth a look, not a reason to send the table back.
    case advice = "提示"
}

public enum ReviewSeverity: String, Codable, Hashable, Sendable, Comparable {
    case info, warning, error

    public var chinese: String { self == .error ? "错误" : self == .warning ? "警告" : "提示" }
    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: ReviewSeverity, b: ReviewSeverity) -> Bool { a.rank < b.rank }
}

/// One thing a reviewer would write in the margin: which rule, how serious, what to change, where,
/// and the numbers it compared.
public struct Finding: Codable, Hashable, Sendable, CustomStringConvertible {
    public var rule: String
    public var category: ReviewCategory
    public var severity: ReviewSeverity
    public var message: String
    public var suggestion: String?
    /// Index of the table in the reviewed batch.
    public var table: Int
    /// Project or department name, to tell tables apart in a report.
    public var tableName: String?
    public var location: ModelLocation
    public var file: String?
    public var sheet: String?
    public var cell: String?
    /// The figures compared, e.g. `["成本指标": "≤146万元", "年度资金总额": "300万元"]`.
    public var figures: [String: String]
    /// 退回修改 or 提示, from the rule (review-rules.json).
    public var action: ReviewAction?
    /// The reviewer's standard opinion for the rule (指标不够细化、量化 …).
    public var opinion: String?

    /// A finding as stored (the dataset's `finding` rows, read back for return copies).
    public init(rule: String, category: ReviewCategory, severity: ReviewSeverity, message: String, suggestion: String?, table: Int,
                tableName: String? = nil, location: ModelLocation, file: String? = nil, sheet: String? = nil, cell: String? = nil,
                figures: [String: String] = [:], action: ReviewAction? = nil, opinion: String? = nil) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.table = table
        self.tableName = tableName
        self.location = location
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.figures = figures
        self.action = action
        self.opinion = opinion
    }

    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let sheet { place.append("工作表“\(sheet)”") }
        if let cell { place.append("单元格 \(cell)") }
        var text = "[\(rule) \(category.rawValue) \(severity.chinese)\(action.map { " " + $0.rawValue } ?? "")] "
        if !place.isEmpty { text += place.joined(separator: " ") + "：" }
        text += message
        if let suggestion, !suggestion.isEmpty { text += " " + suggestion }
        return text
    }
}
