import GoalBridgeModel

/// What a form says in its own words outside any field's cell: the year in a title, the unit of amounts in a
/// label's qualifier. One place for these rules, used by every table kind.
enum FormText {
    /// The budget year a title names: `2022年预算项目支出绩效目标表（1）` → 2022, `（2024 年度）` → 2024, `（二〇二四年度）` → 2024,
    /// `2022 年度聊城市XX整体战略目标表` → 2022, `部门整体支出绩效指标（永清 2021 年）` → 2021. A four-digit year
    /// (1990–2099) followed by 年 counts where a title states the table's year: at the start (after a sequence
    /// number), followed by 年度 or by the form's name (`…2024年绩效目标申报表`), or inside a closing parenthetical. A year inside a project's name
    /// (`提前下达2021年市级…经费绩效目标表`) is the project's, not the table's, and a number that is not followed
    /// by 年 (a document number `【2020】`, an amount) is no year.
    static func year(inTitle text: String) -> Int? {
        let scalars = Array(yearsInDigits(TextNormalizer.halfWidth(text)).unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].value >= 0x30 && scalars[i].value <= 0x39 }
        func isSpace(_ i: Int) -> Bool { i < scalars.count && (scalars[i] == " " || scalars[i] == "\u{3000}") }
        let closing = scalars.lastIndex { $0 == ")" || $0 == "）" }
        let opening = scalars.lastIndex { $0 == "(" || $0 == "（" }
        var i = 0
        while i + 4 <= scalars.count {
            defer { i += 1 }
            guard (i..<(i + 4)).allSatisfy(isDigit), !isDigit(i - 1), !isDigit(i + 4) else { continue }
            var j = i + 4
            while isSpace(j) { j += 1 }
            guard j < scalars.count, scalars[j] == "年" else { continue }
            let year = scalars[i..<(i + 4)].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            guard (1990...2099).contains(year) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(j + 1)...]))
            let followedBy年度 = rest.hasPrefix("度")
            // `部分县直部门2024年绩效目标申报表`: the year names the form, not a project.
            let followedByFormName = ["绩效目标", "预算", "项目支出", "部门整体", "整体"].contains { rest.hasPrefix($0) }
            let inClosingParenthetical = opening.map { $0 < i } == true && closing.map { $0 > j && $0 >= scalars.count - 2 } == true
            if followedBy年度 || followedByFormName || inClosingParenthetical { return year }
        }
        return nil
    }

    /// Chinese numerals that write a year (`二〇二四`, `二零二四`: four in a row, as official documents date themselves)
    /// as digits; any other text as it is (`第一季度`, `十四五` keep their numerals).
    static func yearsInDigits(_ text: String) -> String {
        let digits: [Unicode.Scalar: Unicode.Scalar] = ["〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                                                        "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"]
        // Numerals are 3-byte scalars (E3 80 87, E4–E9 …): text without such a lead byte has none.
        guard text.utf8.contains(where: { $0 >= 0xE3 && $0 <= 0xE9 }) else { return text }
        var scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard digits[scalars[i]] != nil else { i += 1; continue }
            var j = i
            while j < scalars.count, digits[scalars[j]] != nil { j += 1 }
            if j - i == 4 { for k in i..<j { scalars[k] = digits[scalars[k]]! } }
            i = j
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A year field's text as a number: `2024`, `２０２４`, `二〇二四`; nil for anything else.
    static func yearNumber(_ text: String) -> Int? {
        let t = yearsInDigits(TextNormalizer.halfWidth(TextNormalizer.trimmed(text)))
        guard t.utf8.count == 4, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(t)
    }

    /// The unit written after an amount's number (`8539400元` → 元, `853.94万元` or `853.94 万` → 万元); nil for a bare
    /// number or anything else after it.
    static func amountUnit(writtenAfter text: String) -> String? {
        // Bytes first: 元 ends in 0x83 (E5 85 83), 万 in 0x87 (E4 B8 87); a bare number ends in a digit.
        guard let last = text.utf8.last, last >= 0x80 || last == 0x20 else { return nil }
        let t = TextNormalizer.trimmed(text)
        guard t.last == "元" || t.last == "万", t.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0xEF }) == true else { return nil }
        if t.hasSuffix("万元") || t.hasSuffix("万") { return "万元" }
        return "元"
    }

    /// The unit a unit line states, without an instruction after it (`万元（保留两位小数）` → 万元); the text as it is
    /// when it is not a unit followed by a bracket.
    static func amountUnit(stated text: String) -> String {
        let t = TextNormalizer.trimmed(text)
        guard let open = t.firstIndex(where: { $0 == "（" || $0 == "(" }), t.last == "）" || t.last == ")" else { return t }
        let unit = TextNormalizer.trimmed(String(t[..<open]))
        return ["元", "万元", "千元", "亿元"].contains(unit) ? unit : t
    }

    /// The unit a label's qualifier gives its amounts: `项目资金（万元）`, `项目金额(万元)`, `预算数（元）` → 万元 / 元.
    static func amountUnit(inLabel text: String) -> String? {
        // Bytes first: most labels carry no qualifier, and Foundation's `contains` on them was costly.
        guard text.containsText("元") else { return nil }
        let key = TextNormalizer.labelKey(text)
        for unit in ["万元", "亿元", "元"] where key.containsText("（\(unit)）") {
            return unit
        }
        return nil
    }

    /// A title without the note a department put in brackets after the form's name (`…绩效目标表（修改稿）`,
    /// `…整体绩效目标表(调整后)`, `…目标表（2023年修订）`); nil when the text does not end so. The one rule for such
    /// notes: titles, anchors ending a title (`*整体绩效目标表`) and title templates all look past it.
    ///
    ///     FormText.withoutTitleNote("9.经开区招商经费绩效目标表（修改稿）")   // "9.经开区招商经费绩效目标表"
    ///     FormText.withoutTitleNote("项目资金（万元）")                        // nil: no form's name before it
    ///     FormText.withoutTitleNote("项目支出绩效目标表（续）")                // nil: the table goes on
    static func withoutTitleNote(_ text: String) -> String? {
        // (`…表（续）` says the table goes on: that is no note, and no new title.)
        guard text.hasSuffix("）") || text.hasSuffix(")"), let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }),
              open > text.startIndex, !isContinuationLine(text) else { return nil }
        let before = TextNormalizer.trimmed(String(text[..<open]))
        return before.hasSuffix("表") ? before : nil
    }

    /// The project a title names, for forms whose only name is the title (永清 `9.经开区招商经费绩效目标表` →
    /// `经开区招商经费`): the title without a leading sequence number, the form's name at its end and a note in
    /// brackets after it (`（调整后）`). Nil when the title does not end with the form's name or nothing is left.
    ///
    ///     FormText.projectName(inTitle: "9.经开区招商经费绩效目标表（修改稿）")   // "经开区招商经费"
    static func projectName(inTitle text: String) -> String? {
        var t = TextNormalizer.trimmed(text)
        let suffixes = ["项目支出绩效目标表", "资金绩效目标表", "绩效目标表"]
        if let bare = withoutTitleNote(t) { t = bare }
        var matched = false
        for suffix in suffixes where t.hasSuffix(suffix) {
            // `XX资金绩效目标表`: 资金 belongs to the name (编外人员资金), so only the form's own words go.
            t.removeLast(suffix == "资金绩效目标表" ? "绩效目标表".count : suffix.count)
            matched = true
            break
        }
        guard matched else { return nil }
        // A leading sequence number: `9.`, `12、`, `（3）`, `(3)`.
        t = TextNormalizer.withoutSequenceNumber(t) ?? TextNormalizer.trimmed(t)
        // A title that names only the form (`项目绩效目标表`, `2024年度项目支出绩效目标表`): what is left is no project's
        // name (聊城's tables read “项目” so when their 项目名称 was blank).
        var core = TextNormalizer.labelKey(t)
        if let year = core.range(of: #"^[0-9]{4}年度?"#, options: .regularExpression) { core.removeSubrange(year) }
        if core.hasPrefix("预算") { core.removeFirst(2) }
        if ["", "项目", "项目支出", "预算项目", "专项", "专项资金", "项目资金", "资金", "部门", "单位", "部门项目"].contains(core) { return nil }
        return t.isEmpty ? nil : t
    }

    /// `目标1`, `目标 2`, `目标三`, `目标1：` (as a label key: no spaces, colon trimmed): a numbered goal item's label.
    static func isGoalItemLabel(_ key: String) -> Bool {
        guard key.utf8.starts(with: "目标".utf8) else { return false }
        let rest = key.dropFirst(2)
        guard !rest.isEmpty, rest.count <= 3 else { return false }
        return rest.allSatisfy { ("0"..."9").contains($0) || "一二三四五六七八九十".contains($0) }
    }

    /// A line that says the table goes on from the page before (`项目支出绩效目标表（续）`, `续表`, `（接上表）`), as a
    /// clerk types it over a header repeated for printing: the same table, not a new one. A bare mark must be the whole
    /// line (or start it before a number: `续表1`), so a text merely ending in 续表 is not taken for one.
    static func isContinuationLine(_ text: String) -> Bool {
        let key = TextNormalizer.labelKey(text)
        guard key.utf8.count <= 180 else { return false }
        for mark in ["（续）", "（续表）", "（续上表）", "（接上表）", "（接上页）"] where key.hasSuffix(mark) || key == mark { return true }
        for mark in ["续表", "续上表", "接上表", "接上页"] where key.hasPrefix(mark) {
            if key.dropFirst(mark.count).allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        }
        return false
    }
}

extension GridView {
    /// True for a row holding one text, a continuation line (`项目支出绩效目标表（续）`, `续表`: FormText.isContinuationLine):
    /// no new table begins under it, and an indicator or record block goes on past it.
    func isContinuationRow(_ r: Int) -> Bool {
        let cells = self.cells(inRows: r...r)
        guard cells.count == 1, let only = cells.first, let text = text(only.row, only.column) else { return false }
        return FormText.isContinuationLine(text)
    }
}
