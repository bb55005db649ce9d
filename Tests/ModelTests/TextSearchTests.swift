import Testing
@testable import GoalBridgeModel

struct TextSearchTests {
    @Test(arguments: [
        ("群众满意度", "满意度", true), ("群众满意度", "满意", true), ("群众满意度", "群众满意度", true),
        ("群众满意度", "满意率", false), ("满意", "群众满意度", false), ("", "满意", false), ("满意度", "", true),
        ("aab aab aac", "aac", true), ("aab aab aab", "aac", false), ("完成率%", "%", true), ("覆盖率", "率", true),
        ("应发放人数/实际发放人数", "实际", true), ("ＡＢＣ", "ABC", false),
    ])
    func containsTextAgreesWithAByteSearch(_ text: String, _ word: String, _ expected: Bool) {
        #expect(text.containsText(word) == expected)
        // Same answer as the standard library's element-wise search over the UTF-8 bytes.
        let bytes = Array(text.utf8), needle = Array(word.utf8)
        let reference = needle.isEmpty || (needle.count <= bytes.count
            && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle })
        #expect(reference == expected)
    }
}

struct LabelKeyTests {
    /// Label keys are NFC, so keys compared by bytes agree with String equality.
    @Test func canonicallyEquivalentSpellingsGiveTheSameKey() {
        #expect(LabelKey("\u{F9D1}") == LabelKey("六"))                 // CJK compatibility ideograph
        #expect(LabelKey("Cafe\u{301} 指标") == LabelKey("Café指标"))   // combining accent, space
        #expect(LabelKey("（一级指标）：") == LabelKey("(一级 指标)"))
        #expect(LabelKey("一级指标") != LabelKey("二级指标"))
        #expect(Set([LabelKey("\u{F9D1}"), LabelKey("六")]).count == 1)
    }
}
