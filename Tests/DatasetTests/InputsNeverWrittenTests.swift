import Foundation
import Glibc
import Testing
import GoalBridge
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet

/// Inputs are never written: every writer refuses a target that is an input of the process, by path (however
/// it is spelled) and by device and inode (a hard link under another name). Each case wrote over the input before.
struct InputsNeverWrittenTests {
    private func input() throws -> (dir: URL, file: URL, bytes: Data) {
        let dir = scratch()
        let file = dir.appendingPathComponent("表.xlsx")
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: file)
        InputGuard.protect([file.path])
        return (dir, file, try Data(contentsOf: file))
    }

    @Test func aWorkbookIsNotWrittenOverAnInputHoweverItIsNamed() throws {
        let (dir, file, bytes) = try input()
        let spellings = [file.path, dir.path + "/./表.xlsx", dir.path + "/../" + dir.lastPathComponent + "/表.xlsx"]
        for target in spellings {
            #expect(throws: WriteError.wouldReplaceInput(path: target)) { _ = try XLSXWriter(path: target) }
        }
        // A hard link: another name, the same file.
        let hardLink = dir.appendingPathComponent("另一个名字.xlsx")
        #expect(Glibc.link(file.path, hardLink.path) == 0)
        #expect(throws: WriteError.wouldReplaceInput(path: hardLink.path)) { _ = try XLSXWriter(path: hardLink.path) }
        #expect(try Data(contentsOf: file) == bytes)
        // Anything else is written as before.
        let other = dir.appendingPathComponent("输出.xlsx").path
        let w = try XLSXWriter(path: other)
        _ = try w.addSheet("表")
        try w.close()
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test func aCSVFileIsNotWrittenOverAnInput() throws {
        let (_, file, bytes) = try input()
        #expect(throws: WriteError.wouldReplaceInput(path: file.path)) { _ = try CSVFile(path: file.path, header: ["a"]) }
        #expect(try Data(contentsOf: file) == bytes)
    }

    @Test func theDatasetStoresAbsolutePathsSoTwoSpellingsAreOneSubmission() throws {
        let inbox = try mixedFolder()
        let db = scratch().appendingPathComponent("d.sqlite").path
        let collector = try Collector(dataset: try Dataset(path: db))
        _ = try collector.collect([inbox.path])
        // The same folder through `..` and a link: no new version of any file.
        let alias = scratch().appendingPathComponent("别名")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: inbox)
        let again = try collector.collect([inbox.path + "/../" + inbox.lastPathComponent, alias.path])
        #expect(again.new == 0)
        let paths = try Dataset.openExisting(path: db).pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM source_file") }
        #expect(!paths.isEmpty)
        #expect(paths.allSatisfy { $0.hasPrefix("/") && !$0.contains("/../") && !$0.contains("/./") })
        #expect(Set(paths).count == paths.count)
    }
}

/// One table never blocks the others: when one workbook cannot be written, the error names the table and its
/// source file, and every other table is written.
struct ExportKeepsGoingTests {
    @Test func aTableThatCannotBeWrittenIsNamedAndTheOthersAreWritten() throws {
        let db = scratch().appendingPathComponent("d.sqlite").path
        _ = try Collector(dataset: try Dataset(path: db)).collect([try mixedFolder().path])
        let dataset = try Dataset.openExisting(path: db)
        let exporter = try GoalExporter()
        let first = scratch().path
        let (all, _) = try dataset.exportTables(to: first, exporter: exporter)
        #expect(all.count >= 3)
        // A folder squats on the first table's file name: that workbook cannot be renamed into place.
        let second = scratch().path
        let blocked = (second as NSString).appendingPathComponent(String(all[0].dropFirst(first.count)))
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: true)
        let (written, diagnostics) = try dataset.exportTables(to: second, exporter: exporter)
        #expect(written.count == all.count - 1)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.code == "export-failed")
        #expect(errors.first?.file?.hasSuffix(".xlsx") == true)
        #expect(errors.first?.message.contains("未能写出") == true)
    }
}
