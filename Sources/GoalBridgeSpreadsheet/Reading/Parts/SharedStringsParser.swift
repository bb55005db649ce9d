/// Reads `xl/sharedStrings.xml`. Rich-text runs are joined; phonetic (`rPh`) runs are skipped;
/// `<si></si>` and `<t/>` are empty strings, so no later string shifts into their place. A string with text in a
/// struck-through run is listed in `struck`.
final class SharedStringsParser: XMLPartHandler {
    /// What the callbacks change (OwnedState: no dynamic exclusivity check per access).
    private struct State {
        var strings: [String] = []
        var buffer: [UInt8] = []
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        /// The run being read strikes its text through (`<r><rPr><strike/>`); the item has struck text.
        var runStruck = false
        var itemStruck = false
        var struck: Set<Int> = []
    }
    private let state = OwnedState(State())
    private var s: UnsafeMutablePointer<State> { state.pointer }
    private let maxStrings: Int

    var strings: [String] { s.pointee.strings }
    /// The indices of strings with struck-through text.
    var struck: Set<Int> { s.pointee.struck }

    init(maxStrings: Int) {
        self.maxStrings = maxStrings
        super.init()
        s.pointee.strings.reserveCapacity(64) // a goal table's labels, without regrowing (see WorksheetParser)
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        // By the first byte, then the name: most elements are si, t and the run properties (rFont, sz, family …).
        switch name.pointer[0] {
        case UInt8(ascii: "s"):
            if name.is("si") {
                s.pointee.inItem = true
                s.pointee.itemStruck = false
                s.pointee.runStruck = false
                s.pointee.buffer.removeAll(keepingCapacity: true)
            } else if name.is("strike") {
                s.pointee.runStruck = StylesParser.isOn(attributes.string("val"))
            }
        case UInt8(ascii: "t") where name.pointer[1] == 0:
            s.pointee.inText = s.pointee.inItem && s.pointee.phoneticDepth == 0
        case UInt8(ascii: "r") where name.pointer[1] == 0:
            s.pointee.runStruck = false
        case UInt8(ascii: "r"):
            if name.is("rPh") { s.pointee.phoneticDepth += 1 }
        default:
            break
        }
    }

    override func end(_ name: XMLName) {
        if name.is("si") {
            if s.pointee.itemStruck { s.pointee.struck.insert(s.pointee.strings.count) }
            s.pointee.strings.append(s.pointee.buffer.withUnsafeBufferPointer { OOXMLText.decode($0) })
            s.pointee.inItem = false
            if s.pointee.strings.count > maxStrings {
                fail(SpreadsheetError(.limitExceeded(limit: "共享字符串数 shared strings", value: s.pointee.strings.count, maximum: maxStrings)))
            }
        } else if name.is("t") {
            s.pointee.inText = false
        } else if name.is("rPh") {
            s.pointee.phoneticDepth -= 1
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if s.pointee.inText {
            s.pointee.buffer.append(contentsOf: bytes)
            if s.pointee.runStruck && bytes.contains(where: { $0 > 0x20 }) { s.pointee.itemStruck = true }
        }
    }
}
