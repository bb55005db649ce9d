/// Reads `docProps/core.xml` (title, subject, creator) and `docProps/app.xml` (Company).
final class CorePropertiesParser: XMLPartHandler {
    var values: [String: String] = [:]
    private var current: String?
    private var buffer: [UInt8] = []

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        let key: String? = name.is("title") ? "title" : name.is("subject") ? "subject" : name.is("creator") ? "creator" : name.is("Company") ? "Company" : nil
        if let key {
            current = key
            buffer.removeAll(keepingCapacity: true)
        }
    }

    override func end(_ name: XMLName) {
        if let c = current, name.string == c {
            values[c] = String(decoding: buffer, as: UTF8.self)
            current = nil
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if current != nil { buffer.append(contentsOf: bytes) }
    }
}

/// Reads `docProps/custom.xml`: `<property name="…"><vt:lpwstr>…</vt:lpwstr></property>`.
final class CustomPropertiesParser: XMLPartHandler {
    var values: [String: CustomPropertyValue] = [:]
    private var name: String?
    private var valueType: String?
    private var buffer: [UInt8] = []

    override func start(_ element: XMLName, _ attributes: XMLAttributes) {
        if element.is("property") {
            name = attributes.string("name")
        } else if name != nil {
            valueType = element.string
            buffer.removeAll(keepingCapacity: true)
        }
    }

    override func end(_ element: XMLName) {
        if element.is("property") {
            name = nil
        } else if let n = name, let t = valueType, element.string == t {
            let text = String(decoding: buffer, as: UTF8.self)
            switch t {
            case "bool": values[n] = .bool(text == "true" || text == "1")
            case "i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint", "r4", "r8", "decimal":
                values[n] = Double(text).map(CustomPropertyValue.number) ?? .string(text)
            default: values[n] = .string(text)
            }
            valueType = nil
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if valueType != nil { buffer.append(contentsOf: bytes) }
    }
}
