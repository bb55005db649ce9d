import GoalBridgeModel

/// What a form says in its own words outside any field's cell: the year in a title, the unit of amounts in a
/// label's qualifier. One place for these rules, used by every table kind.
enum FormText {
    /// The budget year a title names: `2022年预算项目支出绩效目标表（1）` → 2022, `（2024 年度）` → 2024.
    /// Only a four-digit year from 1990 to 2099 directly followed by 年 counts (a project code or an amount
    /// in the title does not).
    static func year(inTitle text: String) -> Int? {
        let scalars = Array(TextNormalizer.halfWidth(text).unicodeScalars)
        var i = 0
        while i + 4 <= scalars.count {
            let digits = scalars[i..<(i + 4)]
            let before = i > 0 ? scalars[i - 1] : " "
            if digits.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }), !(before.value >= 0x30 && before.value <= 0x39) {
                var j = i + 4
                while j < scalars.count, scalars[j] == " " || scalars[j] == "\u{3000}" { j += 1 }
                if j < scalars.count, scalars[j] == "年", j + 1 >= scalars.count || !(scalars[j + 1].value >= 0x30 && scalars[j + 1].value <= 0x39) {
                    let year = digits.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
                    if (1990...2099).contains(year) { return year }
                }
            }
            i += 1
        }
        return nil
    }

    /// The unit a label's qualifier gives its amounts: `项目资金（万元）`, `项目金额(万元)`, `预算数（元）` → 万元 / 元.
    static func amountUnit(inLabel text: String) -> String? {
        let key = TextNormalizer.labelKey(text)
        for unit in ["万元", "亿元", "元"] where key.hasSuffix("（\(unit)）") || key.contains("（\(unit)）") {
            return unit
        }
        return nil
    }
}
