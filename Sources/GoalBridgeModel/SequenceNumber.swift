extension TextNormalizer {
    /// `text` without the sequence number a person put before it, or nil when it has none: `一、产出指标`,
    /// `（一）数量指标`, `(1)质量指标`, `1.成本指标`, `2.1数量指标`, `2.1、数量指标`, `12、经开区招商经费`,
    /// `①时效指标`. The one rule for numbered labels: level names a clerk numbered, a title's leading number (永清
    /// `30.2020-2021取暖季双代运行补贴资金绩效目标表`). Nothing is taken when nothing follows the number, nor from
    /// `12月底前`, `十分满意` or `1.5万吨…`, where the number is part of the text.
    public static func withoutSequenceNumber(_ text: String) -> String? {
        let scalars = Array(trimmed(text).unicodeScalars)
        let marks = ".、．)）".unicodeScalars
        var i = 0
        if let first = scalars.first, (0x2460...0x2473).contains(first.value) {
            i = 1   // ① … ⑳
        } else {
            let opened = scalars.first == "(" || scalars.first == "（"
            if opened { i = 1 }
            let start = i
            let digits = i < scalars.count && isDigit(scalars[i])
            while i < scalars.count, digits ? isDigit(scalars[i]) : "一二三四五六七八九十".unicodeScalars.contains(scalars[i]) { i += 1 }
            guard i > start, i < scalars.count else { return nil }
            if opened {
                guard scalars[i] == ")" || scalars[i] == "）" else { return nil }
                i += 1
            } else if digits, scalars[i] == "." || scalars[i] == "．", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                // `2.1、`, `2.1 ` or `2.1数量指标` is one number of two levels (short groups after the first);
                // `30.2020-2021…` is a number, its mark and text that starts with digits; `1.5万吨` is a quantity.
                var j = i + 1, group = 0, longGroup = false
                while j < scalars.count {
                    if isDigit(scalars[j]) { group += 1; longGroup = longGroup || group > 2; j += 1 }
                    else if (scalars[j] == "." || scalars[j] == "．") && j + 1 < scalars.count && isDigit(scalars[j + 1]) { group = 0; j += 1 }
                    else { break }
                }
                guard j < scalars.count else { return nil }
                if longGroup { i += 1 }
                else if marks.contains(scalars[j]) || isSpace(scalars[j]) { i = j + 1 }
                else if isUnitStart(scalars[j]) { return nil }
                else { i = j }
            } else if marks.contains(scalars[i]) {
                i += 1
            } else {
                return nil
            }
        }
        let rest = trimmed(String(String.UnicodeScalarView(scalars[i...])))
        return rest.isEmpty ? nil : rest
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(u.value) || (0xFF10...0xFF19).contains(u.value)
    }

    /// A character that makes the digits before it a quantity (`1.5万`, `2.5亿`, `3.5%`), not a sequence number.
    private static func isUnitStart(_ u: Unicode.Scalar) -> Bool {
        "万亿千百元个人次年月日天吨米亩件户台套所家项辆本%％公平立".unicodeScalars.contains(u)
    }
}
