import Foundation
import GoalBridgeSpreadsheet
import GoalBridge
import GoalBridgeModel

/// JSON encoding used for every document GoalBridge writes: sorted keys, so files diff cleanly.
enum ModelJSON {
    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }

    static func readDocument(_ path: String) throws -> GoalDocument {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(GoalDocument.self, from: data)
    }

    /// Writes atomically (temporary file beside the target, then rename).
    static func write(_ text: String, to path: String) throws {
        try InputGuard.check(target: path)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// One file's import, as `goalbridge import --json` prints it.
struct ImportReport: Encodable {
    var file: String?
    var tables: [GoalTable]
    var diagnostics: [Diagnostic]
}


