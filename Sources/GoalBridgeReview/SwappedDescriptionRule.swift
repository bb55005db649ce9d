import GoalBridgeModel

/// Q29: two rows whose descriptions are swapped — each row's 绩效指标描述 names the other row's indicator better than
/// its own (`培训人数` described as `参训人员考核合格的比例`, `考核合格率` described as `参加培训的人员数量`). A row whose
/// description shares most of its own name is never a candidate, which keeps the rule cheap: most descriptions
/// restate their names.
struct SwappedDescriptionRule {
    func review(_ set: IndicatorSet, into sink: inout FindingSink) {
        let rows = set.rows
        guard rows.count >= 2 else { return }
        // Rows whose description says little of their own name (under half of it), with a name and a description.
        var candidates: [(index: Int, name: String, description: String, own: Int)] = []
        for (k, r) in rows.enumerated() {
            guard let d = r.description, d.count >= 4, r.name.count >= 2, d != r.name else { continue }
            let name = r.name, description = d
            let own = description.longestCommonRun(with: name)?.count ?? 0
            if own * 2 < name.count { candidates.append((k, name, description, own)) }
        }
        guard candidates.count >= 2 else { return }
        var reported = Set<Int>()
        for a in candidates.indices where !reported.contains(candidates[a].index) {
            for b in candidates.indices where b > a && !reported.contains(candidates[b].index) {
                let x = candidates[a], y = candidates[b]
                let xy = x.description.longestCommonRun(with: y.name)?.count ?? 0, yx = y.description.longestCommonRun(with: x.name)?.count ?? 0
                // Each description names the other row clearly (three characters or more) and better than its own.
                guard xy >= 3, yx >= 3, xy >= x.own + 2, yx >= y.own + 2 else { continue }
                reported.formUnion([x.index, y.index])
                let rx = rows[x.index], ry = rows[y.index]
                sink.add("Q29", at: .indicator(scope: set.scope, row: x.index, field: "description"), cell: rx.sources?["description"],
                         ["a": rx.name, "b": ry.name, "da": String(x.description.prefix(30)), "db": String(y.description.prefix(30))],
                         figures: ["“\(rx.name)”的描述": x.description, "“\(ry.name)”的描述": y.description])
            }
        }
    }
}
