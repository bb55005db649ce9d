/// Reads `xl/sharedStrings.xml`. Rich-text runs are joined; phonetic (`rPh`) runs are skipped;
/// `<si></si>` and `<t/>` are empty strings, so no later string shifts into their place.
final class SharedStringsParser: XMLPartHandler {
    var strings: [String] = []
    private var buffer: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private let maxStrings: Int

    init(maxStrings: Int) {
        self.maxStrings = maxStrings
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
            buffer.removeAll(keepingCapacity: true)
        } else if name.is("t") {
            inText = inItem && phoneticDepth == 0
        } else if name.is("rPh") {
            phoneticDepth += 1
        }
    }

    override func end(_ name: XMLName) {
        if name.is("si") {
            strings.append(buffer.withUnsafeBufferPointer { OOXMLText.decode($0) })
            inItem = false
            if strings.count > maxStrings {
                fail(SpreadsheetError(.limitExceeded(limit: "共享字符串数 shared strings", value: strings.count, maximum: maxStrings)))
            }
        } else if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText { buffer.append(contentsOf: bytes) }
    }
}
