/// Which indicator set a row belongs to: the annual set, or the mid-term (总体/中长期) set.
public enum IndicatorScope: String, Codable, Hashable, Sendable, CaseIterable {
    case annual
    case midTerm
}

/// One indicator row (三级指标) with its level-1 and level-2 parents.
///
/// Level names are kept as written (`level1Raw`, `社会效益 指标`) and canonical (`level1`, `社会效益指标`).
public struct IndicatorRow: Codable, Hashable, Sendable {
    public var level1Raw: String
    public var level1: String?
    public var level2Raw: String
    public var level2: String?
    /// 三级指标; may be empty (长清's 满意度 rows have none).
    public var name: String
    /// 绩效指标描述 / 指标解释.
    public var description: String?
    public var value: IndicatorValue
    /// 指标值确定依据.
    public var basis: String?
    /// 评（扣）分标准.
    public var scoringRule: String?
    /// 分值 / 权重.
    public var weight: String?
    public var remark: String?
    /// Where each field was read, keyed by field name (`level1`, `name`, `value` …).
    public var sources: [String: SourceCell]?

    /// One 三级 indicator with its levels as written (`level1Raw`, `level2Raw`) and, when the vocabulary knows them,
    /// their canonical names.
    ///
    ///     IndicatorRow(level1Raw: "产出指标", level2Raw: "数量指标", name: "培训人次", value: IndicatorValue(raw: "≥500人次"))
    public init(level1Raw: String, level1: String? = nil, level2Raw: String, level2: String? = nil, name: String,
                description: String? = nil, value: IndicatorValue, basis: String? = nil, scoringRule: String? = nil,
                weight: String? = nil, remark: String? = nil, sources: [String: SourceCell]? = nil) {
        self.level1Raw = level1Raw
        self.level1 = level1
        self.level2Raw = level2Raw
        self.level2 = level2
        self.name = name
        self.description = description
        self.value = value
        self.basis = basis
        self.scoringRule = scoringRule
        self.weight = weight
        self.remark = remark
        self.sources = sources
    }
}

extension IndicatorRow {
    private enum CodingKeys: String, CodingKey {
        case level1Raw, level1, level2Raw, level2, name, description, value, basis, scoringRule, weight, remark, sources
    }

    /// The synthesized reading, except that `sources` is left out when the decoder's `skipsRowSources` is set.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(level1Raw: try c.decode(String.self, forKey: .level1Raw), level1: try c.decodeIfPresent(String.self, forKey: .level1),
                  level2Raw: try c.decode(String.self, forKey: .level2Raw), level2: try c.decodeIfPresent(String.self, forKey: .level2),
                  name: try c.decode(String.self, forKey: .name), description: try c.decodeIfPresent(String.self, forKey: .description),
                  value: try c.decode(IndicatorValue.self, forKey: .value), basis: try c.decodeIfPresent(String.self, forKey: .basis),
                  scoringRule: try c.decodeIfPresent(String.self, forKey: .scoringRule), weight: try c.decodeIfPresent(String.self, forKey: .weight),
                  remark: try c.decodeIfPresent(String.self, forKey: .remark),
                  sources: decoder.userInfo[.skipsRowSources] as? Bool == true ? nil : try c.decodeIfPresent([String: SourceCell].self, forKey: .sources))
    }
}

/// An indicator set: the rows in their original order. The hierarchy is the grouping of
/// consecutive rows by level 1, then level 2.
public struct IndicatorSet: Codable, Hashable, Sendable {
    public var scope: IndicatorScope
    public var rows: [IndicatorRow]

    /// The indicators of one period (annual, mid-term), in the order of the sheet.
    ///
    ///     IndicatorSet(scope: .annual, rows: [row])
    public init(scope: IndicatorScope, rows: [IndicatorRow] = []) {
        self.scope = scope
        self.rows = rows
    }

    /// Runs of consecutive rows sharing level 1 (as written), each split into runs sharing level 2.
    public var hierarchy: [IndicatorGroup] {
        var groups: [IndicatorGroup] = []
        for (i, row) in rows.enumerated() {
            if var last = groups.last, last.level1Raw == row.level1Raw {
                if let l2 = last.children.last, l2.level2Raw == row.level2Raw {
                    last.children[last.children.count - 1].rowIndices.append(i)
                } else {
                    last.children.append(IndicatorSubgroup(level2Raw: row.level2Raw, rowIndices: [i]))
                }
                groups[groups.count - 1] = last
            } else {
                groups.append(IndicatorGroup(level1Raw: row.level1Raw, children: [IndicatorSubgroup(level2Raw: row.level2Raw, rowIndices: [i])]))
            }
        }
        return groups
    }
}

/// A level-1 group and its level-2 subgroups (indices into `IndicatorSet.rows`).
public struct IndicatorGroup: Hashable, Sendable {
    public var level1Raw: String
    public var children: [IndicatorSubgroup]
    public var rowIndices: [Int] { children.flatMap(\.rowIndices) }
}

public struct IndicatorSubgroup: Hashable, Sendable {
    public var level2Raw: String
    public var rowIndices: [Int]
}
