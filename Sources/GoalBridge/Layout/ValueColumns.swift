import GoalBridgeModel

/// How an indicator value maps to the 符号 / 值 / 单位 columns, losslessly.
///
/// A value is split only when `symbol + number + unit` spells its raw text exactly;
/// anything else goes whole into 单位 with 符号 `文字描述`, so reading the columns back
/// always gives the same raw text.
enum ValueColumns {
    static let textSymbol = "文字描述"
    static let symbols = [">=", "<=", "≥", "≤", "≧", "≦", "=", ">", "<", "≈", "约"]

    static func split(_ value: IndicatorValue) -> SplitValue {
        if let split = value.split { return split }
        return canonicalSplit(value.raw, kind: value.kind)
    }

    static func canonicalSplit(_ raw: String, kind known: ValueKind? = nil) -> SplitValue {
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
        let unit = String(rest[end...])
        let numberIsValid = digits > 0 && !number.hasSuffix(".") && number.first != "."
        let unitIsClean = !unit.contains(where: { $0.isNumber || $0.isWhitespace || $0 == "(" || $0 == "（" }) && unit.count <= 8
        if numberIsValid && unitIsClean && symbol.utf8.count + number.utf8.count + unit.utf8.count == raw.utf8.count {
            return SplitValue(symbol: symbol, number: number, unit: unit)
        }
        return SplitValue(symbol: textSymbol, number: "", unit: raw)
    }

    /// The value read from the three columns; `split` is kept only when it is not the canonical one.
    static func value(symbol: String, number: String, unit: String) -> IndicatorValue {
        let raw: String
        if symbol == textSymbol || (symbol.isEmpty && number.isEmpty) {
            raw = number + unit
        } else {
            raw = symbol + number + unit
        }
        var v = IndicatorValue(raw: raw)
        let read = SplitValue(symbol: symbol, number: number, unit: unit)
        if canonicalSplit(raw, kind: v.kind) != read { v.split = read }
        return v
    }
}
