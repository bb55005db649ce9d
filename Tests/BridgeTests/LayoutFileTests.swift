import Foundation
import Testing
@testable import GoalBridge
import TestScratch

/// Layouts a bureau adds without a compiler (issue 16): each file checked on its own, mistakes named with where
/// they are and what to write instead; a bad file skipped, every other layout working.
struct LayoutFileTests {
    static let builtIn = repositoryRoot.appendingPathComponent("Sources/GoalBridge/Resources/layouts")

    /// A built-in layout's JSON, edited as text.
    static func layoutText(_ id: String = "pingyin-2024") throws -> String {
        try String(contentsOf: builtIn.appendingPathComponent("\(id).json"), encoding: .utf8)
    }

    func reason(_ text: String) -> String {
        do { _ = try LayoutFile.load(Data(text.utf8), file: "x.json"); return "" } catch let e as LayoutError { return e.reason } catch { return "\(error)" }
    }

    @Test func everyBuiltInLayoutPassesTheCheck() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.builtIn.path) where name.hasSuffix(".json") {
            #expect(throws: Never.self) { _ = try LayoutFile.load(try Data(contentsOf: Self.builtIn.appendingPathComponent(name)), file: name) }
        }
    }

    @Test func aMisspelledKeyIsNamedWithItsPathAndWhatItShouldBe() throws {
        let text = try Self.layoutText().replacingOccurrences(of: "\"field\": \"projectName\"", with: "\"feild\": \"projectName\"")
        let r = reason(text)
        #expect(r.contains("rows[") && r.contains(".cells[") && r.contains("“feild”") && r.contains("是否应为“field”"), "\(r)")
    }

    @Test func aMissingKeyAWrongValueAndBrokenJSON() throws {
        let missing = reason(try Self.layoutText().replacingOccurrences(of: "\"version\": \"1.0\",", with: ""))
        #expect(missing.contains("缺少必需的键“version”"), "\(missing)")
        let kind = reason(try Self.layoutText().replacingOccurrences(of: "\"kind\": \"project\"", with: "\"kind\": \"projects\""))
        #expect(kind.contains("kind") && kind.contains("可选") && kind.contains("departmentStrategic"), "\(kind)")
        // A comma left out at the end of line 3.
        var lines = try Self.layoutText().components(separatedBy: "\n")
        lines[2] = String(lines[2].dropLast())
        let broken = reason(lines.joined(separator: "\n"))
        #expect(broken.contains("第 4 行") || broken.contains("第 3 行"), "\(broken)")
    }

    @Test func didYouMean() {
        #expect(LayoutFile.closest("feild", among: ["field", "label", "text"]) == "field")
        #expect(LayoutFile.closest("anchors", among: ["anchor", "rows"]) == "anchor")
        #expect(LayoutFile.closest("zzz", among: ["field", "label"]) == nil)
    }

    /// A bureau's folder: one good layout, one replacing a built-in one, one misspelled, one with a duplicate id.
    @Test func aFolderOfLayouts() throws {
        let dir = scratchRoot.appendingPathComponent("gb-layouts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let base = try Self.layoutText()
        try base.replacingOccurrences(of: "\"id\": \"pingyin-2024\"", with: "\"id\": \"bureau-pingyin\"")
            .write(to: dir.appendingPathComponent("a-bureau.json"), atomically: true, encoding: .utf8)
        try base.replacingOccurrences(of: "\"id\": \"pingyin-2024\"", with: "\"id\": \"bureau-pingyin\"")
            .write(to: dir.appendingPathComponent("b-duplicate.json"), atomically: true, encoding: .utf8)
        try base.write(to: dir.appendingPathComponent("c-replaces.json"), atomically: true, encoding: .utf8)
        try base.replacingOccurrences(of: "\"anchor\"", with: "\"anchors\"").write(to: dir.appendingPathComponent("d-bad.json"), atomically: true, encoding: .utf8)
        let (catalog, notices, problems) = try LayoutCatalog.configured(directories: [dir.path])
        #expect(catalog.layout("bureau-pingyin") != nil)
        #expect(catalog.origins["bureau-pingyin"]?.hasSuffix("a-bureau.json") == true)
        #expect(catalog.origins["pingyin-2024"]?.hasSuffix("c-replaces.json") == true)
        #expect(notices.count == 1 && notices[0].contains("pingyin-2024"))
        #expect(problems.map { ($0.file as NSString).lastPathComponent }.sorted() == ["b-duplicate.json", "d-bad.json"])
        #expect(problems.contains { $0.reason.contains("是否应为“anchor”") })
        // Every other layout still there.
        #expect(catalog.layouts.count == (try LayoutCatalog.bundled()).layouts.count + 1)
    }

    @Test func whereUserLayoutsAreLooked() throws {
        let home = scratchRoot.appendingPathComponent("gb-home-\(UUID().uuidString)")
        let user = home.appendingPathComponent(".config/goalbridge/layouts")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        #expect(LayoutCatalog.userDirectories(extra: ["/x"], environment: ["HOME": home.path, "GOALBRIDGE_LAYOUTS": "/a:/b"])
                == ["/a", "/b", user.path, "/x"])
        #expect(LayoutCatalog.userDirectories(environment: ["HOME": "/nowhere", "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path])
                == [user.path])
    }
}
