import Foundation

/// Reads one worksheet part: cells and merged ranges. This is the hot path: bytes are
/// compared in place and one reused buffer collects text.
final class WorksheetParser: XMLPartHandler {
    private let sharedStrings: [String]
    private let numberStyles: [NumberStyle]
    /// Struck-through styles and shared strings (empty in most files: nothing is asked of a cell then, beyond the
    /// two flags — plain values, so that asking them retains nothing).
    private let struck: StruckText
    private let anyStruckStyle: Bool
    private let anyStruckString: Bool
    private let uses1904: Bool
    private let limits: ReadLimits

    /// Everything the callbacks change (OwnedState: no dynamic exclusivity check per access; the callbacks run
    /// several times per cell).
    private struct State {
        var cells: [Cell] = []
        var merges: [CellRange] = []
        var mergedArea = 0
        var outOfOrder = false
        // The cell being read.
        var row = -1
        var nextColumn = 0
        var inCell = false
        // Cells count only inside <sheetData><row> of the SpreadsheetML namespace: a <c> in an extension list or
        // in a namespace the file marks ignorable (mc:Ignorable) is not the cell.
        var inSheetData = false
        var inRow = false
        var mainNamespace: UnsafePointer<UInt8>?
        var notes: [ReaderNote] = []
        // Hidden rows that hold cells (`<row hidden="1">`), and hidden column ranges (`<col hidden="1">`).
        var hiddenRows: [Int] = []
        var hiddenColumns: [ClosedRange<Int>] = []
        var rowHidden = false
        var rowFirstCell = 0
        var reference = CellReference(row: 0, column: 0)
        var type: UInt8 = 0 // first byte of t=: s, b, e, i(nlineStr), n, d; "str" is 'S'
        var style = 0
        var hasValue = false
        var isFormula = false
        /// The cell has value metadata (`vm="1"`): a rich value such as a picture placed in the cell.
        var hasValueMetadata = false
        /// An inline rich text's run strikes its text through; the cell has struck text.
        var runStruck = false
        var cellStruck = false
        var capture = false
        var inInline = false
        var phoneticDepth = 0
        var text: [UInt8] = []
    }
    private let state = OwnedState(State())
    private var s: UnsafeMutablePointer<State> { state.pointer }

    var cells: [Cell] { s.pointee.cells }
    var notes: [ReaderNote] { s.pointee.notes }
    var hiddenRows: [Int] { s.pointee.hiddenRows }
    /// Hidden column ranges, sorted and joined where they touch (disjoint: together at most the sheet's columns).
    var hiddenColumns: [ClosedRange<Int>] {
        var joined: [ClosedRange<Int>] = []
        for range in s.pointee.hiddenColumns.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = joined.last, range.lowerBound <= last.upperBound + 1 {
                joined[joined.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                joined.append(range)
            }
        }
        return joined
    }

    /// SpreadsheetML's namespaces (transitional and strict). An element with no namespace is taken as SpreadsheetML
    /// too (some converters omit the declaration).
    private static let mainNamespaces: [StaticString] = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                                         "http://purl.oclc.org/ooxml/spreadsheetml/main"]

    @inline(__always)
    private func isMain(_ name: XMLName) -> Bool {
        guard let uri = name.uri, uri != s.pointee.mainNamespace else { return true }
        return isMainSlow(uri)
    }

    private func isMainSlow(_ uri: UnsafePointer<UInt8>) -> Bool {
        for ns in WorksheetParser.mainNamespaces where strcmp(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self),
                                                              UnsafeRawPointer(ns.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 {
            // libxml2 interns namespace names: the next element of this namespace has the same pointer.
            s.pointee.mainNamespace = uri
            return true
        }
        return false
    }

    /// When set, each row's cells are handed over at the row's end (row-major, the last one winning when a
    /// reference repeats) and not kept: a sheet of any length is read in the memory of one row.
    var rowSink: (([Cell]) throws -> Void)?
    /// What `rowSink` threw; the parse stopped there.
    private(set) var sinkError: Error?
    var merges: [CellRange] { s.pointee.merges }
    var mergedArea: Int { s.pointee.mergedArea }

    init(sharedStrings: [String], numberStyles: [NumberStyle], uses1904: Bool, limits: ReadLimits, struck: StruckText = StruckText()) {
        self.sharedStrings = sharedStrings
        self.numberStyles = numberStyles
        self.struck = struck
        anyStruckStyle = !struck.styles.isEmpty
        anyStruckString = !struck.strings.isEmpty
        self.uses1904 = uses1904
        self.limits = limits
        super.init()
        s.pointee.text.reserveCapacity(256)
        // Room for a goal table (≈ 100 cells, ≈ 50 merges) from the start: growing an array by appends copies
        // it at every doubling. A fixed amount, not the sheet's declared dimension (never size from input).
        s.pointee.cells.reserveCapacity(128)
        s.pointee.merges.reserveCapacity(64)
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        let first = name.pointer[0]
        switch first {
        case UInt8(ascii: "c") where name.pointer[1] == 0:
            if s.pointee.inRow && isMain(name) { startCell(attributes) }
        case UInt8(ascii: "c"):
            if !s.pointee.inSheetData && name.is("col") && isMain(name) { addColumns(attributes) }
        case UInt8(ascii: "v") where name.pointer[1] == 0:
            if s.pointee.inCell && isMain(name) { s.pointee.capture = true; s.pointee.hasValue = true; s.pointee.text.removeAll(keepingCapacity: true) }
        case UInt8(ascii: "f") where name.pointer[1] == 0:
            if s.pointee.inCell && isMain(name) { s.pointee.isFormula = true }
        case UInt8(ascii: "t") where name.pointer[1] == 0:
            if s.pointee.inInline && s.pointee.phoneticDepth == 0 && isMain(name) { s.pointee.capture = true }
        case UInt8(ascii: "s"):
            if name.is("sheetData") && isMain(name) { s.pointee.inSheetData = true }
            else if s.pointee.inInline && name.is("strike") { s.pointee.runStruck = StylesParser.isOn(attributes.string("val")) }
        case UInt8(ascii: "r") where name.pointer[1] == 0:
            // A run of an inline rich text: struck through or not, each run says.
            if s.pointee.inInline { s.pointee.runStruck = false }
        case UInt8(ascii: "r"):
            if name.is("row") {
                guard s.pointee.inSheetData && isMain(name) else { return }
                s.pointee.inRow = true
                if let r = attributes.bytes("r") {
                    guard let n = WorksheetParser.integer(r), n >= 1, n <= CellReference.maxRows else {
                        fail(SpreadsheetError(.badCellReference("row " + String(decoding: r, as: UTF8.self))))
                        return
                    }
                    s.pointee.row = n - 1
                } else {
                    s.pointee.row += 1
                }
                s.pointee.nextColumn = 0
                s.pointee.rowHidden = WorksheetParser.isTrue(attributes.bytes("hidden"))
                s.pointee.rowFirstCell = s.pointee.cells.count
            } else if name.is("rPh") {
                s.pointee.phoneticDepth += 1
            }
        case UInt8(ascii: "i"):
            if s.pointee.inCell && name.is("is") && isMain(name) {
                s.pointee.inInline = true
                s.pointee.hasValue = true
                s.pointee.text.removeAll(keepingCapacity: true)
            }
        case UInt8(ascii: "m"):
            if name.is("mergeCell") && isMain(name) { addMerge(attributes) }
        default:
            break
        }
    }

    private func startCell(_ attributes: XMLAttributes) {
        s.pointee.inCell = true
        s.pointee.hasValue = false
        s.pointee.isFormula = false
        s.pointee.hasValueMetadata = false
        s.pointee.runStruck = false
        s.pointee.cellStruck = false
        s.pointee.capture = false
        // A cell's text is its own: a cell with no <v> must not show the text of the cell before it.
        if !s.pointee.text.isEmpty { s.pointee.text.removeAll(keepingCapacity: true) }
        s.pointee.type = UInt8(ascii: "n")
        s.pointee.style = 0
        var explicitRef: CellReference?
        var unknownType: String?
        if let base = attributes.base {
            for i in 0..<attributes.count {
                let p = base + i * 5
                guard let local = p[0], let begin = p[3], let end = p[4] else { continue }
                guard local[1] == 0 else {
                    // `vm`: value metadata, what Excel gives a picture placed in a cell.
                    if local[0] == UInt8(ascii: "v") && local[1] == UInt8(ascii: "m") && local[2] == 0 { s.pointee.hasValueMetadata = true }
                    continue
                }
                let value = UnsafeBufferPointer(start: begin, count: end - begin)
                switch local[0] {
                case UInt8(ascii: "r"):
                    guard let ref = CellReference.parse(value) else {
                        fail(SpreadsheetError(.badCellReference(String(decoding: value, as: UTF8.self))))
                        return
                    }
                    explicitRef = ref
                case UInt8(ascii: "t"):
                    if let type = WorksheetParser.cellType(value) { s.pointee.type = type } else {
                        unknownType = String(decoding: value, as: UTF8.self)
                    }
                case UInt8(ascii: "s"):
                    s.pointee.style = WorksheetParser.integer(value) ?? 0
                default: break
                }
            }
        }
        if let explicitRef {
            s.pointee.reference = explicitRef
            if s.pointee.row < 0 { s.pointee.row = explicitRef.row }
        } else {
            // References are optional in the schema: the cell follows the previous one.
            guard s.pointee.nextColumn < CellReference.maxColumns else {
                fail(SpreadsheetError(.badCellReference("column \(s.pointee.nextColumn + 1)")))
                return
            }
            s.pointee.reference = CellReference(row: max(s.pointee.row, 0), column: s.pointee.nextColumn)
        }
        s.pointee.nextColumn = s.pointee.reference.column + 1
        if let unknownType {
            // An amount read as TRUE because its type began with b would be worse than refusing the file.
            fail(SpreadsheetError(.unknownCellType(unknownType), SpreadsheetLocation(cell: s.pointee.reference.description)))
        }
    }

    /// The cell types of ECMA-376 §18.18.11, as one byte each ("str" is 'S'); nil for anything else.
    @inline(__always)
    static func cellType(_ value: UnsafeBufferPointer<UInt8>) -> UInt8? {
        switch value.count {
        case 0: return UInt8(ascii: "n")
        case 1:
            switch value[0] {
            case UInt8(ascii: "s"), UInt8(ascii: "b"), UInt8(ascii: "e"), UInt8(ascii: "n"), UInt8(ascii: "d"): return value[0]
            default: return nil
            }
        case 3:
            return value[0] == UInt8(ascii: "s") && value[1] == UInt8(ascii: "t") && value[2] == UInt8(ascii: "r") ? UInt8(ascii: "S") : nil
        case 9:
            // "inlineStr"
            return value[0] == UInt8(ascii: "i") && value[6] == UInt8(ascii: "S") && memcmp(value.baseAddress!, "inlineStr", 9) == 0 ? UInt8(ascii: "i") : nil
        default: return nil
        }
    }

    override func end(_ name: XMLName) {
        let first = name.pointer[0]
        if first == UInt8(ascii: "c") && name.pointer[1] == 0 {
            guard s.pointee.inCell && isMain(name) else { return }
            finishCell()
            s.pointee.inCell = false
        } else if (first == UInt8(ascii: "v") || first == UInt8(ascii: "t")) && name.pointer[1] == 0 {
            s.pointee.capture = false
        } else if first == UInt8(ascii: "i") && name.is("is") {
            s.pointee.inInline = false
        } else if first == UInt8(ascii: "r") && name.is("rPh") {
            s.pointee.phoneticDepth -= 1
        } else if first == UInt8(ascii: "s") && name.is("sheetData") && isMain(name) {
            s.pointee.inSheetData = false
            s.pointee.inRow = false
        } else if first == UInt8(ascii: "r") && rowSink == nil && name.is("row") && isMain(name) {
            s.pointee.inRow = false
            if s.pointee.rowHidden && s.pointee.cells.count > s.pointee.rowFirstCell { s.pointee.hiddenRows.append(max(s.pointee.row, 0)) }
        } else if first == UInt8(ascii: "r"), let rowSink, name.is("row"), isMain(name) {
            s.pointee.inRow = false
            let row = sortedCells()
            s.pointee.cells.removeAll(keepingCapacity: true)
            s.pointee.outOfOrder = false
            do { try rowSink(row) } catch {
                sinkError = error
                finishEarly()
            }
        } else if first == UInt8(ascii: "m") && name.is("mergeCells") {
            // The schema puts mergeCells after sheetData and before data validations, conditional formats and
            // page setup — none of which a reader of values needs (in a goal table template, the validations
            // alone are a seventh of the sheet). A second mergeCells element is invalid (Excel rejects it).
            finishEarly()
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if s.pointee.capture {
            s.pointee.text.append(contentsOf: bytes)
            if s.pointee.runStruck && bytes.contains(where: { $0 > 0x20 }) { s.pointee.cellStruck = true }
        }
    }

    private func finishCell() {
        let value: CellValue
        let hasText = s.pointee.hasValue && !s.pointee.text.isEmpty
        switch s.pointee.type {
        case UInt8(ascii: "s"):
            guard hasText else {
                // `<c t="s"><v/></c>`: other readers silently return string 0 here.
                fail(SpreadsheetError(.missingSharedStringIndex, SpreadsheetLocation(cell: s.pointee.reference.description)))
                return
            }
            guard let index = s.pointee.text.withUnsafeBufferPointer({ WorksheetParser.integer($0) }), index < sharedStrings.count else {
                let shown = s.pointee.text.withUnsafeBufferPointer { WorksheetParser.integer($0) } ?? -1
                fail(SpreadsheetError(.sharedStringIndexOutOfRange(index: shown, count: sharedStrings.count),
                                      SpreadsheetLocation(cell: s.pointee.reference.description)))
                return
            }
            value = .string(sharedStrings[index])
            if anyStruckString, struck.strings.contains(index) { s.pointee.notes.append(ReaderNote(.struckThrough, s.pointee.reference)) }
        case UInt8(ascii: "i"), UInt8(ascii: "S"):
            if !s.pointee.hasValue {
                // A string formula with no <v>: its result was never saved (an empty <v/> is an empty result).
                guard s.pointee.isFormula else { return }
                value = formulaWithoutResult()
                break
            }
            if s.pointee.isFormula && s.pointee.text.withUnsafeBufferPointer({ WorksheetParser.isPictureFormulaText($0) }) {
                s.pointee.notes.append(ReaderNote(.pictureInCell, s.pointee.reference))
                return
            }
            value = .string(s.pointee.text.withUnsafeBufferPointer { OOXMLText.decode($0) })
            if s.pointee.cellStruck { s.pointee.notes.append(ReaderNote(.struckThrough, s.pointee.reference)) }
        case UInt8(ascii: "b"):
            guard hasText else { guard s.pointee.isFormula else { return }; value = formulaWithoutResult(); break }
            value = .bool(s.pointee.text[0] == UInt8(ascii: "1") || s.pointee.text[0] == UInt8(ascii: "t") || s.pointee.text[0] == UInt8(ascii: "T"))
        case UInt8(ascii: "e"):
            if s.pointee.hasValueMetadata {
                s.pointee.notes.append(ReaderNote(.pictureInCell, s.pointee.reference))
                return
            }
            guard hasText else { guard s.pointee.isFormula else { return }; value = formulaWithoutResult(); break }
            value = .error(String(decoding: s.pointee.text, as: UTF8.self))
        case UInt8(ascii: "d"):
            // ISO 8601 text (strict OOXML); kept as written.
            guard hasText else { guard s.pointee.isFormula else { return }; value = formulaWithoutResult(); break }
            value = .string(String(decoding: s.pointee.text, as: UTF8.self))
        default:
            guard hasText else {
                // A formula with no cached value (openpyxl writes <v/>), or a styled blank.
                guard s.pointee.isFormula else { return }
                value = formulaWithoutResult()
                break
            }
            guard let number = parseDouble() else {
                fail(SpreadsheetError(.badNumber(String(decoding: s.pointee.text.prefix(40), as: UTF8.self)), SpreadsheetLocation(cell: s.pointee.reference.description)))
                return
            }
            switch s.pointee.style < numberStyles.count ? numberStyles[s.pointee.style] : .plain {
            case .date(let pattern) where ExcelDate.representable(number):
                value = .date(ExcelDate(serial: number, uses1904: uses1904, pattern: pattern))
            case .percent(let decimals):
                value = .percent(number, decimals: decimals)
            case .literal(let prefix, let suffix, let decimals, let percent):
                // What the clerk sees (`342人`, `≥95%`): the words are part of the value, the number is the cell's.
                let shown = percent ? CellValue.format(percent: number, decimals: decimals)
                                    : CellValue.format(number: number, decimals: decimals)
                value = .string(prefix + shown + suffix)
            default:
                // A date-formatted number beyond 9999-12-31 is shown as ##### by Excel: kept as the number it is.
                value = .number(number)
            }
        }
        if let last = s.pointee.cells.last, !(last.reference < s.pointee.reference) { s.pointee.outOfOrder = true }
        s.pointee.cells.append(Cell(s.pointee.reference, value, isFormula: s.pointee.isFormula))
        if anyStruckStyle { noteStruckStyle() }
        // Stop while parsing, not after: memory stays within the budget (rows handed to a sink are not kept).
        if rowSink == nil, s.pointee.cells.count > limits.maxCells {
            fail(SpreadsheetError(.limitExceeded(limit: "单元格数 cells", value: s.pointee.cells.count, maximum: limits.maxCells)))
        }
    }

    /// The cell just read, when its style strikes its text through: noted unless empty or noted already (a struck
    /// shared string).
    @inline(never)
    private func noteStruckStyle() {
        let style = s.pointee.style
        guard style < struck.styles.count, struck.styles[style], let cell = s.pointee.cells.last, !cell.value.text.isEmpty,
              s.pointee.notes.last != ReaderNote(.struckThrough, s.pointee.reference) else { return }
        s.pointee.notes.append(ReaderNote(.struckThrough, s.pointee.reference))
    }

    /// The text WPS saves for a picture placed in a cell: `=DISPIMG("ID_…",1)` (`=_xlfn.DISPIMG(` in some versions).
    static func isPictureFormulaText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        func starts(with prefix: StaticString) -> Bool {
            text.count >= prefix.utf8CodeUnitCount && memcmp(text.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
        }
        return text.count > 8 && text[0] == UInt8(ascii: "=") && (starts(with: "=DISPIMG(") || starts(with: "=_xlfn.DISPIMG("))
    }

    /// A formula cell whose result was never saved: kept as an empty formula cell, and noted.
    private func formulaWithoutResult() -> CellValue {
        s.pointee.notes.append(ReaderNote(.formulaWithoutResult, s.pointee.reference))
        return .string("")
    }

    /// The number in the text buffer, by the grammar of xsd:double as OOXML writes it: an optional sign, digits
    /// with an optional fraction (or a fraction alone), an optional exponent. No hex (`0x10`), no `inf`/`nan`, no
    /// spaces; a value beyond Double's range is refused, not turned into infinity.
    private func parseDouble() -> Double? {
        guard s.pointee.text.withUnsafeBufferPointer({ WorksheetParser.isDecimalNumber($0) }) else { return nil }
        s.pointee.text.append(0)
        defer { s.pointee.text.removeLast() }
        return s.pointee.text.withUnsafeBufferPointer { buf -> Double? in
            buf.withMemoryRebound(to: CChar.self) { c in
                var end: UnsafeMutablePointer<CChar>?
                let d = strtod(c.baseAddress!, &end)
                guard let end, end == UnsafeMutablePointer(mutating: c.baseAddress! + (buf.count - 1)) else { return nil }
                return d.isFinite ? d : nil
            }
        }
    }

    static func isDecimalNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        let start = i
        while i < n, isDigit(b[i]) { i += 1 }
        var mantissa = i - start
        if i < n, b[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < n, isDigit(b[i]) { i += 1 }
            mantissa += i - f
        }
        guard mantissa > 0 else { return false }
        if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let e = i
            while i < n, isDigit(b[i]) { i += 1 }
            guard i > e else { return false }
        }
        return i == n
    }

    /// `<col min="6" max="6" hidden="1"/>`: a hidden column range (1-based, inclusive in the file), kept as written
    /// (`hiddenColumns` sorts and joins them); at most as many as a sheet has columns.
    private func addColumns(_ attributes: XMLAttributes) {
        guard s.pointee.hiddenColumns.count < CellReference.maxColumns, WorksheetParser.isTrue(attributes.bytes("hidden")),
              let low = attributes.bytes("min").flatMap(WorksheetParser.integer), let high = attributes.bytes("max").flatMap(WorksheetParser.integer),
              low >= 1, low <= min(high, CellReference.maxColumns) else { return }
        s.pointee.hiddenColumns.append((low - 1)...(min(high, CellReference.maxColumns) - 1))
    }

    /// An xsd:boolean attribute: `1` or `true`.
    static func isTrue(_ value: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let value, let first = value.first else { return false }
        return first == UInt8(ascii: "1") || first == UInt8(ascii: "t")
    }

    private func addMerge(_ attributes: XMLAttributes) {
        guard let ref = attributes.bytes("ref") else { return }
        guard let range = WorksheetParser.range(ref) else {
            fail(SpreadsheetError(.badCellReference(String(decoding: ref, as: UTF8.self))))
            return
        }
        s.pointee.merges.append(range)
        s.pointee.mergedArea += range.area
        if s.pointee.merges.count > limits.maxMerges {
            fail(SpreadsheetError(.limitExceeded(limit: "合并单元格数 merged ranges", value: s.pointee.merges.count, maximum: limits.maxMerges)))
        } else if s.pointee.mergedArea > limits.maxMergedArea {
            fail(SpreadsheetError(.limitExceeded(limit: "合并区域总面积 merged area", value: s.pointee.mergedArea, maximum: limits.maxMergedArea)))
        }
    }

    /// Cells in row-major order, the last one winning when a reference repeats.
    func sortedCells() -> [Cell] {
        guard s.pointee.outOfOrder else { return s.pointee.cells }
        var seen = Set<CellReference>()
        var result: [Cell] = []
        for cell in s.pointee.cells.reversed() {
            if seen.insert(cell.reference).inserted { result.append(cell) } else { s.pointee.notes.append(ReaderNote(.repeatedCell, cell.reference)) }
        }
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

/// Which of a workbook's cell styles strike their text through (by the font they use), and which shared strings have
/// struck-through text in a run: what the reader asks to note a struck-through cell.
struct StruckText {
    var styles: [Bool] = []
    var strings: Set<Int> = []
}
