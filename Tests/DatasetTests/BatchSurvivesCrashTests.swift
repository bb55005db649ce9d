import Foundation
import GoalBridge
import Testing
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet
import GRDB

/// A batch survives a reader defect: when reading one file ends the collecting process, `goalbridge collect`
/// stores that file as 失败 with a reason, stores every other file, writes its outputs and exits 1. The defect is
/// simulated with the test-only GOALBRIDGE_TEST_TRAP_ON (the process traps when it reads a file whose name
/// contains the text). Runs the built command-line tool (`swift build --build-tests` builds it).
struct BatchSurvivesCrashTests {
    static var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("goalbridge")
    }

    @Test func oneFileThatEndsTheProcessIsSetAsideAndTheRestIsCollected() throws {
        let tool = Self.tool
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "build the tool first: swift build --build-tests")
        let dir = scratch()
        let inbox = dir.appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let corpus = repo.appendingPathComponent("Tests/BridgeTests/Fixtures/corpus")
        let good = ["pingyin-02-single", "pingyin-03-single", "xinhua-05-single", "changqing-03-single", "yongqing-07-single"]
        for name in good { try FileManager.default.copyItem(at: corpus.appendingPathComponent(name + ".xlsx"), to: inbox.appendingPathComponent(name + ".xlsx")) }
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("pingyin-04-single.xlsx"), to: inbox.appendingPathComponent("毒药.xlsx"))
        let db = dir.appendingPathComponent("d.sqlite").path
        let receipt = dir.appendingPathComponent("回执.xlsx").path

        let run = try runTool(["collect", inbox.path, "--db", db, "--receipt", receipt, "--quiet"],
                              environment: ["GOALBRIDGE_TEST_TRAP_ON": "毒药", "SWIFT_BACKTRACE": "enable=no"])
        #expect(run.exitedNormally)
        #expect(run.status == 1)
        #expect(run.errors.contains("毒药.xlsx 时程序异常终止"))
        let rows = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT path, status, reason FROM source_file WHERE is_current = 1 ORDER BY path")
        }
        #expect(rows.count == good.count + 1)
        let poisoned = try #require(rows.first { ($0["path"] as String).hasSuffix("毒药.xlsx") })
        #expect(poisoned["status"] as String == "失败")
        #expect((poisoned["reason"] as String).contains("程序异常终止"))
        #expect(rows.filter { $0["status"] as String == "成功" }.count == good.count)
        #expect(FileManager.default.fileExists(atPath: receipt))
    }
}

/// Control and bidi characters from cells never reach the terminal raw: `goalbridge import` shows them escaped.
struct TerminalTextTests {
    @Test func escapeSequencesInACellAreShownEscaped() throws {
        let tool = BatchSurvivesCrashTests.tool
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "build the tool first: swift build --build-tests")
        var workbook = try XLSXReader().read(path: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx").path)
        let name = try #require(workbook.sheets[0].cells.firstIndex { $0.value == .string("警务辅助人员专项经费") })
        workbook.sheets[0].cells[name].value = .string("警务\u{1B}[2J\u{07}辅助\u{202E}经费")
        let path = scratch().appendingPathComponent("控制字符.xlsx").path
        try GridWriter.write(workbook, to: path)
        let text = try runTool(["import", path]).output
        #expect(text.contains("警务<U+001B>[2J<U+0007>辅助<U+202E>经费"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }
}

/// Runs the built command-line tool; its exit, standard output and standard error.
func runTool(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (exitedNormally: Bool, status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = BatchSurvivesCrashTests.tool
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Both pipes drained at once, so a full one never blocks the tool.
    let group = DispatchGroup()
    nonisolated(unsafe) var output = ""
    DispatchQueue.global().async(group: group) { output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    group.wait()
    process.waitUntilExit()
    return (process.terminationReason == .exit, process.terminationStatus, output, errors)
}

/// A return copy of an input with a very long name is written (its name cut by bytes, with room for the temporary
/// name beside it); the input is untouched.
struct LongNamesTests {
    @Test func aLongInputNameGetsAReturnCopy() throws {
        let dir = scratch()
        let name = String(repeating: "聊城市农业农村局高标准农田建设项目绩效目标表", count: 3) + ".xlsx" // 203 bytes: with -审核意见 over the budget
        let input = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: input)
        let before = try Data(contentsOf: input)
        let out = dir.appendingPathComponent("审核")
        let run = try runTool(["check", input.path, "--annotate", out.path])
        #expect(run.exitedNormally && run.status == 0, "\(run.errors)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.count == 1)
        #expect(written.allSatisfy { $0.utf8.count <= 200 && $0.hasSuffix(".xlsx") && $0.contains("审核意见") })
        #expect(try Data(contentsOf: input) == before)
    }
}

/// Each way an output once replaced an input, run through the tool.
struct OutputsNeverReplaceInputsTests {
    private func workbook(_ url: URL) throws -> Data {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: url)
        return try Data(contentsOf: url)
    }

    @Test func annotateNeverReplacesAnInputNorTwoCopiesEachOther() throws {
        let dir = scratch()
        let out = dir.appendingPathComponent("审核")
        // An input that has the name of a return copy, in the output folder; two inputs named alike in two folders.
        let squatter = out.appendingPathComponent("表-审核意见.xlsx"), a = dir.appendingPathComponent("甲/表.xlsx"), b = dir.appendingPathComponent("乙/表.xlsx")
        let bytes = try [squatter, a, b].map(workbook)
        let run = try runTool(["check", a.path, b.path, squatter.path, "--annotate", out.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(try [squatter, a, b].map { try Data(contentsOf: $0) } == bytes)
        let copies = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != "表-审核意见.xlsx" }
        #expect(copies.count == 3) // 表 twice (numbered) and the squatter's own copy
    }

    @Test func collectOutputsNeverReplaceACollectedFile() throws {
        let dir = scratch()
        let inbox = dir.appendingPathComponent("收件")
        let receipt = inbox.appendingPathComponent("回执.xlsx")
        let bytes = try workbook(receipt) // a department's file that happens to be called 回执.xlsx
        let run = try runTool(["collect", inbox.path, "--db", dir.appendingPathComponent("d.sqlite").path, "--receipt", receipt.path, "--quiet"])
        #expect(run.status != 0)
        #expect(run.errors.contains("不能写入"))
        #expect(try Data(contentsOf: receipt) == bytes)
    }

    @Test func importWarnsOfTextOverExcelsCellLimit() throws {
        var wb = try XLSXReader().read(path: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx").path)
        let goal = try #require(wb.sheets[0].cells.firstIndex { $0.value.text.hasPrefix("保障警务辅助人员") })
        wb.sheets[0].cells[goal].value = .string(String(repeating: "长", count: 40_000))
        let result = try GoalImporter().importWorkbook(wb, file: "长.xlsx")
        let warning = try #require(result.diagnostics.first { $0.code == "text-too-long" })
        #expect(warning.cell == wb.sheets[0].cells[goal].reference.description)
        #expect(result.tables.first?.project?.goals.annual?.count == 40_000) // kept whole in the model
    }
}

/// A mistyped folder is an error of the command: exit non-zero, nothing stored (it once became a permanent 失败
/// "submission" that made every later collect exit 1).
struct MistypedPathTests {
    @Test func aPathThatDoesNotExistStoresNothing() throws {
        let dir = scratch()
        let db = dir.appendingPathComponent("d.sqlite").path
        let run = try runTool(["collect", dir.appendingPathComponent("收件箱（拼错）").path, "--db", db, "--quiet"])
        #expect(run.exitedNormally && run.status != 0)
        #expect(run.errors.contains("找不到"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
