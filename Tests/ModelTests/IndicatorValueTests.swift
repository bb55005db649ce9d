import Foundation
import Testing
@testable import GoalBridgeModel

/// Values from the seeds (DOMAIN.md §4.2), each with what a reviewer reads in it.
struct IndicatorValueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var raw: String
        var kind: ValueKind
        var comparator: ValueComparator?
        var number: String?
        var upper: String? = nil
        var unit: String?
        var text: String? = nil
        var testDescription: String { raw }
    }

    static let cases: [Case] = [
        Case(raw: "≥95%", kind: .quantitative, comparator: .ge, number: "95", unit: "%"),
        Case(raw: "≤1000 万元", kind: .quantitative, comparator: .le, number: "1000", unit: "万元"),
        Case(raw: "$\\geq 73$ 万亩", kind: .quantitative, comparator: .ge, number: "73", unit: "万亩"),
        Case(raw: "$\\geq 95\\%$", kind: .quantitative, comparator: .ge, number: "95", unit: "%"),
        Case(raw: "$\\leq 275$ 万", kind: .quantitative, comparator: .le, number: "275", unit: "万"),
        Case(raw: "100 %", kind: .quantitative, comparator: nil, number: "100", unit: "%"),
        Case(raw: "=100％", kind: .quantitative, comparator: .eq, number: "100", unit: "%"),
        Case(raw: ">=98％", kind: .quantitative, comparator: .ge, number: "98", unit: "%"),
        Case(raw: "≧95%", kind: .quantitative, comparator: .ge, number: "95", unit: "%"),
        Case(raw: "＞９０％", kind: .quantitative, comparator: .gt, number: "90", unit: "%"),
        Case(raw: "17　个", kind: .quantitative, comparator: nil, number: "17", unit: "个"),
        Case(raw: "≥95", kind: .quantitative, comparator: .ge, number: "95", unit: nil),
        Case(raw: "约1953.95元/公里", kind: .quantitative, comparator: .approx, number: "1953.95", unit: "元/公里"),
        Case(raw: "约 300 人次/天", kind: .quantitative, comparator: .approx, number: "300", unit: "人次/天"),
        Case(raw: "1-2 年", kind: .range, comparator: nil, number: "1", upper: "2", unit: "年"),
        Case(raw: "≤0.12 万元/年/人", kind: .quantitative, comparator: .le, number: "0.12", unit: "万元/年/人"),
        Case(raw: "12.6 万 元", kind: .quantitative, comparator: nil, number: "12.6", unit: "万元"),
        Case(raw: "≥2 本、册、条", kind: .quantitative, comparator: .ge, number: "2", unit: "本、册、条"),
        Case(raw: "-52.85%", kind: .quantitative, comparator: nil, number: "-52.85", unit: "%"),
        Case(raw: "提高 6%", kind: .mixed, comparator: nil, number: "6", unit: "%", text: "提高"),
        Case(raw: "不少于 10 项", kind: .quantitative, comparator: .ge, number: "10", unit: "项"),
        Case(raw: "950人以上", kind: .quantitative, comparator: .ge, number: "950", unit: "人"),
        Case(raw: "2.5 亿元左右", kind: .quantitative, comparator: .approx, number: "2.5", unit: "亿元"),
        Case(raw: "2 次(上半年和下半年各1次)", kind: .mixed, comparator: nil, number: "2", unit: "次", text: "(上半年和下半年各1次)"),
        Case(raw: "≤48h", kind: .duration, comparator: .le, number: "48", unit: "h"),
        Case(raw: "54 μg/m <sup>3</sup>", kind: .quantitative, comparator: nil, number: "54", unit: "μg/m³"),
        Case(raw: "提升", kind: .qualitative, comparator: nil, number: nil, unit: nil, text: "提升"),
        Case(raw: "按工作计划及时完成", kind: .qualitative, comparator: nil, number: nil, unit: nil, text: "按工作计划及时完成"),
        Case(raw: "高于去年", kind: .qualitative, comparator: nil, number: nil, unit: nil, text: "高于去年"),
        Case(raw: "0", kind: .quantitative, comparator: nil, number: "0", unit: nil),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        let v = IndicatorValue(raw: c.raw)
        #expect(v.raw == c.raw)
        #expect(v.kind == c.kind)
        #expect(v.comparator == c.comparator)
        #expect(v.number == c.number.flatMap { Decimal(string: $0) })
        #expect(v.upper == c.upper.flatMap { Decimal(string: $0) })
        #expect(v.unit == c.unit)
        if let text = c.text { #expect(v.text == text) }
    }

    @Test func flagsSayWhatWasNormalised() {
        #expect(IndicatorValue(raw: "$\\geq 95\\%$").flags.contains("latex"))
        #expect(IndicatorValue(raw: "=100％").flags.contains("fullWidth"))
        #expect(IndicatorValue(raw: "17　个").flags.contains("ideographicSpace"))
        #expect(IndicatorValue(raw: "≥95").flags.contains("missingUnit"))
        #expect(IndicatorValue(raw: "不少于 10 项").flags.contains("verbalComparator"))
    }

    /// Two values on lines of one cell (two indicators put in one row with Alt+Enter, or targets by stage): no number is
    /// taken, since which is the target cannot be told; the lines are kept as the text. `≥260.39万平方米⏎≥107万平方米`
    /// was ≥260.39 with the rest as text after it.
    @Test(arguments: ["≥260.39万平方米\n≥107万平方米", "≥95%\r\n≥98%", "2024年6月\n2024年12月", "≥10 个\n\n≤20 万元\n", "1-2年\n≥3次"])
    func severalValuesOnLinesOfTheirOwnGiveNoNumber(_ raw: String) {
        let v = IndicatorValue(raw: raw)
        #expect(v.raw == raw)
        #expect(v.kind == .mixed && v.number == nil && v.comparator == nil && v.unit == nil && v.date == nil)
        #expect(v.flags == ["severalValues"])
        #expect(v.text?.components(separatedBy: "；").count == raw.split(whereSeparator: \.isNewline).count)
    }

    /// A line that is not a value by itself continues the one before: a wrapped unit, a note, a wrapped date.
    @Test func aLineThatIsNotAValueContinuesTheValue() {
        let unit = IndicatorValue(raw: "≤853.94\n万元")
        #expect(unit.kind == .quantitative && unit.number == Decimal(string: "853.94") && unit.unit == "万元" && unit.flags.isEmpty)
        let note = IndicatorValue(raw: "≥95%\n（按年度考核）")
        #expect(note.kind == .mixed && note.number == 95 && note.unit == "%" && !note.flags.contains("severalValues"))
        #expect(IndicatorValue(raw: "道路保洁100%\n绿化养护100%").flags.contains("severalValues") == false)
        #expect(IndicatorValue(raw: "2023 年 12\n月 31 日").date == DateTarget(year: 2023, month: 12, day: 31))
    }

    @Test func datesAndDeadlines() {
        let cases: [(String, DateTarget)] = [
            ("2023年12月31日", DateTarget(year: 2023, month: 12, day: 31)),
            ("2023 年 12\n月 31 日", DateTarget(year: 2023, month: 12, day: 31)),
            ("2022. 12. 31日前", DateTarget(year: 2022, month: 12, day: 31, qualifier: "前")),
            ("2023.12.31\n之前", DateTarget(year: 2023, month: 12, day: 31, qualifier: "之前")),
            ("2023年12月底", DateTarget(year: 2023, month: 12, qualifier: "底")),
            ("2023年底", DateTarget(year: 2023, month: 12, qualifier: "底")),
            ("2023年完成", DateTarget(year: 2023, qualifier: "完成")),
            ("12 月底前", DateTarget(month: 12, qualifier: "底前")),
            ("每年12月底", DateTarget(month: 12, qualifier: "底", recurring: true)),
            ("2023年9月底", DateTarget(year: 2023, month: 9, qualifier: "底")),
        ]
        for (raw, expected) in cases {
            let v = IndicatorValue(raw: raw)
            #expect(v.kind == .date, "\(raw)")
            #expect(v.date == expected, "\(raw)")
        }
        #expect(IndicatorValue(raw: "2023 年度\n实际发生额").kind != .date)
    }

    @Test func splitColumns() {
        let q = IndicatorValue(symbol: "≥", number: "40.00", unit: "件")
        #expect(q.comparator == .ge && q.number == 40 && q.unit == "件")
        #expect(q.split == SplitValue(symbol: "≥", number: "40.00", unit: "件"))
        let t = IndicatorValue(symbol: "文字描述", number: "", unit: "按工作计划及时完成")
        #expect(t.kind == .qualitative && t.text == "按工作计划及时完成" && t.comparator == nil)
    }

    @Test func codableRoundTrip() throws {
        for c in Self.cases {
            let v = IndicatorValue(raw: c.raw)
            let back = try JSONDecoder().decode(IndicatorValue.self, from: JSONEncoder().encode(v))
            #expect(back == v)
        }
    }
}

struct VocabularyTests {
    let v = Vocabulary.standard

    @Test func level1Spellings() {
        #expect(v.canonicalLevel1("效果指标") == "效益指标")
        #expect(v.canonicalLevel1("产出 指标") == "产出指标")
        #expect(v.canonicalLevel1("满意度\n指标") == "满意度指标")
        #expect(v.canonicalLevel1("数量指标") == nil)
    }

    @Test func level2SpellingsAndParents() {
        #expect(v.canonicalLevel2("可持续发展影响指标") == "可持续影响指标")
        #expect(v.canonicalLevel2("可持续性影响") == "可持续影响指标")
        #expect(v.canonicalLevel2("社会效益 指标") == "社会效益指标")
        #expect(v.canonicalLevel2("服务对象满 意度指标") == "服务对象满意度指标")
        #expect(v.canonicalLevel2("满意度", under: "满意度指标") == "服务对象满意度指标")
        #expect(v.canonicalLevel2("数量", under: "部门产出") == "数量指标")
        #expect(v.usualParent(ofLevel2: "经济成本指标") == "成本指标")
        #expect(v.level2Names(under: "成本指标") == ["经济成本指标", "社会成本指标", "生态环境成本指标"])
    }
}

struct AmountTests {
    @Test func parsesFundCells() {
        #expect(Amount(text: "1,000.00").value == 1000)
        #expect(Amount(text: " 65.85 ").value == Decimal(string: "65.85"))
        #expect(Amount(text: "30%").value == 30)
        #expect(Amount(text: "2022年财政拨款108万元").value == nil)
        // A currency sign before the number: a number cell in the 货币 format, shown as the clerk sees it, or typed.
        for text in ["¥853.94", "￥853.94", "￥ 853.94", "¥853.94万元", "-¥853.94", "¥-853.94"] {
            #expect(Amount(text: text).value?.magnitude == Decimal(string: "853.94"), "\(text)")
        }
        #expect(Amount(text: "-¥853.94").value == Decimal(string: "-853.94"))
        #expect(Amount(text: "¥").value == nil && Amount(text: "¥¥5").value == nil && Amount(text: "5¥").value == nil)
        #expect(Amount(number: 1125.81).raw == "1125.81")
        #expect(Amount(number: 20).isCanonicalNumber)
        #expect(!Amount(text: "1,000.00").isCanonicalNumber)
    }

    /// ASCII amounts are cleaned up byte by byte; the same text behind an ideographic space goes the general way
    /// (full-width forms, Chinese suffixes) and must read the same.
    @Test func asciiAmountsReadAsTheGeneralPathReadsThem() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("0123456789,.-% \t")
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(1 + Int(state % 9)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            #expect(Amount(text: text).value == Amount(text: "\u{3000}" + text).value, "\(text)")
        }
    }
}
