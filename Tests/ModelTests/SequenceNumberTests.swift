import Testing
@testable import GoalBridgeModel

/// One rule for the numbers a person puts before a label: level names a clerk numbered, a title's leading number.
struct SequenceNumberTests {
    @Test(arguments: [
        ("一、产出指标", "产出指标"), ("（一）数量指标", "数量指标"), ("(二) 质量指标", "质量指标"), ("1.成本指标", "成本指标"),
        ("2.1 数量指标", "数量指标"), ("2.1数量指标", "数量指标"), ("30.2020-2021取暖季补贴", "2020-2021取暖季补贴"), ("2.1、数量指标", "数量指标"), ("12、经开区招商经费", "经开区招商经费"), ("３．时效指标", "时效指标"),
        ("(3)满意度指标", "满意度指标"), ("4）效益指标", "效益指标"), ("①时效指标", "时效指标"), ("十、其他", "其他"),
    ])
    func numbersAreTakenOff(_ text: String, _ rest: String) {
        #expect(TextNormalizer.withoutSequenceNumber(text) == rest)
    }

    /// Numbers that belong to the text stay: a month, a count, a name that starts with a numeral, a number alone.
    @Test(arguments: ["12月底前完成", "十分满意", "一般公共预算", "2024年度", "3", "一、", "80-89 周岁高龄津贴", "产出指标", "(一", "1.5万元", "1.5万吨污水处理项目"])
    func textWithoutASequenceNumberIsLeft(_ text: String) {
        #expect(TextNormalizer.withoutSequenceNumber(text) == nil)
    }

    @Test func numberedLevelNamesAreKnown() {
        let v = Vocabulary.standard
        #expect(v.canonicalLevel1("一、产出指标") == "产出指标")
        #expect(v.canonicalLevel1("4.满意度指标") == "满意度指标")
        #expect(v.canonicalLevel2("（三）时效指标", under: "产出指标") == "时效指标")
        #expect(v.canonicalLevel1("一、二级指标") == nil)
        // Forms that name the satisfaction of the public as 社会公众满意度 mean the one category the vocabulary has.
        #expect(v.canonicalLevel2("社会公众满意度", under: "满意度指标") == "服务对象满意度指标")
    }
}
