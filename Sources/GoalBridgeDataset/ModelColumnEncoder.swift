import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Writes the dataset's `model_json` column: the same JSON that `JSONDecoder` reads back into the model,
/// written straight into a byte buffer as the model encodes itself.
///
/// Why not Foundation's `JSONEncoder`: it builds a tree of boxed values through generic, dynamically cast
/// code, and it does not scale across threads — 141 µs per goal table on one thread, 267 µs on each of two
/// at once (`goalbridge-bench json-par`). Collect encodes every table it stores, so that was a quarter of its
/// time. This encoder streams: a value's containers are closed when its `encode(to:)` returns, and a
/// parent container closes any nested one still open before it writes again. Code that goes back to a
/// container after a later sibling was written is refused (`misuse`), and the caller falls back to
/// `JSONEncoder`; the model's own `Codable` conformances never do that (tested over every example table).
///
/// Output: keys in encoding order, source cells in the compact `Sheet!B21` form, indicator values as their raw
/// text (the decoder derives the parsed form), `Decimal` as a JSON number, strings escaped as JSON requires and
/// otherwise kept as UTF-8.
public struct ModelColumnEncoder {
    /// An encoder; it keeps no state between calls.
    ///
    /// ```swift
    /// let encoder = ModelColumnEncoder()
    /// ```
    public init() {}

    enum Failure: Error { case misuse, nonFinite(Double) }

    /// The value as compact JSON text in the stored-model form; `JSONDecoder` reads it back to an equal value.
    ///
    /// ```swift
    /// let json = try ModelColumnEncoder().encode(table)
    /// let back = try JSONDecoder().decode(GoalTable.self, from: Data(json.utf8))
    /// ```
    public func encode<T: Encodable>(_ value: T) throws -> String {
        let writer = Writer()
        try writer.encodeValue(value, depth: 0)
        writer.close(downTo: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The output and the stack of open containers (`{` or `[`), with whether each has an element yet.
    final class Writer {
        struct Output {
            var bytes: [UInt8] = []
            var open: [(close: UInt8, hasElement: Bool)] = []
        }
        /// The output (OwnedState: no dynamic exclusivity check per byte). One encode call, one thread.
        private let output = OwnedState(Output())
        var out: UnsafeMutablePointer<Output> { output.pointer }

        init() { out.pointee.bytes.reserveCapacity(8 << 10) }

        var bytes: [UInt8] { out.pointee.bytes }

        /// Closes containers deeper than `depth`.
        func close(downTo depth: Int) {
            while out.pointee.open.count > depth { out.pointee.bytes.append(out.pointee.open.removeLast().close) }
        }

        /// Starts a container at `depth` (the encoder's level), or continues it when it is already the open one there.
        func openContainer(_ opening: UInt8, _ closing: UInt8, depth: Int) throws {
            if out.pointee.open.count == depth + 1, out.pointee.open[depth].close == closing { return }
            guard out.pointee.open.count == depth else { throw Failure.misuse }
            out.pointee.bytes.append(opening)
            out.pointee.open.append((closing, false))
        }

        /// Before an element of the container at `level`: close deeper ones, write the comma.
        func beginElement(level: Int) throws {
            guard out.pointee.open.count > level else { throw Failure.misuse }
            close(downTo: level + 1)
            if out.pointee.open[level].hasElement { out.pointee.bytes.append(UInt8(ascii: ",")) } else { out.pointee.open[level].hasElement = true }
        }

        func key(_ key: String, level: Int) throws {
            try beginElement(level: level)
            string(key)
            out.pointee.bytes.append(UInt8(ascii: ":"))
        }

        /// One exclusive access to `bytes` per string (a class property appended byte by byte pays
        /// Swift's dynamic exclusivity check on every byte).
        func string(_ s: String) { Writer.appendQuoted(s, to: &out.pointee.bytes) }

        static func appendQuoted(_ s: String, to out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            // Most text needs no escape: copy it whole. (A plain loop over the contiguous bytes: the generic
            // `utf8.contains(where:)` was a tenth of the encoder's time.)
            let copied = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
                for byte in b where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
                out.append(contentsOf: b)
                return true
            }
            if copied == true {
                out.append(UInt8(ascii: "\""))
                return
            }
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                default: out.append(b)
                }
            }
            out.append(UInt8(ascii: "\""))
        }

        func raw(_ s: String) { out.pointee.bytes.append(contentsOf: s.utf8) }

        func double(_ d: Double) throws {
            guard d.isFinite else { throw Failure.nonFinite(d) }
            if d == d.rounded(), abs(d) < 1e15 { raw(String(Int64(d))) } else { raw("\(d)") }
        }

        /// A source cell as `SourceCell.encode` writes it under `compactSourceCells`: `"Sheet!B21"`, or keyed when
        /// it carries the filled-down mark.
        func sourceCell(_ cell: SourceCell, depth: Int) throws {
            guard cell.filledDown != nil else { string(cell.description); return }
            try openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)
            try key("sheet", level: depth); string(cell.sheet)
            try key("cell", level: depth); string(cell.cell)
            try key("filledDown", level: depth); raw(cell.filledDown == true ? "true" : "false")
            close(downTo: depth)
        }

        /// Encodes a value whose encoder sits at `depth` (the number of containers open above it).
        func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
            // Type checks by metadata identity, not `as?` casts (dynamic casts were much of JSONEncoder's cost).
            if T.self == String.self { string(unsafeBitCast(value, to: String.self)) }
            else if T.self == Decimal.self { raw(unsafeBitCast(value, to: Decimal.self).description) }
            else if T.self == Int.self { raw(String(unsafeBitCast(value, to: Int.self))) }
            else if T.self == Bool.self { raw(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
            else if T.self == Double.self { try double(unsafeBitCast(value, to: Double.self)) }
            // Every indicator row carries its source cells: written here as `SourceCell` writes itself under
            // `compactSourceCells` (`"Sheet!B21"`), keys in the dictionary's order as `Dictionary.encode` does,
            // without the generic containers (they were a third of the encoder's time).
            else if T.self == SourceCell.self { try sourceCell(unsafeBitCast(value, to: SourceCell.self), depth: depth) }
            // An indicator value is stored as its raw text (with the 符号/值/单位 split when the sheet had one):
            // IndicatorValue's decoder derives every parsed field from these two and ignores the rest, so the
            // parsed fields would be written only to be thrown away — and they were a quarter of this encoder's
            // time. The dataset's `indicator` table keeps the parsed forms for SQL.
            else if T.self == IndicatorValue.self {
                let v = unsafeBitCast(value, to: IndicatorValue.self)
                if let split = v.split {
                    try openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)
                    try key("raw", level: depth); string(v.raw)
                    try key("split", level: depth); try encodeValue(split, depth: depth + 1)
                    close(downTo: depth)
                } else {
                    string(v.raw)
                }
            }
            else if T.self == [String: SourceCell].self {
                let cells = unsafeBitCast(value, to: [String: SourceCell].self)
                try openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)
                for (key, cell) in cells {
                    try self.key(key, level: depth)
                    try sourceCell(cell, depth: depth + 1)
                }
                close(downTo: depth)
            }
            else {
                let encoder = ValueEncoder(writer: self, depth: depth)
                let before = out.pointee.bytes.count
                try value.encode(to: encoder)
                // A value that wrote nothing is an empty object, as JSONEncoder writes it.
                if out.pointee.bytes.count == before && out.pointee.open.count == depth { raw("{}") }
                close(downTo: depth)
            }
        }
    }

    struct ValueEncoder: Encoder {
        let writer: Writer
        let depth: Int
        /// False for an encoder that must not be written through (a super-encoder, or under a key that failed).
        var valid = true
        var codingPath: [CodingKey] = []
        nonisolated(unsafe) static let info: [CodingUserInfoKey: Any] = [.compactSourceCells: true]
        var userInfo: [CodingUserInfoKey: Any] { ValueEncoder.info }

        init(writer: Writer, depth: Int, valid: Bool = true) {
            self.writer = writer
            self.depth = depth
            self.valid = valid
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            // Errors surface on the first write (the protocol gives this call no way to throw).
            let ok = valid && (try? writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)) != nil
            return KeyedEncodingContainer(Keyed<Key>(writer: writer, level: depth, valid: ok))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            let ok = valid && (try? writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), depth: depth)) != nil
            return Unkeyed(writer: writer, level: depth, valid: ok)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(writer: writer, depth: depth, valid: valid) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        let level: Int
        let valid: Bool
        var codingPath: [CodingKey] { [] }

        private func key(_ key: Key) throws {
            guard valid else { throw Failure.misuse }
            try writer.key(key.stringValue, level: level)
        }

        mutating func encodeNil(forKey key: Key) throws { try self.key(key); writer.raw("null") }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try self.key(key); writer.raw(value ? "true" : "false") }
        mutating func encode(_ value: String, forKey key: Key) throws { try self.key(key); writer.string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try self.key(key); try writer.double(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try self.key(key); try writer.double(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try self.key(key); writer.raw(String(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try self.key(key)
            try writer.encodeValue(value, depth: level + 1)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let ok = valid && (try? self.key(key)) != nil
            return ValueEncoder(writer: writer, depth: level + 1, valid: ok).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let ok = valid && (try? self.key(key)) != nil
            return ValueEncoder(writer: writer, depth: level + 1, valid: ok).unkeyedContainer()
        }

        // Super-encoders (class inheritance) never occur in the model: writing through one is refused.
        mutating func superEncoder() -> Encoder { ValueEncoder(writer: writer, depth: level + 1, valid: false) }
        mutating func superEncoder(forKey key: Key) -> Encoder { ValueEncoder(writer: writer, depth: level + 1, valid: false) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: Writer
        let level: Int
        let valid: Bool
        var codingPath: [CodingKey] { [] }
        private(set) var count = 0

        init(writer: Writer, level: Int, valid: Bool) {
            self.writer = writer
            self.level = level
            self.valid = valid
        }

        private mutating func element() throws {
            guard valid else { throw Failure.misuse }
            try writer.beginElement(level: level)
            count += 1
        }

        mutating func encodeNil() throws { try element(); writer.raw("null") }
        mutating func encode(_ value: Bool) throws { try element(); writer.raw(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { try element(); writer.string(value) }
        mutating func encode(_ value: Double) throws { try element(); try writer.double(value) }
        mutating func encode(_ value: Int) throws { try element(); writer.raw(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try element()
            try writer.encodeValue(value, depth: level + 1)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let ok = (try? element()) != nil
            return ValueEncoder(writer: writer, depth: level + 1, valid: ok).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let ok = (try? element()) != nil
            return ValueEncoder(writer: writer, depth: level + 1, valid: ok).unkeyedContainer()
        }

        mutating func superEncoder() -> Encoder { ValueEncoder(writer: writer, depth: level + 1, valid: false) }
    }

    struct Single: SingleValueEncodingContainer {
        let writer: Writer
        let depth: Int
        let valid: Bool
        var codingPath: [CodingKey] { [] }

        /// A single value is written once, where the encoder stands: nothing may be open below it.
        private func check() throws { guard valid, writer.out.pointee.open.count == depth else { throw Failure.misuse } }

        mutating func encodeNil() throws { try check(); writer.raw("null") }
        mutating func encode(_ value: Bool) throws { try check(); writer.raw(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { try check(); writer.string(value) }
        mutating func encode(_ value: Double) throws { try check(); try writer.double(value) }
        mutating func encode(_ value: Float) throws { try check(); try writer.double(Double(value)) }
        mutating func encode(_ value: Int) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: Int8) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: Int16) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: Int32) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: Int64) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: UInt) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: UInt8) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: UInt16) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: UInt32) throws { try check(); writer.raw(String(value)) }
        mutating func encode(_ value: UInt64) throws { try check(); writer.raw(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try check()
            try writer.encodeValue(value, depth: depth)
        }
    }
}
