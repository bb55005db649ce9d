import Foundation
import Testing

/// Every command takes `--layouts DIR`; a layout file with a mistake is named and skipped, the command works on
/// (issue 16: it made every command fail with a raw decoding error).
struct RunTimeLayoutTests {
    static let pingyin = repo.appendingPathComponent("Sources/GoalBridge/Resources/layouts/pingyin-2024.json")

    func folder() throws -> URL {
        let dir = scratch().appendingPathComponent("版式")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOf: Self.pingyin, encoding: .utf8)
        try text.replacingOccurrences(of: "\"id\": \"pingyin-2024\"", with: "\"id\": \"bureau-pingyin\"")
            .write(to: dir.appendingPathComponent("bureau.json"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "\"version\": \"1.0\",", with: "")
            .write(to: dir.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func aBureauLayoutIsUsedAndABrokenOneSkipped() throws {
        let dir = try folder()
        let listed = try runTool(["layouts", "--layouts", dir.path])
        #expect(listed.status == 0)
        #expect(listed.output.contains("bureau-pingyin") && listed.output.contains(dir.appendingPathComponent("bureau.json").path), "\(listed.output)")
        #expect(listed.errors.contains("broken.json") && listed.errors.contains("缺少必需的键“version”"), "\(listed.errors)")
        // Import with the bureau's layout named: it is there, and the broken file did not stop the command.
        let example = repo.appendingPathComponent("Examples/regional/pingyin-2024-police-auxiliary.pingyin-2024.xlsx").path
        let imported = try runTool(["import", example, "--layout", "bureau-pingyin", "--layouts", dir.path])
        #expect(imported.status == 0, "\(imported.output)\(imported.errors)")
        #expect(imported.output.contains("bureau-pingyin"))
    }

    @Test func layoutsCheck() throws {
        let dir = try folder()
        let good = try runTool(["layouts", "check", dir.appendingPathComponent("bureau.json").path])
        #expect(good.status == 0 && good.output.contains("正确"), "\(good.output)\(good.errors)")
        let bad = try runTool(["layouts", "check", dir.appendingPathComponent("broken.json").path])
        #expect(bad.status == 1 && bad.errors.contains("version"), "\(bad.errors)")
    }
}

/// `goalbridge layouts try LAYOUT SAMPLE`: what each cell becomes, and the layout's score.
struct LayoutsTryTests {
    @Test func eachCellIsShownWithWhatItBecame() throws {
        let layout = repo.appendingPathComponent("Sources/GoalBridge/Resources/layouts/pingyin-2024.json").path
        let sample = repo.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus/pingyin-02-single.xlsx").path
        let result = try runTool(["layouts", "try", layout, sample])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("本版式吻合度 100%"))
        #expect(result.output.contains("Sheet1!B3\t字段 projectName\t2024 年度县城供水管网新建及改造项目"), "\(result.output.prefix(600))")
        #expect(result.output.contains("指标 年度 第 1 行 · name\t项目总成本"))
    }
}
