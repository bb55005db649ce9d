import Testing
import Foundation
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
        #expect(LabelKey("\u{2126}") == LabelKey("\u{03A9}"))             // OHM SIGN is GREEK CAPITAL OMEGA
    }

    /// Text that already is a key comes back as is; anything else goes through every normalisation.
    @Test func keysOfTypicalCells() {
        #expect(TextNormalizer.labelKey("≥95%") == "≥95%")
        #expect(TextNormalizer.labelKey("项目名称") == "项目名称")
        #expect(TextNormalizer.labelKey("项目名称：") == "项目名称")
        #expect(TextNormalizer.labelKey("项目名称:") == "项目名称")
        #expect(TextNormalizer.labelKey("资金总额(万元)") == "资金总额（万元）")
        #expect(TextNormalizer.labelKey("一级\n指标") == "一级指标")
        #expect(TextNormalizer.labelKey("ＡＢＣ１２") == "ABC12")
        #expect(TextNormalizer.labelKey("\u{2329}注\u{232A}") == "\u{3008}注\u{3009}")
    }
}

struct BytePrefixTests {
    /// Byte-wise prefix and suffix agree with the UTF-8 bytes, on strings and on substrings (which may
    /// start and end mid-string).
    @Test(arguments: [("≥95%", "≥", true), ("≥95%", "≤", false), ("不少于100人", "不少于", true), ("不少", "不少于", false),
                      ("95%以上", "以上", true), ("以上", "及以上", false), ("", "", true), ("abc", "", true)])
    func prefixAndSuffixCompareBytes(_ text: String, _ affix: String, _ expected: Bool) {
        let bytes = Array(text.utf8), a = Array(affix.utf8)
        let prefix = bytes.starts(with: a), suffix = bytes.reversed().starts(with: a.reversed())
        #expect(text.hasBytePrefix(affix) == prefix)
        #expect(text.hasByteSuffix(affix) == suffix)
        #expect(prefix == expected || suffix == expected)
        // The same text inside a longer string, as a substring.
        let padded = "前" + text + "后"
        let inner = padded.dropFirst().dropLast()
        #expect(inner.hasBytePrefix(affix) == prefix)
        #expect(inner.hasByteSuffix(affix) == suffix)
    }
}

struct DecimalTextTests {
    /// The fast path gives the same Decimal as `Decimal(string:)` — value and written form — and
    /// everything it does not read falls back to it.
    @Test(arguments: ["0", "1", "95", "100", "1.50", "0.05", "-3.2", "12345678901234567", "123456789012345678",
                      "1234567890123456789012", "0.000", "-0", "1000000", "3.14159", "007", ".5", "5.", "1.2.3",
                      "-", "", "abc", "1e5", "+7", "99.99"])
    func agreesWithDecimalString(_ text: String) {
        let fast = DecimalText.parse(text), reference = Decimal(string: text)
        #expect(fast == reference)
        #expect(fast?.description == reference?.description)
        // The plain-form reader answers only for text it reads whole, and then agrees.
        if let plain = DecimalText.parsePlain(text) { #expect(plain == reference && plain.description == reference?.description) }
    }
}
