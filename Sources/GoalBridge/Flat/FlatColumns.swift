import GoalBridgeModel

/// The columns of the flat exchange with the 预算管理一体化 system: one row per 三级指标, the table's keys repeated on
/// every row. The first header is written; any spelling is accepted on import (matched by label key, so spaces and
/// full-width brackets do not matter).
public enum FlatColumn: Int, CaseIterable, Sendable {
    case year, departmentCode, department, unitCode, unit, projectCode, projectName, scope
    case level1, level2, name, symbolCode, symbolName, value, measureUnit, weight, description, basis

    public var headers: [String] {
        switch self {
        case .year: return ["年度", "预算年度"]
        case .departmentCode: return ["主管部门编码", "主管部门代码"]
        case .department: return ["主管部门", "主管部门名称"]
        case .unitCode: return ["实施单位编码", "实施单位代码", "单位编码"]
        case .unit: return ["实施单位", "实施单位名称", "单位名称"]
        case .projectCode: return ["项目编码", "项目代码"]
        case .projectName: return ["项目名称"]
        case .scope: return ["目标类型", "绩效目标类型", "总体/年度"]
        case .level1: return ["一级指标"]
        case .level2: return ["二级指标"]
        case .name: return ["三级指标", "三级指标名称"]
        case .symbolCode: return ["计算符号编码", "计算符号代码", "指标性质编码"]
        case .symbolName: return ["计算符号", "指标性质", "计算符号名称"]
        case .value: return ["指标值"]
        case .measureUnit: return ["计量单位", "度量单位"]
        case .weight: return ["权重", "指标权重", "分值"]
        case .description: return ["指标解释", "绩效指标描述", "指标说明"]
        case .basis: return ["指标值设定依据", "指标值确定依据", "设定依据"]
        }
    }

    /// Column width in characters on export.
    var width: Double {
        switch self {
        case .year, .symbolCode, .scope, .weight: return 8
        case .departmentCode, .unitCode, .symbolName, .measureUnit: return 10
        case .projectCode: return 22
        case .department, .unit, .level1, .level2: return 14
        case .projectName, .name, .value: return 24
        case .description, .basis: return 36
        }
    }

    /// The columns a sheet must have to be read as a flat file: without them a row is no indicator of a project.
    static let required: [FlatColumn] = [.projectName, .level1, .level2, .name, .value]

    static let byKey: [String: FlatColumn] = {
        var map: [String: FlatColumn] = [:]
        for c in allCases { for h in c.headers { map[TextNormalizer.labelKey(h)] = map[TextNormalizer.labelKey(h)] ?? c } }
        return map
    }()
}

/// The 计算符号 the system codes: 1 ≥, 2 ＞, 3 ＝, 4 ＜, 5 ≤, 6 定性.
public enum FlatSymbol: Int, CaseIterable, Sendable {
    case atLeast = 1, greater, equal, less, atMost, qualitative

    /// The name the system shows beside the code.
    public var name: String {
        switch self {
        case .atLeast: return "≥"
        case .greater: return "＞"
        case .equal: return "＝"
        case .less: return "＜"
        case .atMost: return "≤"
        case .qualitative: return "定性"
        }
    }

    /// The symbol a value read back starts with (the model's own spelling).
    var valueSymbol: String {
        switch self {
        case .atLeast: return "≥"
        case .greater: return ">"
        case .equal: return "="
        case .less: return "<"
        case .atMost: return "≤"
        case .qualitative: return ""
        }
    }

    init?(comparator: ValueComparator) {
        switch comparator {
        case .ge: self = .atLeast
        case .gt: self = .greater
        case .eq: self = .equal
        case .lt: self = .less
        case .le: self = .atMost
        case .approx: return nil
        }
    }
}

/// An indicator value as the system's three columns state it.
public struct FlatValue: Hashable, Sendable {
    public var symbol: FlatSymbol
    public var value: String
    public var unit: String

    /// Splits a value into 计算符号, 指标值 and 计量单位. A value that is a comparator, a number and a unit splits
    /// (`≥95%` → 1, `95`, `%`; `≤1000 万元` → 5, `1000`, `万元`, the space dropped); a date, a range, a sentence, a value
    /// with `约` or without any comparator (`100人`: GoalBridge does not guess whether the department meant ≥ or ＝) goes
    /// whole into 指标值 as 定性, so nothing is lost.
    ///
    /// ```swift
    /// FlatValue(IndicatorValue(raw: "≤1000万元"))   // .atMost, "1000", "万元"
    /// FlatValue(IndicatorValue(raw: "按时完成"))    // .qualitative, "按时完成", ""
    /// ```
    public init(_ v: IndicatorValue) {
        if let comparator = v.comparator, let symbol = FlatSymbol(comparator: comparator) {
            // The system's columns hold no spaces, and its comparators are one character wide.
            var compact = String(v.raw.unicodeScalars.filter { !$0.properties.isWhitespace })
            for (wide, narrow) in [("＞", ">"), ("＜", "<"), ("＝", "=")] { compact = compact.replacingOccurrences(of: wide, with: narrow) }
            let split = ValueColumns.canonicalSplit(compact, numeralUnits: true)
            if split.symbol != ValueColumns.textSymbol, !split.symbol.isEmpty, !split.number.isEmpty {
                self.init(symbol: symbol, value: split.number, unit: split.unit)
                return
            }
        }
        self.init(symbol: .qualitative, value: v.raw, unit: "")
    }

    /// A value as the flat file's three columns hold it: 符号 (a code of the 一体化 system), 值, 单位.
    ///
    /// ```swift
    /// FlatValue(symbol: .atLeast, value: "95", unit: "%")
    /// ```
    public init(symbol: FlatSymbol, value: String, unit: String) {
        self.symbol = symbol
        self.value = value
        self.unit = unit
    }

    /// True when the value read back is spelled differently from `raw` (`>=95%` and `≥95 %` come back `≥95%`).
    func respells(_ raw: String) -> Bool { symbol != .qualitative && symbol.valueSymbol + value + unit != raw }
}
