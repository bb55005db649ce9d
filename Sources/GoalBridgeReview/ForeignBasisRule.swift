import GoalBridgeModel

/// Q31: a basis that belongs to another kind of project — `按往年煤价估算` under the cost of a fund for technological
/// innovation. The basis (指标值确定依据) names a subject (`subjects` in review-rules.json: fuel and energy, schooling,
/// medical care, farming, roads and vehicles …, each a list of words) that nothing else in the table touches: not the
/// project's name, use or goals, not a department, not an indicator's name, value or description. A basis copied
/// from another project's table is the usual cause; the department must say where its figure really comes from.
///
/// Silent when the table speaks of the subject anywhere else (a school-guard service whose basis is `在校师生人数`
/// and whose indicator counts 受益师生), and for bases that name no subject (`年度工作计划`, `调查问卷`).
struct ForeignBasisRule {
    /// Subject name and its words, in the configuration's order of names.
    let subjects: [(name: String, words: [String])]

    init(_ configuration: ReviewConfiguration) {
        subjects = (configuration.subjects ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func review(_ t: ProjectGoalTable, into sink: inout FindingSink) {
        guard !subjects.isEmpty else { return }
        // Whether the table speaks of a subject, asked once per subject however many bases name it.
        var spoken: [Int: Bool] = [:]
        for set in t.indicatorSets where set.rows.contains(where: { $0.basis != nil }) {
            for (k, r) in set.rows.enumerated() {
                guard let basis = r.basis, basis.count >= 2 else { continue }
                for (n, subject) in subjects.enumerated() {
                    guard let word = subject.words.first(where: { basis.containsText($0) }) else { continue }
                    let mentioned = spoken[n] ?? mentions(subject.words, in: t)
                    spoken[n] = mentioned
                    if mentioned { continue }
                    sink.add("Q31", at: .indicator(scope: set.scope, row: k, field: "basis"), cell: r.sources?["basis"],
                             ["name": r.name, "basis": basis, "kind": subject.name, "word": word],
                             figures: ["指标值确定依据": basis, "项目名称": t.projectName ?? t.title ?? ""])
                    break
                }
            }
        }
    }

    /// True when any text of the table other than the bases speaks of the subject.
    func mentions(_ words: [String], in t: ProjectGoalTable) -> Bool {
        func has(_ text: String?) -> Bool { text.map { s in words.contains { s.containsText($0) } } ?? false }
        if has(t.projectName) || has(t.title) || has(t.fundUse) || has(t.goals.annual) || has(t.goals.midTerm)
            || has(t.supervisingDepartment?.name) || has(t.implementingUnit?.name) || t.goals.items.contains(where: { has($0.text) }) {
            return true
        }
        return t.indicatorSets.contains { set in
            set.rows.contains { has($0.name) || has($0.value.raw) || has($0.description) }
        }
    }
}
