import Foundation

/// The comparator of a target value.
public enum ValueComparator: String, Codable, Hashable, Sendable, CaseIterable {
    case ge, le, gt, lt, eq, approx

    /// The symbol written in a cleaned value.
    public var symbol: String {
        switch self {
        case .ge: return "≥"
        case .le: return "≤"
        case .gt: return ">"
        case .lt: return "<"
        case .eq: return "="
        case .approx: return "≈"
        }
    }
}

/// What kind of target a value states.
public enum ValueKind: String, Codable, Hashable, Sendable {
    case quantitative, range, date, duration, boolean, mixed, qualitative, empty
}

/// A date or deadline target: `2023年12月31日`, `2023年底`, `12月底前`, `每年12月底`.
public struct DateTarget: Codable, Hashable, Sendable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// 前, 之前, 底, 底前, 完成 … as written after the date.
    public var qualifier: String?
    public var recurring: Bool

    /// A date as a target states it, each part optional (`2023年12月底前`: year 2023, month 12, qualifier 底前).
    ///
    ///     DateTarget(year: 2023, month: 12, qualifier: "底前")
    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, qualifier: String? = nil, recurring: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.qualifier = qualifier
        self.recurring = recurring
    }
}

/// The 符号 / 值 / 单位 columns of layouts that split a value (永清 F1), as written.
public struct SplitValue: Codable, Hashable, Sendable {
    public var symbol: String
    public var number: String
    public var unit: String

    /// The three cells as written, untrimmed.
    ///
    ///     SplitValue(symbol: "≥", number: "95", unit: "%")
    public init(symbol: String, number: String, unit: String) {
        self.symbol = symbol
        self.number = number
        self.unit = unit
    }
}

/// An indicator's target value (指标值): the raw text, always kept, and its parsed form.
///
/// Parsing follows DOMAIN.md §4: comparators in every spelling (≥ ≧ >= ＞ `$\geq$` 不少于 以上 约 左右 …),
/// numbers with full-width digits, ranges, units (compound `万元/年/人`), dates and deadlines, and text.
public struct IndicatorValue: Codable, Hashable, Sendable {
    public var raw: String
    public var split: SplitValue?
    public var kind: ValueKind
    public var comparator: ValueComparator?
    /// The comparator as written (`>=`, `不少于`, `$\geq`).
    public var comparatorRaw: String?
    public var number: Decimal?
    /// Upper bound of a range `1-2 年`.
    public var upper: Decimal?
    public var unit: String?
    /// Qualitative text, or the text around a number (`提高` in `提高6%`, `上半年和下半年各1次`).
    public var text: String?
    public var date: DateTarget?
    /// What was normalised: latex, html, fullWidth, ideographicSpace, verbalComparator, missingUnit, thousandsSeparator;
    /// severalValues when the cell holds two or more values on lines of their own (then no number is taken).
    public var flags: [String]

    /// Parses a target value by the value grammar of DOMAIN.md; the raw text is always kept.
    ///
    ///     let v = IndicatorValue(raw: "≥95%")   // kind .quantitative, comparator ≥, number 95, unit %
    ///     IndicatorValue(raw: "按时完成").kind    // .qualitative
    public init(raw: String) {
        self = IndicatorValueParser.parse(raw)
    }

    /// From the split 符号/值/单位 columns. `文字描述` in 符号 means the text is in 单位.
    public init(symbol: String, number: String, unit: String) {
        let s = TextNormalizer.trimmed(symbol), n = TextNormalizer.trimmed(number), u = TextNormalizer.trimmed(unit)
        let raw = (s == "文字描述" || s.isEmpty) && n.isEmpty ? u : s + n + u
        self = IndicatorValueParser.parse(raw)
        split = SplitValue(symbol: symbol, number: number, unit: unit)
    }

    init(raw: String, kind: ValueKind) {
        self.raw = raw
        self.kind = kind
        self.flags = []
    }

    private enum CodingKeys: String, CodingKey {
        case raw, split, kind, comparator, comparatorRaw, number, upper, unit, text, date, flags
    }

    /// Reads `"≥95%"` or `{"raw": "≥95%", …}`. The parsed fields are derived from `raw` (and `split`),
    /// so a hand-written document needs only the raw text and can never disagree with itself.
    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let raw = try? single.decode(String.self) {
            self = IndicatorValueParser.parse(raw)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try c.decode(String.self, forKey: .raw)
        self = IndicatorValueParser.parse(raw)
        split = try c.decodeIfPresent(SplitValue.self, forKey: .split)
    }

    /// `≥95%` — comparator, number and unit without spaces; the raw text for anything else.
    public var cleaned: String {
        switch kind {
        case .quantitative, .duration:
            guard let number else { return raw }
            return (comparator?.symbol ?? "") + "\(number)" + (unit ?? "")
        case .range:
            guard let number, let upper else { return raw }
            return "\(number)-\(upper)" + (unit ?? "")
        default:
            return TextNormalizer.trimmed(raw)
        }
    }
}

/// The grammar of DOMAIN.md §4.3, as a small hand-written scanner.
enum IndicatorValueParser {
    static let symbolComparators: [(String, ValueComparator)] = [
        (">=", .ge), ("<=", .le), ("≥", .ge), ("≤", .le), ("≧", .ge), ("≦", .le), ("⩾", .ge), ("⩽", .le),
        (">", .gt), ("<", .lt), ("=", .eq), ("≈", .approx), ("~", .approx),
    ]
    static let verbalPrefixes: [(String, ValueComparator)] = [
        ("不少于", .ge), ("不低于", .ge), ("不小于", .ge), ("大于等于", .ge), ("至少", .ge), ("达到", .ge), ("突破", .gt),
        ("不超过", .le), ("不高于", .le), ("不大于", .le), ("小于等于", .le), ("控制在", .le),
        ("大于", .gt), ("高于", .gt), ("超过", .gt), ("小于", .lt), ("低于", .lt), ("约", .approx), ("等于", .eq),
    ]
    static let verbalSuffixes: [(String, ValueComparator)] = [
        ("以上", .ge), ("及以上", .ge), ("以下", .le), ("及以下", .le), ("以内", .le), ("之内", .le), ("左右", .approx), ("内", .le),
    ]
    static let rangeSeparators = ["-", "~", "—", "－", "至", "到"]
    static let durationUnits: Set<String> = ["年", "个月", "月", "天", "日", "小时", "h", "分钟", "工作日", "周"]

    /// A cell's value: several values on lines of their own (`severalValues`), or one.
    static func parse(_ raw: String) -> IndicatorValue {
        // A line break is a byte scan away; most values have none.
        if raw.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }), let several = severalValues(raw) { return several }
        return parseOne(raw)
    }

    /// One value.
    static func parseOne(_ raw: String) -> IndicatorValue {
        var v = IndicatorValue(raw: raw, kind: .empty)
        var s = raw
        // Markup residue from PDF and Word conversions.
        // One pass over the scalars decides which (rare, costly) clean-ups are needed.
        var hasAngle = false, hasLatex = false, hasWide = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x3C, 0x3E: hasAngle = true
            case 0x24, 0x5C: hasLatex = true
            case 0x3000, 0xFF01...0xFF5E: hasWide = true
            default: break
            }
        }
        if hasAngle && s.range(of: "<[a-zA-Z/][^>]*>", options: .regularExpression) != nil {
            s = s.replacingOccurrences(of: "<sup>3</sup>", with: "³").replacingOccurrences(of: "<sup>2</sup>", with: "²")
            s = s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            v.flags.append("html")
        }
        if hasLatex && (s.contains("$") || s.contains("\\geq") || s.contains("\\leq")) {
            s = s.replacingOccurrences(of: "\\geq", with: "≥").replacingOccurrences(of: "\\leq", with: "≤")
                .replacingOccurrences(of: "\\ge", with: "≥").replacingOccurrences(of: "\\le", with: "≤")
                .replacingOccurrences(of: "\\%", with: "%").replacingOccurrences(of: "$", with: "")
            v.flags.append("latex")
        }
        if hasWide {
            if s.unicodeScalars.contains(where: { $0.value == 0x3000 }) { v.flags.append("ideographicSpace") }
            if s.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) { v.flags.append("fullWidth") }
            s = TextNormalizer.halfWidth(s)
        }
        if s.unicodeScalars.contains(where: { TextNormalizer.isSpace($0) }) { s.unicodeScalars.removeAll { TextNormalizer.isSpace($0) } }
        guard !s.isEmpty else { return v }

        // Compared as bytes: String's == on Chinese text goes through Unicode normalisation.
        if s.utf8.elementsEqual("是".utf8) || s.utf8.elementsEqual("否".utf8) {
            v.kind = .boolean
            v.text = s
            return v
        }
        if let date = parseDate(s) {
            v.kind = .date
            v.date = date
            return v
        }

        var rest = Substring(s)
        // ValueComparator prefix: symbol or words. Symbols start with ASCII punctuation or U+2xxx math signs
        // (lead byte 0xE2), words with CJK (lead byte 0xE4 and up): the first byte says which list can match.
        let lead = rest.utf8.first ?? 0
        let mayBeSymbol = lead == UInt8(ascii: ">") || lead == UInt8(ascii: "<") || lead == UInt8(ascii: "=")
            || lead == UInt8(ascii: "~") || lead == 0xE2
        for (sym, c) in symbolComparators where mayBeSymbol && rest.hasBytePrefix(sym) {
            v.comparator = c
            v.comparatorRaw = sym
            rest = rest.dropFirst(sym.count)
            break
        }
        if v.comparator == nil && lead >= 0xE4 {
            for (word, c) in verbalPrefixes where rest.hasBytePrefix(word) {
                // 约 or 不少于 must be followed by a number to count as a comparator.
                let after = rest.dropFirst(word.count)
                if let f = after.first, f.isASCII, f.isNumber || f == "-" {
                    v.comparator = c
                    v.comparatorRaw = word
                    v.flags.append("verbalComparator")
                    rest = after
                }
                break
            }
        }

        // Text before the number: `提高6%`, `汇聚率100%`, `流调及采样20次`.
        var prefix = ""
        // (An ASCII digit byte is always a whole scalar, so its index slices the text.)
        if v.comparator == nil, let firstDigit = rest.utf8.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            let head = rest[..<firstDigit]
            if !head.isEmpty && !head.hasByteSuffix("-") && head.allSatisfy({ !$0.isASCII }) {
                prefix = String(head)
                rest = rest[firstDigit...]
                // A comparator word may close the prefix: `指标达到95%` is still ≥.
                for (word, c) in verbalPrefixes where prefix.hasByteSuffix(word) && word.count > 1 {
                    v.comparator = c
                    v.comparatorRaw = word
                    prefix.removeLast(word.count)
                    break
                }
            }
        }

        guard let (number, afterNumber, usedSeparator) = scanNumber(rest) else {
            v.kind = .qualitative
            v.text = TextNormalizer.trimmed(raw)
            v.comparator = nil
            v.comparatorRaw = nil
            return v
        }
        if usedSeparator { v.flags.append("thousandsSeparator") }
        v.number = number
        rest = afterNumber
        v.kind = .quantitative

        // Range: `1-2年`, `80~90%`, `3至5个`.
        for sep in IndicatorValueParser.rangeSeparators where !rest.isEmpty && rest.hasBytePrefix(sep) {
            if let (upper, afterUpper, _) = scanNumber(rest.dropFirst(sep.count)) {
                v.upper = upper
                v.kind = .range
                rest = afterUpper
            }
            break
        }

        // Unit up to a parenthesis, then the rest is text.
        var unit = rest
        var tail = ""
        if let paren = rest.unicodeScalars.firstIndex(where: { $0 == "(" || $0 == "（" }) {
            unit = rest[..<paren]
            tail = String(rest[paren...])
        }
        var unitText = String(unit)
        if v.comparator == nil {
            for (word, c) in verbalSuffixes where unitText.hasByteSuffix(word) {
                v.comparator = c
                v.comparatorRaw = word
                v.flags.append("verbalComparator")
                unitText.removeLast(word.count)
                break
            }
        }
        // A unit is short and has no digits; anything else is text after the number.
        if unitText.contains(where: { $0.isASCII && $0.isNumber }) || unitText.count > 8 {
            tail = unitText + tail
            unitText = ""
        }
        if !unitText.isEmpty { v.unit = unitText } else { v.flags.append("missingUnit") }
        if !prefix.isEmpty || !tail.isEmpty {
            v.kind = .mixed
            v.text = [prefix, tail].filter { !$0.isEmpty }.joined(separator: "…")
        }
        if v.kind == .quantitative, let u = v.unit, durationUnits.contains(u) { v.kind = .duration }
        return v
    }

    /// Two or more values typed on lines of their own in one cell (`≥260.39万平方米⏎≥107万平方米`: two indicators
    /// put in one row with Alt+Enter). Which one is the target cannot be told, so none is taken as the number: the
    /// value is kept as written, its lines as its text, and flagged for the review (Q32) to ask. A line that is not a
    /// value by itself (`≥1000⏎万元`, `≥95%⏎（按年度考核）`, `2023 年 12⏎月 31 日`) continues the one before it, and
    /// the cell is read as one value, as usual.
    static func severalValues(_ raw: String) -> IndicatorValue? {
        let lines = raw.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { TextNormalizer.trimmed(String($0)) }.filter { !$0.isEmpty }
        guard lines.count >= 2 else { return nil }
        // Each line a value by itself: a number or a date, with nothing before it but a comparator (`月 31 日`, the
        // second line of a wrapped date, and `道路保洁100%` are not).
        for line in lines {
            let v = parseOne(line)
            switch v.kind {
            case .quantitative, .range, .duration, .date: continue
            case .mixed where v.comparator != nil && v.number != nil: continue
            default: return nil
            }
        }
        var v = IndicatorValue(raw: raw, kind: .mixed)
        v.text = lines.joined(separator: "；")
        v.flags = ["severalValues"]
        return v
    }

    /// A decimal number with optional sign and thousands separators. Returns the number, the rest,
    /// and whether a separator was used. Scans UTF-8 bytes: every character it accepts is ASCII.
    static func scanNumber(_ s: Substring) -> (Decimal, Substring, Bool)? {
        let u = s.utf8
        func isDigit(_ i: Substring.UTF8View.Index) -> Bool { i < u.endIndex && u[i] >= 0x30 && u[i] <= 0x39 }
        var i = u.startIndex
        var text: [UInt8] = []
        var separator = false
        if i < u.endIndex, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") {
            if u[i] == UInt8(ascii: "-") { text.append(UInt8(ascii: "-")) }
            i = u.index(after: i)
        }
        var digits = 0
        var seenDot = false
        while i < u.endIndex {
            let b = u[i]
            if b >= 0x30 && b <= 0x39 {
                text.append(b)
                digits += 1
            } else if b == UInt8(ascii: "."), !seenDot {
                guard isDigit(u.index(after: i)) else { break }
                seenDot = true
                text.append(b)
            } else if b == UInt8(ascii: ","), digits > 0, !seenDot {
                // Only a real thousands separator: exactly three digits follow.
                var j = u.index(after: i)
                var run = 0
                while run < 4, isDigit(j) { run += 1; j = u.index(after: j) }
                guard run == 3 else { break }
                separator = true
            } else {
                break
            }
            i = u.index(after: i)
        }
        guard digits > 0, let d = DecimalText.parse(String(decoding: text, as: UTF8.self)) else { return nil }
        return (d, s[i...], separator)
    }

    static let datePatterns: [(NSRegularExpression, (Int?, Int?, Int?))] = {
        let patterns: [(String, (Int?, Int?, Int?))] = [
            (#"^(每年)?(\d{4})年(\d{1,2})月(\d{1,2})日"#, (2, 3, 4)),
            (#"^(每年)?(\d{4})\.(\d{1,2})\.(\d{1,2})日?"#, (2, 3, 4)),
            (#"^(每年)?(\d{4})[-/](\d{1,2})[-/](\d{1,2})"#, (2, 3, 4)),
            (#"^(每年)?(\d{4})年(\d{1,2})月"#, (2, 3, nil)),
            (#"^(每年)?(\d{4})年"#, (2, nil, nil)),
            (#"^(每年)?(\d{1,2})月(\d{1,2})日"#, (nil, 2, 3)),
            (#"^(每年)?(\d{1,2})月(底|末|中旬|上旬|下旬)"#, (nil, 2, nil)),
        ]
        return patterns.map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
    }()
    static let yearEndPattern = try! NSRegularExpression(pattern: #"^(\d{4})年(底|末|度内)(前|完成)?$"#)

    /// Dates and deadlines: `2023年12月31日`, `2023年12月底`, `2023年底`, `2023年`, `2022.12.31日前`,
    /// `2023.12.31之前`, `12月底前`, `每年12月底`, `2023年完成`.
    static func parseDate(_ s: String) -> DateTarget? {
        // Only text that starts like a date can be one: skip the regular expressions otherwise.
        guard let first = s.unicodeScalars.first, (first.value >= 0x30 && first.value <= 0x39) || s.hasPrefix("每年") else { return nil }
        guard s.unicodeScalars.contains(where: { $0 == "年" || $0 == "月" || $0 == "." || $0 == "-" || $0 == "/" }) else { return nil }
        // `2023年底`, `2023年末`
        if let m = yearEndPattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)),
           let r = Range(m.range(at: 1), in: s) {
            let q = String(s[Range(m.range(at: 2), in: s)!]) + (Range(m.range(at: 3), in: s).map { String(s[$0]) } ?? "")
            return DateTarget(year: Int(s[r]), month: 12, qualifier: q)
        }
        for (regex, groups) in datePatterns {
            guard let m = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { continue }
            func group(_ i: Int?) -> Int? {
                guard let i, let r = Range(m.range(at: i), in: s) else { return nil }
                return Int(s[r])
            }
            let year = group(groups.0), month = group(groups.1), day = group(groups.2)
            if let month, !(1...12).contains(month) { continue }
            if let day, !(1...31).contains(day) { continue }
            // `2023年` followed by more text that is not a qualifier is not a date (`2023年度实际发生额`).
            let end = Range(m.range, in: s)!.upperBound
            let qualifier = String(s[end...])
            let allowed = ["", "前", "之前", "以前", "底", "底前", "末", "年底", "完成", "前完成", "底前完成", "内", "之内", "内完成", "以内", "中旬", "上旬", "下旬"]
            var q = qualifier
            if groups.0 == nil, groups.1 != nil, groups.2 == nil, let r = Range(m.range(at: 3), in: s) {
                q = String(s[r]) + qualifier // 12月底前: qualifier 底前
            }
            guard allowed.contains(qualifier) || allowed.contains(q) else { continue }
            if year == nil && month == nil { continue }
            let recurring = Range(m.range(at: 1), in: s).map { !s[$0].isEmpty } ?? false
            return DateTarget(year: year, month: month, day: day, qualifier: q.isEmpty ? nil : q, recurring: recurring)
        }
        return nil
    }
}
