import Foundation
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet
import Testing
import TestScratch

/// The repository root, found from this file's path (tests read Examples/ and Templates/).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func examplePath(_ name: String) -> String { repositoryRoot.appendingPathComponent("Examples/\(name)").path }

/// Examples with a workbook in the standard layout (tables with no national form have only their regional one).
func exampleNames() -> [String] {
    let dir = repositoryRoot.appendingPathComponent("Examples").path
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }
        .map { String($0.dropLast(5)) }
        .filter { FileManager.default.fileExists(atPath: "\(dir)/\($0).xlsx") }
        .sorted()
}

func loadDocument(_ path: String) throws -> GoalDocument {
    try JSONDecoder().decode(GoalDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Imports a workbook GoalBridge did not write and compares every table, field by field, with its expected document;
/// `quiet`: nothing worse than information was said. The first half of the tests on foreign fixtures; the result is
/// returned for what each test checks beyond it.
@discardableResult
func importExactly(_ workbook: String, expected: String, quiet: Bool = true,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> ImportResult {
    let result = sharedImporter.importFile(workbook)
    let document = try loadDocument(expected)
    let misses = CorpusComparison.misses(expected: document.tables, imported: result.tables)
    #expect(misses.isEmpty, "\(misses)", sourceLocation: sourceLocation)
    if quiet {
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    }
    return result
}

func fixture(_ name: String) -> String {
    Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures")!
}

func temporaryFile(_ name: String = "out.xlsx") -> String {
    let dir = newScratchFolder("gb-bridge")
    return dir.appendingPathComponent(name).path
}

let sharedImporter = try! GoalImporter()
let sharedExporter = try! GoalExporter()

func stripped(_ tables: [GoalTable]) -> [GoalTable] { tables.map { $0.strippingProvenance() } }

/// Exports tables, reads the workbook back as a grid and as tables.
func roundTrip(_ tables: [GoalTable], layout: String? = nil) throws -> (grid: Workbook, result: ImportResult) {
    let path = temporaryFile()
    try sharedExporter.export(tables, to: path, layout: layout)
    let grid = try XLSXReader().read(path: path)
    return (grid, sharedImporter.importWorkbook(grid, file: path))
}

/// The merges an indicator set must produce on the level-1 and level-2 columns (absolute rows).
func expectedHierarchyMerges(_ set: IndicatorSet, firstDataRow: Int, level1Column: Int, level2Column: Int) -> Set<CellRange> {
    var out = Set<CellRange>()
    for group in set.hierarchy {
        let g = group.rowIndices
        if g.count > 1 { out.insert(CellRange(rows: (firstDataRow + g.first!)...(firstDataRow + g.last!), columns: level1Column...level1Column)) }
        for sub in group.children where sub.rowIndices.count > 1 {
            out.insert(CellRange(rows: (firstDataRow + sub.rowIndices.first!)...(firstDataRow + sub.rowIndices.last!), columns: level2Column...level2Column))
        }
    }
    return out
}

extension Sheet {
    func text(_ ref: String) -> String? { cells.first { $0.reference.description == ref }?.value.text }
    func row(of text: String) -> Int? { cells.first { $0.value.text == text }?.reference.row }
}

/// Rewrites a sheet's grid, for simulating how departments fill templates.
func editedSheet(_ sheet: Sheet, _ edit: (inout [CellReference: CellValue], inout [CellRange]) -> Void) -> Sheet {
    var cells: [CellReference: CellValue] = [:]
    for c in sheet.cells { cells[c.reference] = c.value }
    var merges = sheet.merges
    edit(&cells, &merges)
    return Sheet(name: sheet.name, state: sheet.state, cells: cells.map { Cell($0.key, $0.value) }.sorted { $0.reference < $1.reference }, merges: merges)
}

/// Inserts `count` empty rows before `row`, shifting cells and merges (what "insert row" does).
func insertRows(_ cells: inout [CellReference: CellValue], _ merges: inout [CellRange], before row: Int, count: Int) {
    var moved: [CellReference: CellValue] = [:]
    for (ref, v) in cells { moved[ref.row >= row ? CellReference(row: ref.row + count, column: ref.column) : ref] = v }
    cells = moved
    merges = merges.map { m in
        if m.first.row >= row { return CellRange(rows: (m.first.row + count)...(m.last.row + count), columns: m.first.column...m.last.column) }
        if m.last.row >= row { return CellRange(rows: m.first.row...(m.last.row + count), columns: m.first.column...m.last.column) }
        return m
    }
}

/// A foreign fixture with one cell's text replaced (`C7` → `/`), imported: the result and its one project table.
func importReplacing(_ cell: String, with text: String, in fixture: String) throws -> (ImportResult, ProjectGoalTable) {
    var workbook = try XLSXReader().read(path: ForeignFormTests.directory + "/" + fixture)
    let index = try #require(workbook.sheets[0].cells.firstIndex { $0.reference.description == cell })
    workbook.sheets[0].cells[index].value = .string(text)
    let result = sharedImporter.importWorkbook(workbook, file: "表.xlsx")
    guard case .project(let table) = try #require(result.tables.first) else { throw ReplacedCellError.notAProjectTable }
    return (result, table)
}

enum ReplacedCellError: Error { case notAProjectTable }
