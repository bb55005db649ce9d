import Foundation
import GRDB
import GoalBridge
import GoalBridgeModel

/// What changed between two versions of a table (`goalbridge diff`): fields, and indicator rows added, removed or
/// changed — rows matched by their level names and name (not by position, so an inserted row does not make every
/// row after it "changed").
public struct TableDiff: Codable, Sendable, Equatable {
    public struct FieldChange: Codable, Sendable, Equatable {
        /// The field as a clerk names it (`年度资金总额`), or its path in the model.
        public var field: String
        public var old: String?
        public var new: String?
    }
    public struct RowChange: Codable, Sendable, Equatable {
        /// `年度` or `中期`.
        public var set: String
        /// 一级 / 二级 / 三级 as written.
        public var path: String
        public var changes: [FieldChange]
    }
    public var fields: [FieldChange] = []
    public var added: [RowChange] = []
    public var removed: [RowChange] = []
    public var changed: [RowChange] = []

    public var isEmpty: Bool { fields.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Names of table fields as the forms print them.

    /// Compares `old` with `new`.
    public init(old: GoalTable, new: GoalTable) {
        let a = TableDiff.flatFields(old), b = TableDiff.flatFields(new)
        for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
            fields.append(FieldChange(field: TableFieldNames.name(key.hasSuffix(".raw") ? String(key.dropLast(4)) : key), old: a[key], new: b[key]))
        }
        let setsA = old.indicatorView, setsB = new.indicatorView
        for scope in IndicatorScope.allCases {
            let rowsA = setsA.first { $0.scope == scope }?.rows ?? [], rowsB = setsB.first { $0.scope == scope }?.rows ?? []
            guard !rowsA.isEmpty || !rowsB.isEmpty else { continue }
            let setName = scope == .annual ? "年度" : "中期"
            // Rows matched by key, repeated keys in order.
            var pool: [String: [Int]] = [:]
            for (i, r) in rowsB.enumerated() { pool[TableDiff.key(r), default: []].append(i) }
            var matchedB = Set<Int>()
            for r in rowsA {
                let k = TableDiff.key(r)
                if var list = pool[k], !list.isEmpty {
                    let j = list.removeFirst()
                    pool[k] = list
                    matchedB.insert(j)
                    let changes = TableDiff.rowChanges(r, rowsB[j])
                    if !changes.isEmpty { changed.append(RowChange(set: setName, path: TableDiff.path(r), changes: changes)) }
                } else {
                    removed.append(RowChange(set: setName, path: TableDiff.path(r), changes: [FieldChange(field: "指标值", old: r.value.raw, new: nil)]))
                }
            }
            for (j, r) in rowsB.enumerated() where !matchedB.contains(j) {
                added.append(RowChange(set: setName, path: TableDiff.path(r), changes: [FieldChange(field: "指标值", old: nil, new: r.value.raw)]))
            }
        }
    }

    static func key(_ r: IndicatorRow) -> String {
        [r.level1 ?? r.level1Raw, r.level2 ?? r.level2Raw, r.name].map { TextNormalizer.labelKey($0) }.joined(separator: "|")
    }

    static func path(_ r: IndicatorRow) -> String {
        [r.level1Raw, r.level2Raw, r.name].filter { !$0.isEmpty }.joined(separator: " / ")
    }

    static func rowChanges(_ a: IndicatorRow, _ b: IndicatorRow) -> [FieldChange] {
        var out: [FieldChange] = []
        func compare(_ name: String, _ x: String?, _ y: String?) { if (x ?? "") != (y ?? "") { out.append(FieldChange(field: name, old: x, new: y)) } }
        compare("一级指标", a.level1Raw, b.level1Raw)
        compare("二级指标", a.level2Raw, b.level2Raw)
        compare("三级指标", a.name, b.name)
        compare("指标值", a.value.raw, b.value.raw)
        compare("绩效指标描述", a.description, b.description)
        compare("指标值确定依据", a.basis, b.basis)
        compare("评（扣）分标准", a.scoringRule, b.scoringRule)
        compare("权重", a.weight, b.weight)
        compare("备注", a.remark, b.remark)
        return out
    }

    /// A table's own fields (not its rows, not where they were read) as `path → text`.
    static func flatFields(_ table: GoalTable) -> [String: String] {
        var stripped = table.strippingProvenance()
        switch stripped {
        case .project(var t): t.indicatorSets = []; t.extras = []; t.spendingPlan = nil; stripped = .project(t)
        case .departmentIndicators(var t): t.indicators = IndicatorSet(scope: .annual); t.extras = []; stripped = .departmentIndicators(t)
        case .departmentStrategic(var t): t.rows = []; t.extras = []; stripped = .departmentStrategic(t)
        case .departmentPerformance(var t): t.rows = []; t.extras = []; stripped = .departmentPerformance(t)
        case .projectList(var t): t.extras = []; stripped = .projectList(t)
        }
        guard let data = try? JSONEncoder().encode(stripped), let json = try? JSONSerialization.jsonObject(with: data) else { return [:] }
        var out: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let dict = value as? [String: Any] {
                for (k, v) in dict where k != "value" || !(dict["raw"] is String) { walk(v, path.isEmpty ? k : path + "." + k) }
            } else if let list = value as? [Any] {
                for (i, v) in list.enumerated() { walk(v, "\(path)[\(i)]") }
            } else if let s = value as? String {
                out[path] = s
            } else if let n = value as? NSNumber {
                out[path] = n.stringValue
            }
        }
        // A table encodes as {"kind": …, "table": {…}}.
        if let top = json as? [String: Any], let inner = top["table"] { walk(inner, "") } else { walk(json, "") }
        return out
    }

    /// The changes as a person reads them, one line each.
    public var lines: [String] {
        var out: [String] = []
        for f in fields { out.append("字段 \(f.field)：“\(f.old ?? "（空）")” → “\(f.new ?? "（空）")”") }
        for r in added { out.append("新增指标（\(r.set)）\(r.path)：\(r.changes.first?.new ?? "")") }
        for r in removed { out.append("删除指标（\(r.set)）\(r.path)：\(r.changes.first?.old ?? "")") }
        for r in changed {
            out.append("修改指标（\(r.set)）\(r.path)：" + r.changes.map { "\($0.field) “\($0.old ?? "（空）")” → “\($0.new ?? "（空）")”" }.joined(separator: "；"))
        }
        return out
    }
}

extension Dataset {
    /// The current and the previous collected versions of a file's tables (oldest first); nil when the dataset
    /// holds fewer than two versions of `path`.
    public func lastTwoVersions(of path: String) throws -> (old: [GoalTable], new: [GoalTable], oldAt: String, newAt: String)? {
        try pool.read { db in
            let versions = try Row.fetchAll(db, sql: """
                SELECT id, datetime(collected_at, 'localtime') AS at FROM source_file WHERE path = ? ORDER BY id DESC LIMIT 2
                """, arguments: [path])
            guard versions.count == 2 else { return nil }
            func tables(_ id: Int64) throws -> [GoalTable] {
                try String.fetchAll(db, sql: "SELECT model_json FROM goal_table WHERE file_id = ? ORDER BY seq", arguments: [id]).map {
                    try JSONDecoder().decode(GoalTable.self, from: Data($0.utf8))
                }
            }
            return (try tables(versions[1]["id"]), try tables(versions[0]["id"]), versions[1]["at"] ?? "", versions[0]["at"] ?? "")
        }
    }
}
