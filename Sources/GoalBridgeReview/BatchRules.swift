import Foundation
import GoalBridgeModel

/// Rules across the tables of one batch: duplicate tables and indicators, one name spelled two ways.
struct BatchRules {
    let configuration: ReviewConfiguration
    let inputs: RuleInputs

    /// Another table as a clerk finds it: its file, sheet, department and project (`文件“a.xlsx”工作表“Sheet1”中的表
    /// （平阴县公安局·辅警经费）`), never an internal number.
    func describe(_ t: BatchFacts) -> String {
        var place = ""
        if let file = t.source?.file { place += "文件“\((file as NSString).lastPathComponent)”" }
        if let sheet = t.source?.sheet { place += "工作表“\(sheet)”" }
        let who = [t.bodies.first { $0.field.hasPrefix("supervisingDepartment") }?.name, t.projectName].compactMap { $0 }.filter { !$0.isEmpty }
        return (place.isEmpty ? "另一" : place + "中的") + "表" + (who.isEmpty ? "" : "（" + who.joined(separator: "·") + "）")
    }

    func review(_ tables: [GoalTable]) -> [Finding] {
        review(tables.map { BatchFacts($0, comparing: tables.count > 1) })
    }

    /// - Parameter texts: each table's Q22 texts when the facts were made without them, asked for in table order.
    func review(_ tables: [BatchFacts], texts textsOf: ((Int) -> [(field: String, text: String)])? = nil) -> [Finding] {
        var sinks: [Int: FindingSink] = [:]
        func sink(_ i: Int) -> FindingSink {
            var s = sinks[i] ?? FindingSink(configuration: configuration, table: i, source: tables[i].source)
            s.tableName = tables[i].projectName
            return s
        }
        // Q18: the same table twice (content, not provenance).
        var seen: [BatchFacts.Digest: Int] = [:]
        // (One table cannot repeat itself: a single table is not even digested, which is most files.)
        for (i, t) in tables.enumerated() where tables.count > 1 {
            guard let digest = t.digest else { continue }
            if let first = seen[digest] {
                var s = sink(i)
                s.add("Q18", at: .table, ["what": "本表与\(describe(tables[first]))内容完全相同，重复提交。"])
                sinks[i] = s
            } else {
                seen[digest] = i
            }
        }
        // Q18: the same indicator twice within a table.
        for (i, t) in tables.enumerated() {
            for r in t.repeatedRows {
                var s = sink(i)
                s.add("Q18", at: .indicator(scope: r.scope, row: r.row, field: "name"), cell: r.cell, ["what": "指标“\(r.name)”（\(r.value)）重复填写。"])
                sinks[i] = s
            }
        }
        // Q34: a table of an earlier year than the batch (last year's table sent along for reference, or the year
        // mistyped): a year no other table has, or one in ten tables at most, against a later year three tables or
        // more share. A dataset holding two budget years, each with many tables, says nothing; nor does a later year
        // (no table is sent along from next year's budget).
        var years: [Int: Int] = [:]
        for t in tables { if let y = t.fiscalYear { years[y, default: 0] += 1 } }
        let dated = years.values.reduce(0, +)
        if let (batchYear, count) = years.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), count >= 3 {
            for (i, t) in tables.enumerated() {
                guard let year = t.fiscalYear, year < batchYear, let odd = years[year], odd == 1 || odd * 10 <= dated else { continue }
                var s = sink(i)
                s.add("Q34", at: .field("fiscalYear"), cell: t.yearCell,
                      ["year": String(year), "count": String(count), "batchYear": String(batchYear)],
                      figures: ["本表年度": String(year), "本批年度": String(batchYear)])
                sinks[i] = s
            }
        }
        // Q24: a summary list (平阴 B0) whose amount for a project differs from that project's table.
        var totals: [String: (Int, Decimal)] = [:]
        for (i, t) in tables.enumerated() {
            if let name = t.projectName, let total = t.total { totals[TextNormalizer.labelKey(name)] = (i, total) }
        }
        for (i, t) in tables.enumerated() {
            for (k, row) in t.listRows.enumerated() {
                guard let listed = row.amount, let (_, total) = totals[TextNormalizer.labelKey(row.projectName)],
                      abs(listed - total) > inputs.tolerance else { continue }
                var s = sink(i)
                s.tableName = t.listTitle
                s.add("Q24", at: .field("rows[\(k)].amount"), cell: row.cell,
                      ["name": row.projectName, "listed": format(listed) + "万元", "table": format(total) + "万元", "slip": unitSlip(listed, total)],
                      figures: ["汇总表": format(listed) + "万元", "项目表": format(total) + "万元"])
                sinks[i] = s
            }
        }
        // Q22: another project's name in this table's goal or bases (copied and not fully edited).
        // Names of five characters or more: shorter ones are everyday phrases (`文化活动`, `信访维稳`), found in any goal.
        let names = tables.enumerated().compactMap { i, t in t.projectName.map { (i, $0) } }.filter { $0.1.count >= 5 }
        // Another project's name needs another project: a file with one table (most) has nothing to compare.
        let finder = names.count > 1 || (names.count == 1 && tables.count > 1) ? NameFinder(names.map(\.1)) : nil
        for (i, t) in tables.enumerated() where names.count > 1 || (names.count == 1 && names[0].0 != i) {
            guard let finder, let own = t.projectName else { continue }
            let texts = textsOf?(i) ?? t.texts
            // The first other project (in table order) that any of the texts names.
            var first: Int?
            for (_, text) in texts {
                finder.forEachName(in: text) { n in
                    let (j, other) = names[n]
                    guard first.map({ n < $0 }) ?? true, j != i, other != own, !own.contains(other), !other.contains(own) else { return }
                    first = n
                }
            }
            if let n = first, let (field, _) = texts.first(where: { $0.1.contains(names[n].1) }) {
                var s = sink(i)
                s.add("Q22", at: .field("goals.annual"), ["field": field, "other": names[n].1])
                sinks[i] = s
            }
        }
        // Q17: names that differ by one character (平阳县/平阴县).
        var bodies: [String: [(Int, String)]] = [:]
        var bodyCells: [Int: [String: SourceCell]] = [:]
        for (i, t) in tables.enumerated() {
            for (field, name, cell) in t.bodies where name.count >= 3 {
                bodies[name, default: []].append((i, field))
                if let cell { bodyCells[i, default: [:]][field] = cell }
            }
        }
        let distinct = bodies.keys.sorted()
        // Only names with the same body after the place can be one body spelled two ways: pairs are formed within
        // those groups (all pairs of a province's bodies were quadratic), then taken in the order of `distinct`.
        var byBody: [Substring: [Int]] = [:]
        for (k, name) in distinct.enumerated() {
            if let m = name.firstIndex(where: BatchRules.placeMarkers.contains) { byBody[name[name.index(after: m)...], default: []].append(k) }
        }
        var candidates: [(Int, Int)] = []
        for group in byBody.values { for x in group.indices { for y in group.indices where y > x { candidates.append((group[x], group[y])) } } }
        candidates.sort { $0 < $1 }
        for (ka, kb) in candidates where sameBodyDifferentPlace(distinct[ka], distinct[kb]) {
            let (a, b) = (distinct[ka], distinct[kb])
            // Report at the rarer spelling: that is the likely typo.
            let (rare, common) = bodies[a]!.count <= bodies[b]!.count ? (a, b) : (b, a)
            let (i, field) = bodies[rare]![0]
            var s = sink(i)
            s.add("Q17", at: .field(field), cell: bodyCells[i]?[field], ["a": rare, "b": common], figures: ["写法一": rare, "写法二": common])
            sinks[i] = s
        }
        return sinks.keys.sorted().flatMap { sinks[$0]!.findings }
    }

    /// The characters that end a place name at the start of a body's name.
    static let placeMarkers: Set<Character> = ["省", "市", "县", "区", "镇", "乡"]

    /// `平阳县民政局` / `平阴县民政局`: the same body after the place name, and place names one character apart.
    /// `平阴县民政局` / `平阴县财政局` are two bodies, not two spellings.

    private func sameBodyDifferentPlace(_ a: String, _ b: String) -> Bool {
        let markers = BatchRules.placeMarkers
        guard let i = a.firstIndex(where: markers.contains), let j = b.firstIndex(where: markers.contains) else { return false }
        let (placeA, placeB) = (a[...i], b[...j])
        guard a[a.index(after: i)...] == b[b.index(after: j)...], placeA.count == placeB.count, placeA != placeB else { return false }
        return zip(placeA, placeB).filter { $0 != $1 }.count == 1
    }
}
