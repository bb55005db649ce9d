import GoalBridgeModel
import GoalBridgeSpreadsheet

/// How an indicator value maps to the 符号 / 值 / 单位 columns, losslessly.
///
/// A value is split only when `symbol + number + unit` spells its raw text exactly;
/// anything else goes whole into 单位 with 符号 `文字描述`, so reading the columns back
/// always gives the same raw text.
enum ValueColumns {
    static let textSymbol = "文字描述"

    /// The columns a 指标值 header is merged over beyond its own — where a clerk types the unit in a cell of its own
    /// (`≥95` | `%`) — read after the value's and joined to it; none when another header claims any of them.
    ///
    ///     unitColumns(header: E9, merge: E9:F9, claimed: { _ in false })   // [F]
    static func unitColumns(header: CellReference, merge: CellRange?, claimed: (Int) -> Bool) -> [Int] {
        guard let m = merge, m.first == header, m.last.column > header.column else { return [] }
        let rest = Array(header.column + 1...m.last.column)
        return rest.contains(where: claimed) ? [] : rest
    }
    static let symbols = [">=", "<=", "≥", "≤", "≧", "≦", "=", ">", "<", "≈", "约"]

    static func split(_ value: IndicatorValue) -> SplitValue {
        if let split = value.split { return split }
        return canonicalSplit(value.raw, kind: value.kind)
    }

    /// - Parameter numeralUnits: accept CJK numerals in the unit (`万元`, `千米`), as the budget system's 度量单位 column
    ///   does. Off for the 符号/值/单位 columns, whose split is fixed by the workbooks already written.
    static func canonicalSplit(_ raw: String, kind known: ValueKind? = nil, numeralUnits: Bool = false) -> SplitValue {
        if raw.isEmpty { return SplitValue(symbol: "", number: "", unit: "") }
        // Dates (`2023年底`), ranges and mixed text stay whole: only a plain quantity splits.
        let kind = known ?? IndicatorValue(raw: raw).kind
        guard kind == .quantitative || kind == .duration else { return SplitValue(symbol: textSymbol, number: "", unit: raw) }
        var rest = Substring(raw)
        var symbol = ""
        for s in symbols where rest.hasBytePrefix(s) {
            symbol = s
            rest = rest.dropFirst(s.count)
            break
        }
        // The number: ASCII digits, a leading minus, one dot — scanned as bytes (every byte it takes is ASCII).
        let bytes = rest.utf8
        var end = bytes.startIndex
        var seenDot = false, digits = 0
        while end < bytes.endIndex {
            let b = bytes[end]
            if b >= 0x30 && b <= 0x39 { digits += 1 }
            else if b == UInt8(ascii: "-") && end == bytes.startIndex {}
            else if b == UInt8(ascii: "."), !seenDot, end != bytes.startIndex { seenDot = true }
            else { break }
            end = bytes.index(after: end)
        }
        let number = String(rest[..<end])
        let unitText = rest[end...]
        let unit = String(unitText)
        let numberIsValid = digits > 0 && !number.hasSuffix(".") && number.first != "."
        let unitIsClean = isCleanUnit(unitText, numeralUnits: numeralUnits)
        if numberIsValid && unitIsClean && symbol.utf8.count + number.utf8.count + unit.utf8.count == raw.utf8.count {
            return SplitValue(symbol: symbol, number: number, unit: unit)
        }
        return SplitValue(symbol: textSymbol, number: "", unit: raw)
    }

    /// A unit that can stand in its own column: at most 8 characters, no digit, space or opening bracket.
    /// Checked scalar by scalar (a unit is letters and CJK ideographs; grapheme clustering made this check
    /// a twentieth of mapping a table), with plain bytes for an ASCII unit.
    static func isCleanUnit(_ unit: Substring, numeralUnits: Bool = false) -> Bool {
        if unit.utf8.allSatisfy({ $0 < 0x80 }) {
            return unit.utf8.count <= 8 && !unit.utf8.contains { b in
                (b >= 0x30 && b <= 0x39) || b == 0x20 || (b >= 0x09 && b <= 0x0D) || b == UInt8(ascii: "(")
            }
        }
        var count = 0
        for scalar in unit.unicodeScalars {
            // A combining mark joins the character before it: it does not count as one more.
            if !(count > 0 && scalar.properties.generalCategory == .nonspacingMark) { count += 1 }
            let numeric = numeralUnits ? [.decimal, .digit].contains(scalar.properties.numericType) : scalar.properties.numericType != nil
            if count > 8 || numeric || scalar.properties.isWhitespace || scalar == "(" || scalar == "（" {
                return false
            }
        }
        return true
    }

    /// A value stated the way the budget system's forms state it — 指标性质 (a comparator, 定性 or 定量), one
    /// 指标值 column, 度量单位 — as one raw text: `大于等于` `95` `%` → `≥95%`; `定性` `按时完成` → `按时完成`.
    /// A 指标值 that already starts with a comparator or ends with its unit is not given them twice. A 指标性质 the
    /// vocabulary does not know is returned in `unknownNature` (the caller keeps it and warns) and left out of the value.
    ///
    /// ```swift
    /// ValueColumns.combined(nature: "小于等于", value: "1000", unit: "万元", vocabulary: .standard).value.raw  // "≤1000万元"
    /// ```
    static func combined(nature: String?, value: String?, unit: String?, vocabulary: Vocabulary) -> (value: IndicatorValue, unknownNature: String?) {
        let text = value.map(TextNormalizer.trimmed) ?? ""
        var symbol = ""
        var unknown: String?
        if let nature = nature.map(TextNormalizer.trimmed), !nature.isEmpty {
            if let known = vocabulary.valueNatureSymbol(nature) {
                symbol = known == textSymbol ? "" : known
            } else {
                unknown = nature
            }
        }
        if symbols.contains(where: { text.hasPrefix($0) }) { symbol = "" }
        var unitText = unit.map(TextNormalizer.trimmed) ?? ""
        if !unitText.isEmpty && text.hasSuffix(unitText) { unitText = "" }
        if text.isEmpty && symbol.isEmpty && unitText.isEmpty { return (IndicatorValue(raw: ""), unknown) }
        return (IndicatorValue(raw: symbol + text + unitText), unknown)
    }

    /// The other direction of `combined`: a value as 指标性质 (in the system's words), 指标值 and 度量单位, losslessly.
    /// A plain quantity with one of the five comparators splits (`≥95%` → 大于等于, 95, %); one with no comparator is
    /// 定量 (`100%` → 定量, 100, %); anything else — a date, a sentence, a comparator spelled `>=` or `约` — is 定性 with
    /// the whole text in 指标值, so reading the columns back gives the same raw text.
    ///
    /// ```swift
    /// ValueColumns.natureSplit(IndicatorValue(raw: "≤1000万元"))  // ("小于等于", "1000", "万元")
    /// ```
    static func natureSplit(_ value: IndicatorValue) -> (nature: String, value: String, unit: String) {
        if value.raw.isEmpty { return ("", "", "") }
        let parts = canonicalSplit(value.raw, kind: value.kind, numeralUnits: true)
        if parts.symbol != textSymbol, let word = natureWords[parts.symbol] { return (word, parts.number, parts.unit) }
        return ("定性", value.raw, "")
    }

    /// The system's word for each comparator the columns can carry back exactly (`>=` would come back `≥`).
    private static let natureWords = ["≥": "大于等于", ">": "大于", "=": "等于", "<": "小于", "≤": "小于等于", "": "定量"]

    /// The value read from the three columns; `split` is kept only when it is not the canonical one.
    /// A 符号 the vocabulary calls text (`文字描述`, `定性`, `6`) means the text is in 单位.
    static func value(symbol: String, number: String, unit: String, vocabulary: Vocabulary = .standard) -> IndicatorValue {
        let raw: String
        // What the 值 cell already says is not said twice: a clerk who types `95%` there and `%` under 单位, or `≥95`
        // after choosing `≥`, means `≥95%` (as in `combined`); the split as read is kept for writing back.
        let unitText = !unit.isEmpty && number.hasByteSuffix(unit) ? "" : unit
        let symbolText = !symbol.isEmpty && !number.isEmpty && symbols.contains(where: { number.hasBytePrefix($0) }) ? "" : symbol
        if symbol == textSymbol || (symbol.isEmpty && number.isEmpty) || (!symbol.isEmpty && vocabulary.valueNatureSymbol(symbol) == textSymbol) {
            raw = number + unitText
        } else {
            raw = symbolText + number + unitText
        }
        var v = IndicatorValue(raw: raw)
        let read = SplitValue(symbol: symbol, number: number, unit: unit)
        if canonicalSplit(raw, kind: v.kind) != read { v.split = read }
        return v
    }
}
