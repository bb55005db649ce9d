import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset

/// The dataset's own JSON writer must produce what JSONDecoder reads back into the same model, and the
/// same JSON values as Foundation's encoder (key order aside; indicator values as their raw text).
struct ModelColumnEncoderTests {
    /// Every example table, imported from its workbooks (with a source cell on nearly every value) and from its JSON.
    static func exampleTables() throws -> [GoalTable] {
        let fm = FileManager.default
        let importer = try GoalImporter()
        var tables: [GoalTable] = []
        for dir in ["Examples", "Examples/regional"] {
            for name in try fm.contentsOfDirectory(atPath: repo.appendingPathComponent(dir).path).sorted() {
                let url = repo.appendingPathComponent(dir).appendingPathComponent(name)
                if name.hasSuffix(".xlsx") { tables += importer.importFile(url.path).tables }
                if name.hasSuffix(".json") { tables += try JSONDecoder().decode(GoalDocument.self, from: Data(contentsOf: url)).tables }
            }
        }
        return tables
    }

    static func jsonValue(_ text: String) throws -> NSObject {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSObject)
    }

    /// Foundation's JSON with each indicator value in the dataset's form: the raw text, or raw and split.
    static func compactingValues(_ json: Any) -> Any {
        if let list = json as? [Any] { return list.map(compactingValues) }
        guard let object = json as? [String: Any] else { return json }
        // An IndicatorValue wherever it sits (indicator rows, reference values): raw, kind and flags are always there.
        if let raw = object["raw"] as? String, object["kind"] != nil, object["flags"] != nil {
            return object["split"].map { ["raw": raw, "split": $0] as [String: Any] } ?? raw
        }
        return object.mapValues(compactingValues)
    }

    @Test func everyExampleTableDecodesToItselfAndMatchesFoundation() throws {
        let tables = try Self.exampleTables()
        #expect(tables.count >= 30)
        let foundation = JSONEncoder()
        foundation.userInfo[.compactSourceCells] = true
        for table in tables {
            let text = try ModelColumnEncoder().encode(table)
            #expect(try JSONDecoder().decode(GoalTable.self, from: Data(text.utf8)) == table)
            let reference = Self.compactingValues(try JSONSerialization.jsonObject(with: try foundation.encode(table)))
            #expect(try Self.jsonValue(text) == (reference as! NSObject), "\(table.source?.layout ?? "-")")
        }
    }

    /// Level names and duties filled down into blanks carry the filled-down mark, which the compact `Sheet!B21`
    /// has no room for: such a source is written keyed, as Foundation writes it, and reads back marked.
    @Test func filledDownSourcesAreWrittenAsFoundationWritesThem() throws {
        let importer = try GoalImporter()
        let corpus = repo.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus")
        let tables = ["pingyin-columns-02", "liaocheng-performance-once-01"].flatMap { importer.importFile(corpus.appendingPathComponent("\($0).xlsx").path).tables }
        #expect(tables.count == 2)
        let foundation = JSONEncoder()
        foundation.userInfo[.compactSourceCells] = true
        var marked = 0
        for table in tables {
            let text = try ModelColumnEncoder().encode(table)
            marked += text.components(separatedBy: "\"filledDown\":true").count - 1
            #expect(try JSONDecoder().decode(GoalTable.self, from: Data(text.utf8)) == table)
            let reference = Self.compactingValues(try JSONSerialization.jsonObject(with: try foundation.encode(table)))
            #expect(try Self.jsonValue(text) == (reference as! NSObject))
        }
        #expect(marked > 10)
    }

    /// Finding locations are compared as text in SQL: the hand-written form must be JSONEncoder's, byte for byte,
    /// and names it does not write plainly go to JSONEncoder.
    @Test(arguments: [ModelLocation.table, .field("projectName"), .field("annualFunds.total"), .field("rows[12].amount"),
                      .indicator(scope: .annual, row: 0, field: "value"), .indicator(scope: .midTerm, row: 37, field: "level2"),
                      .field("名称"), .field("a/b"), .field("引号\""), .indicator(scope: .annual, row: 1, field: "")])
    func findingLocationsAreWrittenAsJSONEncoderWritesThem(_ location: ModelLocation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reference = String(decoding: try encoder.encode(location), as: UTF8.self)
        if let fast = CollectedFile.locationJSON(location) {
            #expect(fast == reference)
        } else {
            // Only names that are not plain ASCII identifiers are left to JSONEncoder.
            let name: String
            switch location {
            case .field(let f): name = f
            case .indicator(_, _, let f): name = f
            case .table: name = "table"
            }
            #expect(name.isEmpty || name.contains { !($0.isASCII && ($0.isLetter || $0.isNumber || "._[]".contains($0))) })
        }
    }

    @Test func textIsEscapedAsJSONRequires() throws {
        let awkward = "引号\"反斜杠\\换行\n回车\r制表\t响铃\u{07}表情😀 / </script>"
        var table = ProjectGoalTable(projectName: awkward)
        table.amountUnit = "万元"
        table.annualFunds = Funds(total: Amount(raw: "-0.000001", value: Decimal(string: "-0.000001")),
                                  fiscal: Amount(raw: "123456789012345678.25", value: Decimal(string: "123456789012345678.25")))
        table.indicatorSets = [IndicatorSet(scope: .annual, rows: [
            IndicatorRow(level1Raw: "产出指标", level2Raw: "数量指标", name: "\u{0}\u{1F}", value: IndicatorValue(raw: "≥95%"),
                         sources: ["name": SourceCell(sheet: "表!1", cell: "D21")]),
        ])]
        let text = try ModelColumnEncoder().encode(GoalTable.project(table))
        #expect(try JSONDecoder().decode(GoalTable.self, from: Data(text.utf8)) == .project(table))
        #expect(text.contains(#""表!1!D21""#))
        #expect(!text.contains("\n") && text.contains(#"\n"#) && text.contains(#"\u0007"#))
    }

    /// Going back to a container after a later sibling was written cannot be streamed: it is refused, and
    /// the dataset stores the table through JSONEncoder instead.
    @Test func codeThatRevisitsAClosedContainerIsRefused() throws {
        struct Revisiting: Encodable {
            enum Keys: String, CodingKey { case a, b, c }
            func encode(to encoder: Encoder) throws {
                var top = encoder.container(keyedBy: Keys.self)
                var a = top.nestedContainer(keyedBy: Keys.self, forKey: .a)
                try top.encode(1, forKey: .b)
                try a.encode(2, forKey: .c)
            }
        }
        #expect(throws: ModelColumnEncoder.Failure.self) { try ModelColumnEncoder().encode(Revisiting()) }
        struct Nested: Encodable {
            enum Keys: String, CodingKey { case a, b, c }
            func encode(to encoder: Encoder) throws {
                var top = encoder.container(keyedBy: Keys.self)
                var a = top.nestedContainer(keyedBy: Keys.self, forKey: .a)
                try a.encode(2, forKey: .c)
                var list = top.nestedUnkeyedContainer(forKey: .b)
                try list.encode("x")
                try list.encode(3.5)
            }
        }
        #expect(try ModelColumnEncoder().encode(Nested()) == #"{"a":{"c":2},"b":["x",3.5]}"#)
    }
}
