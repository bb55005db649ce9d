import Foundation

/// Reads one worksheet part: cells and merged ranges. This is the hot path: bytes are
/// compared in place and one reused buffer collects text.
final class WorksheetParser: XMLPartHandler {
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let uses1904: Bool
    private let limits: ReadLimits

    private(set) var cells: [Cell] = []
    private(set) var merges: [CellRange] = []
    private(set) var mergedArea = 0
    private var outOfOrder = false

    // State of the cell being read.
    private var row = -1
    private var nextColumn = 0
    private var inCell = false
    private var reference = CellReference(row: 0, column: 0)
    private var type: UInt8 = 0 // first byte of t=: s, b, e, i(nlineStr), n, d; "str" is 'S'
    private var style = 0
    private var hasValue = false
    private var isFormula = false
    private var capture = false
    private var inInline = false
    private var phoneticDepth = 0
    private var text: [UInt8] = []

    init(sharedStrings: [String], dateStyles: [Bool], uses1904: Bool, limits: ReadLimits) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
        self.limits = limits
        text.reserveCapacity(256)
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        let first = name.pointer[0]
        switch first {
        case UInt8(ascii: "c") where name.pointer[1] == 0:
            startCell(attributes)
        case UInt8(ascii: "v") where name.pointer[1] == 0:
            if inCell { capture = true; hasValue = true; text.removeAll(keepingCapacity: true) }
        case UInt8(ascii: "f") where name.pointer[1] == 0:
            if inCell { isFormula = true }
        case UInt8(ascii: "t") where name.pointer[1] == 0:
            if inInline && phoneticDepth == 0 { capture = true }
        case UInt8(ascii: "r"):
            if name.is("row") {
                if let r = attributes.bytes("r") {
                    guard let n = WorksheetParser.integer(r), n >= 1, n <= CellReference.maxRows else {
                        fail(SpreadsheetError(.badCellReference("row " + String(decoding: r, as: UTF8.self))))
                        return
                    }
                    row = n - 1
                } else {
                    row += 1
                }
                nextColumn = 0
            } else if name.is("rPh") {
                phoneticDepth += 1
            }
        case UInt8(ascii: "i"):
            if inCell && name.is("is") {
                inInline = true
                hasValue = true
                text.removeAll(keepingCapacity: true)
            }
        case UInt8(ascii: "m"):
            if name.is("mergeCell") { addMerge(attributes) }
        default:
            break
        }
    }

    private func startCell(_ attributes: XMLAttributes) {
        inCell = true
        hasValue = false
        isFormula = false
        type = UInt8(ascii: "n")
        style = 0
        var explicitRef: CellReference?
        if let base = attributes.base {
            for i in 0..<attributes.count {
                let p = base + i * 5
                guard let local = p[0], let begin = p[3], let end = p[4], local[1] == 0 else { continue }
                let value = UnsafeBufferPointer(start: begin, count: end - begin)
                switch local[0] {
                case UInt8(ascii: "r"):
                    guard let ref = CellReference.parse(value) else {
                        fail(SpreadsheetError(.badCellReference(String(decoding: value, as: UTF8.self))))
                        return
                    }
                    explicitRef = ref
                case UInt8(ascii: "t"):
                    if value.count > 0 {
                        type = value[0]
                        if value.count == 3 && value[0] == UInt8(ascii: "s") { type = UInt8(ascii: "S") } // "str"
                    }
                case UInt8(ascii: "s"):
                    style = WorksheetParser.integer(value) ?? 0
                default: break
                }
            }
        }
        if let explicitRef {
            reference = explicitRef
            if row < 0 { row = explicitRef.row }
        } else {
            // References are optional in the schema: the cell follows the previous one.
            guard nextColumn < CellReference.maxColumns else {
                fail(SpreadsheetError(.badCellReference("column \(nextColumn + 1)")))
                return
            }
            reference = CellReference(row: max(row, 0), column: nextColumn)
        }
        nextColumn = reference.column + 1
    }

    override func end(_ name: XMLName) {
        let first = name.pointer[0]
        if first == UInt8(ascii: "c") && name.pointer[1] == 0 {
            if inCell { finishCell() }
            inCell = false
        } else if (first == UInt8(ascii: "v") || first == UInt8(ascii: "t")) && name.pointer[1] == 0 {
            capture = false
        } else if first == UInt8(ascii: "i") && name.is("is") {
            inInline = false
        } else if first == UInt8(ascii: "r") && name.is("rPh") {
            phoneticDepth -= 1
        } else if first == UInt8(ascii: "m") && name.is("mergeCells") {
            // The schema puts mergeCells after sheetData and before data validations, conditional formats and
            // page setup — none of which a reader of values needs (in a goal table template, the validations
            // alone are a seventh of the sheet). A second mergeCells element is invalid (Excel rejects it).
            finishEarly()
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capture { text.append(contentsOf: bytes) }
    }

    private func finishCell() {
        let value: CellValue
        switch type {
        case UInt8(ascii: "s"):
            guard hasValue, !text.isEmpty else {
                // `<c t="s"><v/></c>`: other readers silently return string 0 here.
                fail(SpreadsheetError(.missingSharedStringIndex, SpreadsheetLocation(cell: reference.description)))
                return
            }
            guard let index = text.withUnsafeBufferPointer({ WorksheetParser.integer($0) }), index < sharedStrings.count else {
                let shown = text.withUnsafeBufferPointer { WorksheetParser.integer($0) } ?? -1
                fail(SpreadsheetError(.sharedStringIndexOutOfRange(index: shown, count: sharedStrings.count),
                                      SpreadsheetLocation(cell: reference.description)))
                return
            }
            value = .string(sharedStrings[index])
        case UInt8(ascii: "i"), UInt8(ascii: "S"):
            if !hasValue && !isFormula { return }
            value = .string(text.withUnsafeBufferPointer { OOXMLText.decode($0) })
        case UInt8(ascii: "b"):
            guard hasValue, !text.isEmpty else { if isFormula { value = .string("") ; break }; return }
            value = .bool(text[0] == UInt8(ascii: "1") || text[0] == UInt8(ascii: "t") || text[0] == UInt8(ascii: "T"))
        case UInt8(ascii: "e"):
            value = .error(String(decoding: text, as: UTF8.self))
        case UInt8(ascii: "d"):
            // ISO 8601 text (strict OOXML); kept as written.
            value = .string(String(decoding: text, as: UTF8.self))
        default:
            guard hasValue, !text.isEmpty else {
                if isFormula { value = .string(""); break } // formula with no cached value (openpyxl)
                return // a styled blank
            }
            guard let number = parseDouble() else {
                fail(SpreadsheetError(.badNumber(String(decoding: text, as: UTF8.self)), SpreadsheetLocation(cell: reference.description)))
                return
            }
            if style < dateStyles.count && dateStyles[style] {
                value = .date(ExcelDate(serial: number, uses1904: uses1904))
            } else {
                value = .number(number)
            }
        }
        if let last = cells.last, !(last.reference < reference) { outOfOrder = true }
        cells.append(Cell(reference, value, isFormula: isFormula))
    }

    private func parseDouble() -> Double? {
        text.append(0)
        defer { text.removeLast() }
        return text.withUnsafeBufferPointer { buf -> Double? in
            buf.withMemoryRebound(to: CChar.self) { c in
                var end: UnsafeMutablePointer<CChar>?
                let d = strtod(c.baseAddress!, &end)
                guard let end, end == UnsafeMutablePointer(mutating: c.baseAddress! + (buf.count - 1)) else { return nil }
                return d.isFinite ? d : nil
            }
        }
    }

    private func addMerge(_ attributes: XMLAttributes) {
        guard let ref = attributes.bytes("ref") else { return }
        guard let range = WorksheetParser.range(ref) else {
            fail(SpreadsheetError(.badCellReference(String(decoding: ref, as: UTF8.self))))
            return
        }
        merges.append(range)
        mergedArea += range.area
        if merges.count > limits.maxMerges {
            fail(SpreadsheetError(.limitExceeded(limit: "合并单元格数 merged ranges", value: merges.count, maximum: limits.maxMerges)))
        } else if mergedArea > limits.maxMergedArea {
            fail(SpreadsheetError(.limitExceeded(limit: "合并区域总面积 merged area", value: mergedArea, maximum: limits.maxMergedArea)))
        }
    }

    /// Cells in row-major order, the last one winning when a reference repeats.
    func sortedCells() -> [Cell] {
        guard outOfOrder else { return cells }
        var seen = Set<CellReference>()
        var result: [Cell] = []
        for cell in cells.reversed() where seen.insert(cell.reference).inserted { result.append(cell) }
        return result.sorted { $0.reference < $1.reference }
    }

    /// `A5:A9` (or a single `A5`) parsed in place.
    static func range(_ ref: UnsafeBufferPointer<UInt8>) -> CellRange? {
        guard let colon = ref.firstIndex(of: UInt8(ascii: ":")) else {
            return CellReference.parse(ref).map { CellRange(first: $0, last: $0) }
        }
        guard let a = CellReference.parse(UnsafeBufferPointer(rebasing: ref[..<colon])),
              let b = CellReference.parse(UnsafeBufferPointer(rebasing: ref[(colon + 1)...])) else { return nil }
        return CellRange(first: a, last: b)
    }

    @inline(__always)
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var n = 0
        for c in b {
            guard c >= 48 && c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }
}
