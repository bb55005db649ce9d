import Foundation
import PropertyBased
import Testing
@testable import GoalBridge
import GoalBridgeModel

/// A small deterministic generator (SplitMix64): the property check draws a seed, the table follows from it.
struct TableGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1000) / 1000 < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    static let pieces = ["道路", "维修", "保障", "经费", "建设", "服务", "中心", "农田", "补贴", "人员", "工程", "监测", "平台", "（一期）", "2024", "A",
                         "=SUM(A1)", "+86", "-5", "@home", "“无违建”", "，", "。", "；", " ", "\n"]

    /// Text that a clerk might type: long, multi-line, or starting with = + - @. Trimmed, never empty.
    mutating func text(_ maxPieces: Int = 6) -> String {
        var s = ""
        for _ in 0..<int(1...maxPieces) { s += pick(Self.pieces) }
        if chance(0.1) { s = String(repeating: s, count: 40) }
        let t = TextNormalizer.trimmed(s)
        return t.isEmpty ? "项目" : t
    }

    mutating func optionalText() -> String? { chance(0.4) ? nil : text() }

    static let values = ["≥95%", ">=98％", "≧95%", "$\\geq 73$ 万亩", "不少于 10 项", "约300人次/天", "950人以上", "2.5 亿元左右",
                         "1-2 年", "2023年12月31日", "按时完成", "=100.00%", "≤0.12 万元/年/人", "提高 6%", "＞９０％", "≤2820.81万元",
                         "342人", "100%", "50", "0", "-52.85%", "2 次(上半年和下半年各1次)", "<5", "≈3个", "=24人", "合格率达标"]

    mutating func amount() -> Amount? {
        switch int(0...3) {
        case 0: return nil
        case 1: return Amount(number: Double(int(0...100_000)) / 100)
        case 2: return Amount(text: "\(int(1...9)),\(int(100...999)).\(int(10...99))")
        default: return Amount(text: "约\(int(1...900))万元")
        }
    }

    mutating func indicatorSet(_ scope: IndicatorScope) -> IndicatorSet {
        let level1s = ["成本指标", "产出指标", "效益指标", "效果指标", "满意度指标", "自定义指标"]
        let level2s = ["经济成本指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "可持续发展影响指标", "服务对象满意度指标", "满意度", "其他"]
        var rows: [IndicatorRow] = []
        for _ in 0..<int(1...4) {
            let l1 = pick(level1s)
            for _ in 0..<int(1...3) {
                let l2 = pick(level2s)
                for _ in 0..<int(1...4) {
                    var name = chance(0.15) ? "" : text(4)
                    var value = chance(0.1) ? "" : pick(Self.values)
                    if name.isEmpty && value.isEmpty { name = "指标" }
                    if chance(0.05) { value = text(3) }
                    let v = Vocabulary.standard
                    rows.append(IndicatorRow(level1Raw: l1, level1: v.canonicalLevel1(l1), level2Raw: l2,
                                             level2: v.canonicalLevel2(l2, under: v.canonicalLevel1(l1)), name: name,
                                             description: optionalText(), value: IndicatorValue(raw: value), basis: optionalText()))
                }
            }
        }
        return IndicatorSet(scope: scope, rows: rows)
    }

    mutating func table() -> ProjectGoalTable {
        var t = ProjectGoalTable()
        t.title = chance(0.5) ? nil : text()
        t.fiscalYear = chance(0.3) ? nil : int(2000...2030)
        t.amountUnit = chance(0.5) ? "万元" : nil
        t.projectName = text()
        t.projectCode = chance(0.5) ? nil : "37150022P99001810\(int(1000...9999))"
        t.projectCategory = optionalText()
        t.projectAttribute = chance(0.5) ? nil : pick(["新增", "延续"])
        t.projectPeriod = optionalText()
        if chance(0.8) { t.supervisingDepartment = Party(name: text(), code: chance(0.5) ? nil : "\(int(100...999))") }
        if chance(0.6) { t.implementingUnit = Party(name: text(), code: chance(0.5) ? nil : "\(int(100_000...999_999))") }
        let annual = Funds(total: amount(), fiscal: amount(), carryover: amount(), other: amount(), text: chance(0.2) ? text() : nil)
        t.annualFunds = annual.isEmpty ? nil : annual
        if chance(0.4) {
            let mid = Funds(total: amount(), fiscal: amount(), text: chance(0.3) ? text() : nil)
            t.midTermFunds = mid.isEmpty ? nil : mid
        }
        t.fundUse = optionalText()
        if chance(0.5) {
            let labels = ["3月底", "6月底", "9月底", "10月底", "12月底"]
            t.spendingPlan = SpendingPlan(kind: chance(0.5) ? .percent : .amount,
                                          points: (0..<int(1...4)).map { i in SpendingPoint(label: labels[i], value: chance(0.2) ? nil : Amount(number: Double(int(0...100)))) })
        }
        t.goals = Goals(midTerm: optionalText(), annual: text())
        t.indicatorSets = [indicatorSet(.annual)] + (chance(0.4) ? [indicatorSet(.midTerm)] : [])
        t.remark = optionalText()
        t.extras = (0..<int(0...2)).map { _ in ExtraField(label: "附注" + text(2), value: text()) }
        return t
    }
}

struct PropertyTests {
    @Test func randomTablesRoundTripThroughTheStandardLayout() async throws {
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var g = TableGenerator(state: UInt64(seed))
            let table = g.table()
            let (grid, result) = try roundTrip([.project(table)], layout: "standard")
            #expect(stripped(result.tables) == [.project(table)], "seed \(seed)")
            // Merges on the level columns equal the hierarchy, for every set.
            let sheet = grid.sheets[0]
            for set in table.indicatorSets {
                let caption = set.scope == .annual ? "年度绩效指标" : "中期绩效指标"
                guard let header = sheet.row(of: caption) else { Issue.record("no \(caption) for seed \(seed)"); continue }
                let first = header + 2
                let got = Set(sheet.merges.filter { ($0.first.column == 1 || $0.first.column == 2) && $0.first.row >= first && $0.last.row < first + set.rows.count })
                #expect(got == expectedHierarchyMerges(set, firstDataRow: first, level1Column: 1, level2Column: 2), "seed \(seed)")
            }
        }
    }

    @Test func jsonRoundTripOfRandomTables() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var g = TableGenerator(state: UInt64(seed))
            let doc = GoalDocument(tables: [.project(g.table())])
            let back = try JSONDecoder().decode(GoalDocument.self, from: JSONEncoder().encode(doc))
            #expect(back == doc, "seed \(seed)")
        }
    }

    @Test func valueColumnsAreLossless() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var g = TableGenerator(state: UInt64(seed))
            let raw = g.chance(0.5) ? g.pick(TableGenerator.values) : g.text(3)
            let v = IndicatorValue(raw: raw)
            let split = ValueColumns.split(v)
            #expect(ValueColumns.value(symbol: split.symbol, number: split.number, unit: split.unit) == v, "\(raw)")
        }
    }

    /// The unit check on scalars and bytes agrees with its definition on Characters, for units as written
    /// and for random text around them.
    @Test func cleanUnitsAreThoseTheCharacterRuleAllows() async throws {
        func byCharacters(_ u: String) -> Bool {
            !u.contains(where: { $0.isNumber || $0.isWhitespace || $0 == "(" || $0 == "（" }) && u.count <= 8
        }
        let samples = ["", "%", "万元", "元/人", "人次", "km", "m²", "个（处）", "天 ", "5年", "万元/年", "ABCDEFGHI", "ABCDEFGH",
                       "平方公里每年每人次啊", "户\t", "e\u{301}", "一二三四五六七八", "①", "Ⅷ"]
        for u in samples { #expect(ValueColumns.isCleanUnit(Substring(u)) == byCharacters(u), "\(u)") }
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var g = TableGenerator(state: UInt64(seed))
            let u = g.chance(0.5) ? g.text(1) : g.pick(TableGenerator.values)
            #expect(ValueColumns.isCleanUnit(Substring(u)) == byCharacters(u), "\(u)")
        }
    }
}

/// Random department performance tables (聊城 E2): duties over one to three indicators, nested reference values.
struct RecordBlockPropertyTests {
    static func table(_ g: inout TableGenerator) -> DepartmentPerformanceTable {
        var rows: [DutyIndicator] = []
        let withDetail = g.chance(0.5), withOffice = g.chance(0.7)
        for duty in 1...g.int(1...4) {
            let dutyText = g.text(3), goal = g.text(5), detail = withDetail ? g.text(3) : nil, office = withOffice ? g.text(2) : nil
            for _ in 0..<g.int(1...3) {
                let reference = ReferenceValues(planned: g.optionalText(), currentStandard: g.optionalText(), currentStandardSource: g.optionalText(),
                                                threeYearAverage: g.optionalText(), lastYear: g.optionalText(), historySource: g.optionalText())
                rows.append(DutyIndicator(dutySeq: "\(duty)", duty: dutyText, dutyDetail: detail, dutyGoal: goal, indicator: g.text(4),
                                          explanation: g.optionalText(), annualTarget: IndicatorValue(raw: g.pick(TableGenerator.values)),
                                          reference: reference, remark: g.optionalText(), workActivities: g.optionalText(),
                                          budgetProjects: g.optionalText(), office: office))
            }
        }
        return DepartmentPerformanceTable(fiscalYear: g.int(2000...2030), departmentName: "聊城市" + g.text(2),
                                          officeCaption: g.pick(["对应科室", "填报科室"]), rows: rows)
    }

    @Test func randomDepartmentTablesRoundTrip() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var g = TableGenerator(state: UInt64(seed))
            let t = Self.table(&g)
            let (_, result) = try roundTrip([.departmentPerformance(t)], layout: "liaocheng-2022-performance")
            #expect(stripped(result.tables) == [.departmentPerformance(t)], "seed \(seed)")
        }
    }
}
