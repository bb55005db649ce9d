import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel

/// The independent corpus (Fixtures/corpus, written by scripts/corpus/generate.py with openpyxl and XlsxWriter
/// from the seed texts): every workbook is imported and every table compared, field by field, with the goal
/// document the generator derived from the seed text — never with what GoalBridge read before.
///
/// A table that does not come back exactly is listed, with the reason, in Fixtures/corpus/KNOWN-MISSES.txt
/// (`workbook#table<TAB>reason`). The test fails on a miss that is not listed, and on a listed miss that now
/// passes (take it off the list): the list is always the exact state of the importer.
struct CorpusTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus").path

    static func workbooks() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".xlsx") }
            .map { String($0.dropLast(5)) }.sorted()
    }

    static let knownMisses: [String: String] = {
        guard let text = try? String(contentsOfFile: directory + "/KNOWN-MISSES.txt", encoding: .utf8) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
            let parts = line.split(separator: "\t", maxSplits: 1)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return out
    }()

    @Test func corpusCoversEveryRegionGenerated() {
        let names = Self.workbooks()
        #expect(names.count >= 30)
        for region in ["changqing", "pingyin"] { #expect(names.contains { $0.hasPrefix(region + "-") }, "\(region)") }
    }

    /// The corpus workbooks PyExcelerate wrote again (scripts/corpus/transcribe-pyexcelerate.py): a writer with XML
    /// of its own — inline strings, no shared-strings part, white space between elements, `mc:Ignorable`.
    static func pyexcelerateWorkbooks() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/pyexcelerate")) ?? []).filter { $0.hasSuffix(".xlsx") }
            .map { "pyexcelerate/" + $0.dropLast(5) }.sorted()
    }

    @Test func pyexcelerateCopiesCoverEveryRegion() {
        let names = Self.pyexcelerateWorkbooks()
        #expect(names.count >= 40)
        for region in ["changqing", "liaocheng", "pingyin", "xinhua", "yongqing"] {
            #expect(names.contains { $0.hasPrefix("pyexcelerate/" + region + "-") }, "\(region)")
        }
    }

    /// A copy by another writer is expected to read as its original's seed text: `pyexcelerate/NAME` against NAME.json.
    @Test(arguments: workbooks() + pyexcelerateWorkbooks())
    func workbookImportsToTheSeedText(_ path: String) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let expected = try loadDocument(Self.directory + "/\(name).json")
        let result = sharedImporter.importFile(Self.directory + "/\(path).xlsx")
        let misses = CorpusComparison.misses(expected: expected.tables, imported: result.tables)
        for index in expected.tables.indices {
            let key = "\(name)#\(index + 1)"
            let differences = misses[index] ?? []
            if let reason = Self.knownMisses[key] {
                #expect(!differences.isEmpty, "\(key) now imports exactly: take it off KNOWN-MISSES.txt (was: \(reason))")
            } else {
                #expect(differences.isEmpty, "\(key): \(differences.prefix(6).joined(separator: "; "))")
            }
        }
        // Every filled cell was used (a label, a field, a header, indicator data, the title): none is left over as
        // an extra, and nothing was doubtful.
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty || Self.knownMisses["\(name)#diagnostics"] != nil,
                "\(name): \(result.diagnostics.filter { $0.severity != .info }.prefix(4).map(\.message))")
        // Nothing the importer found beyond the expected tables.
        #expect(result.tables.count == expected.tables.count || Self.knownMisses["\(name)#count"] != nil,
                "\(name): \(result.tables.count) tables read, \(expected.tables.count) expected")
    }
}

/// Compares tables by what the source text determines: every field except provenance and what is derived
/// from another field (canonical level names from the raw ones, parsed values from raw values). Amounts
/// compare by their number when they have one (a numeric cell and the text `1,000.00` are the same amount).
enum CorpusComparison {
    /// Differences by expected table index (absent: exact).
    static func misses(expected: [GoalTable], imported: [GoalTable]) -> [Int: [String]] {
        var out: [Int: [String]] = [:]
        for (i, table) in expected.enumerated() {
            guard i < imported.count else { out[i] = ["table not found"]; continue }
            var differences: [String] = []
            diff(projection(table), projection(imported[i]), path: "", into: &differences)
            if !differences.isEmpty { out[i] = differences }
        }
        return out
    }

    /// The table as plain JSON values, with provenance and derived fields removed.
    static func projection(_ table: GoalTable) -> Any {
        let data = try! JSONEncoder().encode(GoalDocument(tables: [table]))
        let json = try! JSONSerialization.jsonObject(with: data)
        let tables = (json as! [String: Any])["tables"] as! [Any]
        return normalise(tables[0])
    }

    static let ignoredKeys: Set<String> = ["source", "sources", "level1", "level2"]

    static func normalise(_ value: Any) -> Any {
        if let dict = value as? [String: Any] {
            if let raw = dict["raw"] as? String {
                if dict["kind"] != nil { return raw } // an indicator value: its raw text
                if let number = dict["value"] { return "amount " + "\(number)" } // an amount: its number
                return "amount " + raw
            }
            var out: [String: Any] = [:]
            for (k, v) in dict where !ignoredKeys.contains(k) { out[k] = normalise(v) }
            return out
        }
        if let array = value as? [Any] { return array.map(normalise) }
        return value
    }

    static func diff(_ a: Any, _ b: Any, path: String, into out: inout [String]) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                let p = path.isEmpty ? key : path + "." + key
                switch (x[key], y[key]) {
                case let (u?, v?): diff(u, v, path: p, into: &out)
                case let (u?, nil): out.append("\(p): expected \(short(u)), missing")
                case let (nil, v?): out.append("\(p): not expected, got \(short(v))")
                default: break
                }
            }
        case let (x as [Any], y as [Any]):
            if x.count != y.count { out.append("\(path): \(x.count) expected, \(y.count) read") }
            for i in 0..<min(x.count, y.count) { diff(x[i], y[i], path: "\(path)[\(i)]", into: &out) }
        default:
            if short(a) != short(b) { out.append("\(path): expected \(short(a)), got \(short(b))") }
        }
    }

    static func short(_ v: Any) -> String {
        let s: String
        if let d = v as? [String: Any], let data = try? JSONSerialization.data(withJSONObject: d, options: [.sortedKeys]) {
            s = String(decoding: data, as: UTF8.self)
        } else {
            s = "\(v)"
        }
        return s.count > 80 ? String(s.prefix(80)) + "…" : s
    }
}
