import Foundation
import GoalBridgeModel

/// Reads one layout file the way a bureau writes it, by hand: every mistake is said in Chinese with where it is — the
/// JSON line and column of a syntax error, the path of a key (`rows[7].cells[2].field`) — what is wrong, and the
/// valid choices or a "did you mean". Unknown keys are errors (a misspelled key must not be silently ignored).
public enum LayoutFile {
    /// Keys each object of a layout may have, by the object's kind.
    static let allowedKeys: [String: Set<String>] = [
        "layout": ["id", "name", "version", "kind", "sheetName", "columnWidths", "anchor", "requiredLabels", "defaultTitle", "rows",
                   "lists", "landscape", "instructions", "knownLines", "titleTemplate"],
        "fixedRow": ["cells", "height"],
        "cell": ["text", "label", "field", "type", "span", "rows", "role", "list", "hint"],
        "indicators": ["scope", "caption", "columns", "templateRowsPerGroup", "optional", "captionSpansHeader", "qualitativeMarker"],
        "indicatorColumn": ["role", "header", "group", "span", "list", "scope"],
        "spendingPlan": ["percentLabel", "amountLabel", "defaultPoints", "pointSpan", "underLabel"],
        "extras": ["labelSpan"],
        "records": ["columns", "templateRows", "caption"],
        "recordColumn": ["field", "header", "span", "fillDown", "captionField"],
        "list": ["values", "source"],
    ]

    /// The valid values of the layout's enumerations, for messages.
    static let choices: [String: [String]] = [
        "kind": ["project", "departmentIndicators", "departmentStrategic", "departmentPerformance", "projectList"],
        "role": IndicatorRole.allCases.map(\.rawValue),
        "type": ["text", "amount", "year"],
    ]

    /// Decodes and validates a layout file's bytes; `file` names it in errors.
    public static func load(_ data: Data, file: String) throws -> LayoutSpec {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw LayoutError(file: file, reason: syntaxError(error, data))
        }
        try checkKeys(json, kind: "layout", path: "", file: file)
        let spec: LayoutSpec
        do {
            spec = try JSONDecoder().decode(LayoutSpec.self, from: data)
        } catch let error as DecodingError {
            throw LayoutError(file: file, reason: describe(error))
        }
        try LayoutCatalog.validate(spec, file: file)
        return spec
    }

    /// "第 4 行第 3 列：JSON 格式错误" from Foundation's "around character N".
    static func syntaxError(_ error: Error, _ data: Data) -> String {
        let debug = ((error as NSError).userInfo["NSDebugDescription"] as? String) ?? ""
        guard let range = debug.range(of: #"character (\d+)"#, options: .regularExpression),
              let offset = Int(debug[range].dropFirst("character ".count)) else {
            return "不是有效的 JSON（请检查逗号、引号和括号是否成对）。"
        }
        var line = 1, column = 1
        for (i, byte) in data.enumerated() where i < offset {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return "第 \(line) 行第 \(column) 列附近不是有效的 JSON（常见原因：上一行末尾缺少逗号，或引号、括号不成对）。"
    }

    /// Every object's keys against those its kind allows.
    static func checkKeys(_ value: Any, kind: String, path: String, file: String) throws {
        guard let object = value as? [String: Any] else { return }
        let allowed = allowedKeys[kind] ?? []
        for key in object.keys.sorted() where !allowed.contains(key) {
            let guess = closest(key, among: allowed).map { "，是否应为“\($0)”" } ?? ""
            throw LayoutError(file: file, reason: "\(path.isEmpty ? "顶层" : path) 有未知的键“\(key)”\(guess)。可用的键：\(allowed.sorted().joined(separator: "、"))。")
        }
        func each(_ key: String, _ childKind: String) throws {
            if let list = object[key] as? [Any] {
                for (i, item) in list.enumerated() { try checkKeys(item, kind: childKind, path: join(path, "\(key)[\(i)]"), file: file) }
            }
        }
        switch kind {
        case "layout":
            if let rows = object["rows"] as? [Any] {
                for (i, row) in rows.enumerated() {
                    let p = join(path, "rows[\(i)]")
                    guard let r = row as? [String: Any] else { continue }
                    if let block = r["indicators"] { try checkKeys(block, kind: "indicators", path: p + ".indicators", file: file); try requireOnly(r, "indicators", p, file) }
                    else if let plan = r["spendingPlan"] { try checkKeys(plan, kind: "spendingPlan", path: p + ".spendingPlan", file: file); try requireOnly(r, "spendingPlan", p, file) }
                    else if let extras = r["extras"] { try checkKeys(extras, kind: "extras", path: p + ".extras", file: file); try requireOnly(r, "extras", p, file) }
                    else if let records = r["records"] { try checkKeys(records, kind: "records", path: p + ".records", file: file); try requireOnly(r, "records", p, file) }
                    else { try checkKeys(r, kind: "fixedRow", path: p, file: file) }
                }
            }
            if let lists = object["lists"] as? [String: Any] {
                for (name, list) in lists { try checkKeys(list, kind: "list", path: join(path, "lists.\(name)"), file: file) }
            }
        case "fixedRow": try each("cells", "cell")
        case "indicators": try each("columns", "indicatorColumn")
        case "records": try each("columns", "recordColumn")
        default: break
        }
    }

    /// A row that is a block holds that block only.
    private static func requireOnly(_ row: [String: Any], _ key: String, _ path: String, _ file: String) throws {
        if let other = row.keys.sorted().first(where: { $0 != key }) {
            throw LayoutError(file: file, reason: "\(path) 是“\(key)”区，不能同时有“\(other)”。")
        }
    }

    private static func join(_ path: String, _ next: String) -> String { path.isEmpty ? next : path + "." + next }

    /// A decoding error as a bureau reads it: where (`rows[7].cells[2].field`) and what.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            var out = ""
            for k in keys {
                if let i = k.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
            }
            return out.isEmpty ? "顶层" : out
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath)) 缺少必需的键“\(key.stringValue)”。"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) 的类型不对，应为\(typeName(type))。"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) 不能为空，应为\(typeName(type))。"
        case .dataCorrupted(let context):
            let last = context.codingPath.last?.stringValue ?? ""
            if let valid = choices[last] {
                return "\(path(context.codingPath)) 的取值无效，可选：\(valid.joined(separator: "、"))。"
            }
            return "\(path(context.codingPath)) 的内容无效。"
        @unknown default:
            return "无法读取。"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch String(describing: type) {
        case "String": return "文字（加引号）"
        case "Int", "Double": return "数字"
        case "Bool": return "true 或 false"
        case let t where t.hasPrefix("Array"): return "列表 [ … ]"
        default: return "对象 { … }"
        }
    }

    /// The allowed key nearest to a misspelled one (edit distance at most 2, or one contains the other).
    static func closest(_ key: String, among allowed: Set<String>) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for (i, ca) in a.enumerated() {
                var previous = row[0]
                row[0] = i + 1
                for (j, cb) in b.enumerated() {
                    let current = row[j + 1]
                    row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (ca == cb ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let scored = allowed.map { ($0, distance(Array(key.lowercased()), Array($0.lowercased()))) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        if let best = scored.first, best.1 <= 2 { return best.0 }
        return allowed.sorted().first { $0.lowercased().contains(key.lowercased()) || key.lowercased().contains($0.lowercased()) }
    }
}

extension LayoutCatalog {
    /// Where layouts come from besides the built-in ones: `GOALBRIDGE_LAYOUTS` (folders separated by `:`), the user's
    /// folder (`$XDG_CONFIG_HOME/goalbridge/layouts`, default `~/.config/goalbridge/layouts`), then `extra` (the
    /// commands' `--layouts DIR`, repeatable), in that order: a later layout with the same id replaces an earlier one.
    public static func userDirectories(extra: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var dirs: [String] = []
        if let list = environment["GOALBRIDGE_LAYOUTS"] { dirs += list.split(separator: ":").map(String.init).filter { !$0.isEmpty } }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.config" } ?? NSHomeDirectory() + "/.config")
        let user = config + "/goalbridge/layouts"
        if FileManager.default.fileExists(atPath: user) { dirs.append(user) }
        return dirs + extra
    }

    /// The built-in layouts and those of `directories`, each file checked on its own: a file with a mistake is
    /// reported in `problems` and skipped (every other layout keeps working); a layout with a built-in layout's id
    /// replaces it, said in `notices`; two user layouts with one id are an error for the second.
    public static func configured(directories: [String]) throws -> (catalog: LayoutCatalog, notices: [String], problems: [LayoutError]) {
        var catalog = try bundled()
        var notices: [String] = []
        var problems: [LayoutError] = []
        var userIds: [String: String] = [:]
        for dir in directories {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                problems.append(LayoutError(file: dir, reason: "找不到这个版式文件夹。"))
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            for name in names {
                let path = (dir as NSString).appendingPathComponent(name)
                do {
                    let spec = try LayoutFile.load(try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
                    if let earlier = userIds[spec.id] {
                        throw LayoutError(file: path, reason: "版式 id “\(spec.id)”与 \(earlier) 重复；请改用另一个 id。")
                    }
                    userIds[spec.id] = path
                    if catalog.origins[spec.id] == LayoutCatalog.builtInOrigin {
                        notices.append("版式 \(spec.id) 由 \(path) 提供，替换了内置版式。")
                    }
                    catalog.replace(spec, origin: path)
                } catch let error as LayoutError {
                    problems.append(error)
                } catch {
                    problems.append(LayoutError(file: path, reason: "无法读取文件。"))
                }
            }
        }
        return (catalog, notices, problems)
    }
}

extension LayoutCatalog {
    private final class Default: @unchecked Sendable {
        let lock = NSLock()
        var catalog: LayoutCatalog?
    }
    private static let processDefault = Default()

    /// The catalog every importer and exporter made without one uses: set once by the command line from
    /// `--layouts`, `GOALBRIDGE_LAYOUTS` and the user's folder (`configured`); the built-in layouts when unset.
    public static func current() throws -> LayoutCatalog {
        processDefault.lock.lock()
        defer { processDefault.lock.unlock() }
        if let c = processDefault.catalog { return c }
        return try bundled()
    }

    /// Makes `catalog` the one `current()` returns.
    public static func setCurrent(_ catalog: LayoutCatalog?) {
        processDefault.lock.lock()
        processDefault.catalog = catalog
        processDefault.lock.unlock()
    }
}
