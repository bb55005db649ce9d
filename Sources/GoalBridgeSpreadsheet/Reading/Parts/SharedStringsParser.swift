/// Reads `xl/sharedStrings.xml`. Rich-text runs are joined; phonetic (`rPh`) runs are skipped;
/// `<si></si>` and `<t/>` are empty strings, so no later string shifts into their place.
final class SharedStringsParser: XMLPartHandler {
    /// What the callbacks change (OwnedState: no dynamic exclusivity check per access).
    private struct State {
        var strings: [String] = []
        var buffer: [UInt8] = []
        var inItem = false
        var inText = false
        var phoneticDepth = 0
    }
    private let state = OwnedState(State())
    private var s: UnsafeMutablePointer<State> { state.pointer }
    private let maxStrings: Int

    var strings: [String] { s.pointee.strings }

    init(maxStrings: Int) {
        self.maxStrings = maxStrings
        super.init()
        s.pointee.strings.reserveCapacity(64) // a goal table's labels, without regrowing (see WorksheetParser)
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            s.pointee.inItem = true
            s.pointee.buffer.removeAll(keepingCapacity: true)
        } else if name.is("t") {
            s.pointee.inText = s.pointee.inItem && s.pointee.phoneticDepth == 0
        } else if name.is("rPh") {
            s.pointee.phoneticDepth += 1
        }
    }

    override func end(_ name: XMLName) {
        if name.is("si") {
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
        if s.pointee.inText { s.pointee.buffer.append(contentsOf: bytes) }
    }
}
