import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeReview
@testable import GoalBridgeSpreadsheet
import TestScratch

/// A return copy: every finding as a comment on its cell in the table's own layout, plus a findings sheet.
struct AnnotateTests {
    @Test func findingsLandOnTheirCells() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = root.appendingPathComponent("Examples/regional/pingyin-2024-police-auxiliary.pingyin-2024.xlsx").path
        let before = try Data(contentsOf: URL(fileURLWithPath: source))
        var tables = try GoalImporter().importFile(source).tables
        // The department typed 9% where 90% was meant (as in 长清, S0:102).
        guard case .project(var t) = tables[0] else { Issue.record("not a project"); return }
        t.indicatorSets[0].rows[8].value = IndicatorValue(raw: "≥9%")
        tables[0] = .project(t)
        let findings = Reviewer().review(tables)
        let q1 = try #require(findings.first { $0.rule == "Q1" })

        var notes: [Int: [ModelLocation: [String]]] = [:]
        for f in findings { notes[f.table, default: [:]][f.location, default: []].append(f.message) }
        let out = newScratchPath("gb-annotate", suffix: ".xlsx")
        let sheet = NotesSheet(title: "审核意见", header: ["规则", "位置", "问题"], columnWidths: [6, 20, 60]) { placements in
            findings.map { f in [f.rule, placements[f.table].flatMap { p in p.cells[f.location].map { "\(p.sheet)!\($0)" } } ?? "", f.message] }
        }
        try GoalExporter().export(tables, to: out, layout: "original", notes: notes, notesSheet: sheet)

        let wb = try XLSXReader().read(path: out)
        let main = wb.sheets[0]
        let notesSheet = try #require(wb.sheet(named: "审核意见"))
        // The findings sheet names the cell of the 满意度 value in this copy; that cell holds ≥9%.
        let row = try #require(notesSheet.cells.first { $0.value == .string("Q1") }).reference.row
        let place = try #require(notesSheet.cells.first { $0.reference.row == row && $0.reference.column == 1 }).value.text
        let cell = String(place.split(separator: "!").last!)
        #expect(main.cells.first { $0.reference.description == cell }?.value == .string("≥9%"))
        // …and carries the comment.
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let comments = try data.withUnsafeBytes { try ZipArchive(bytes: $0, limits: .standard, file: out).read("xl/comments1.xml") } ?? []
        let xml = String(decoding: comments, as: UTF8.self)
        #expect(xml.contains("ref=\"\(cell)\""))
        #expect(xml.contains("满意度"))
        #expect(q1.figures["指标值"] == "≥9%")
        // The copy is still the same table (notes change nothing in the data), and the original is untouched.
        let again = try GoalImporter().importWorkbook(wb)
        #expect(again.tables.map { $0.strippingProvenance() } == tables.map { $0.strippingProvenance() })
        #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == before)
    }

    /// Findings on the rows of a record table (聊城's 部门整体绩效目标表: a past year in two 指标解释 and a 当年标准值依据)
    /// land on their cells too, not only on the findings sheet.
    @Test func findingsOnRecordRowsLandOnTheirCells() throws {
        let tables = try GoalFigureTests.tables("liaocheng-84-single.json")
        let findings = Reviewer().review(tables).filter { $0.rule == "Q30" }
        #expect(findings.count == 3)
        var notes: [Int: [ModelLocation: [String]]] = [:]
        for f in findings { notes[f.table, default: [:]][f.location, default: []].append(f.message) }
        let sheet = NotesSheet(title: "审核意见", header: ["位置"], columnWidths: [20]) { placements in
            findings.map { f in [placements[f.table].flatMap { p in p.cells[f.location] }?.description ?? ""] }
        }
        let out = newScratchPath("gb-annotate-records", suffix: ".xlsx")
        try GoalExporter().export(tables, to: out, layout: "original", notes: notes, notesSheet: sheet)
        let wb = try XLSXReader().read(path: out)
        let main = wb.sheets[0]
        let notesSheet = try #require(wb.sheet(named: "审核意见"))
        // The findings sheet's rows under its header, in the findings' order.
        let placed = notesSheet.cells.filter { $0.reference.row > 0 && $0.reference.column == 0 }.sorted { $0.reference.row < $1.reference.row }.map(\.value.text)
        // Each placed cell holds the text the finding quotes.
        #expect(placed.count == 3 && placed.allSatisfy { !$0.isEmpty }, "\(placed)")
        for (f, cell) in zip(findings, placed) {
            let text = main.cells.first { $0.reference.description == cell }?.value.text
            #expect(text != nil && f.figures.values.contains(text!), "\(cell): \(String(describing: text))")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let comments = try data.withUnsafeBytes { try ZipArchive(bytes: $0, limits: .standard, file: out).read("xl/comments1.xml") } ?? []
        let xml = String(decoding: comments, as: UTF8.self)
        #expect(placed.allSatisfy { xml.contains("ref=\"\($0)\"") })
    }
}
