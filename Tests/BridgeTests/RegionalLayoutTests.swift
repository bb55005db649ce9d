import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// The regional layouts (Templates/layouts/*.json): each reads its region's table, writes it back looking
/// like itself, and converts to the standard layout. What a layout has no place for is named.
struct RegionalLayoutTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var example: String
        var layout: String
        /// Fields of the example that the layout has no cell for (checked against the exporter's report).
        var unplaced: [String]
        var testDescription: String { layout }
    }

    static let cases: [Case] = [
        Case(example: "pingyin-2024-police-auxiliary", layout: "pingyin-2024", unplaced: []), // 万元: the label 项目资金（万元）
        Case(example: "xinhua-2023-finance-special-work", layout: "xinhua-2023", unplaced: ["fiscalYear"]),
        Case(example: "yongqing-2021-contract-staff", layout: "yongqing-2021-project", unplaced: ["fiscalYear"]), // the name: in the title
        Case(example: "yongqing-2021-department", layout: "yongqing-2021-department", unplaced: ["departmentName", "overallGoal"]), // the year: in the title
        Case(example: "liaocheng-2022-farmland", layout: "liaocheng-2022-operating",
             unplaced: ["projectCategory", "supervisingDepartment.code", "supervisingDepartment.name"]),
        Case(example: "liaocheng-2022-farmland-matching", layout: "liaocheng-2022-specific", unplaced: ["projectCategory"]),
        Case(example: "changqing-2022-no-illegal-building", layout: "changqing-2022", unplaced: []), // the year: in the title
        Case(example: "liaocheng-2022-fire-strategic", layout: "liaocheng-2022-strategic", unplaced: []),
        Case(example: "liaocheng-2022-fire-performance", layout: "liaocheng-2022-performance", unplaced: []),
        Case(example: "pingyin-2024-project-list", layout: "pingyin-2024-list", unplaced: []),
        Case(example: "xinhua-2023-enterprise-relief", layout: "xinhua-2023-alternative", unplaced: []),
    ]

    /// The example's tables without the fields the layout cannot hold.
    func expected(_ c: Case) throws -> [GoalTable] {
        try loadDocument(examplePath(c.example + ".json")).tables.map { table in
            switch table {
            case .project(var t):
                for f in c.unplaced {
                    switch f {
                    case "amountUnit": t.amountUnit = nil
                    case "fiscalYear": t.fiscalYear = nil
                    case "projectName": t.projectName = nil
                    case "projectCategory": t.projectCategory = nil
                    case "supervisingDepartment.name", "supervisingDepartment.code": t.supervisingDepartment = nil
                    case "annualFunds.fiscal": t.annualFunds?.fiscal = nil
                    default: Issue.record("unhandled field \(f)")
                    }
                }
                return .project(t)
            case .departmentIndicators(var t):
                for f in c.unplaced {
                    switch f {
                    case "departmentName": t.departmentName = nil
                    case "fiscalYear": t.fiscalYear = nil
                    case "overallGoal": t.overallGoal = nil
                    default: Issue.record("unhandled field \(f)")
                    }
                }
                return .departmentIndicators(t)
            default: return table
            }
        }
    }

    func regionalPath(_ c: Case) -> String { examplePath("regional/\(c.example).\(c.layout).xlsx") }

    @Test(arguments: cases)
    func importsTheRegionalWorkbook(_ c: Case) throws {
        var workbook = try XLSXReader().read(path: regionalPath(c))
        // Detection by labels alone, as for a file that never went through our template.
        workbook.properties.custom = [:]
        let result = sharedImporter.importWorkbook(workbook, file: regionalPath(c))
        #expect(result.tables.first?.source?.layout == c.layout)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics)")
        #expect(stripped(result.tables) == stripped(try expected(c)))
    }

    @Test(arguments: cases)
    func exportNamesWhatTheLayoutCannotHold(_ c: Case) throws {
        let tables = try loadDocument(examplePath(c.example + ".json")).tables
        let warnings = try sharedExporter.export(tables, to: temporaryFile(), layout: c.layout)
        let named = warnings.filter { $0.code == "unplaced-field" }.map(\.message)
        #expect(named.count == c.unplaced.count, "\(named)")
        for f in c.unplaced { #expect(named.contains { $0.contains("“\(TableFieldNames.name(f))”") || $0.contains(f) }, "\(f) not reported") }
    }

    @Test(arguments: cases)
    func roundTripInTheLayoutIsIdentity(_ c: Case) throws {
        let model = try expected(c)
        let (grid, result) = try roundTrip(model, layout: c.layout)
        #expect(stripped(result.tables) == stripped(model))
        #expect(result.tables.first?.source?.layout == c.layout)
        // The hierarchy merges: 一级 and 二级 columns are the first two of the block.
        if case .project(let t)? = model.first, let set = t.indicatorSets.first {
            let sheet = grid.sheets[0]
            let header = try #require(sheet.row(of: "一级指标"))
            let l1 = try #require(sheet.cells.first { $0.value == .string("一级指标") }).reference.column
            let first = header + 1
            let got = Set(sheet.merges.filter { ($0.first.column == l1 || $0.first.column == l1 + 1) && $0.first.row >= first })
            #expect(got == expectedHierarchyMerges(set, firstDataRow: first, level1Column: l1, level2Column: l1 + 1))
        }
    }

    @Test(arguments: cases.filter { ["project", "departmentIndicators"].contains(sharedImporter.catalog.layout($0.layout)?.kind.rawValue) })
    func convertsToTheStandardLayout(_ c: Case) throws {
        let regional = sharedImporter.importFile(regionalPath(c))
        let path = temporaryFile()
        let warnings = try sharedExporter.export(regional.tables, to: path, layout: c.layout.contains("department") ? "department-standard" : "standard")
        #expect(warnings.isEmpty, "\(warnings)")
        let back = sharedImporter.importFile(path)
        #expect(stripped(back.tables) == stripped(regional.tables))
    }

    @Test func standardWorkbooksStillDetectAsStandardWithoutTheirProperty() throws {
        for name in exampleNames() {
            var workbook = try XLSXReader().read(path: examplePath(name + ".xlsx"))
            workbook.properties.custom = [:]
            let result = sharedImporter.importWorkbook(workbook)
            let layout = result.tables.first?.source?.layout
            #expect(layout == "standard" || layout == "department-standard", "\(name): \(String(describing: layout))")
        }
    }

    @Test func sideBySideSetsThatDisagreeAreReported() throws {
        var t = try loadDocument(examplePath("changqing-2022-no-illegal-building.json")).tables[0].project!
        t.indicatorSets[1].rows[0].level1Raw = "效益指标"
        let warnings = try sharedExporter.export([.project(t)], to: temporaryFile(), layout: "changqing-2022")
        #expect(warnings.contains { $0.code == "layout-lossy" && $0.message.contains("第 1 行") })
    }

    /// A printed table continued on the next page repeats its header rows; pasted back into a sheet they sit
    /// between indicator rows. They are skipped, and the rows after them still belong to their groups.
    @Test(arguments: ["regional/liaocheng-2022-fire-performance.liaocheng-2022-performance", "regional/xinhua-2023-finance-special-work.xinhua-2023"])
    func pageRepeatedHeaderRowsAreSkipped(_ name: String) throws {
        let path = examplePath(name + ".xlsx")
        let original = sharedImporter.importFile(path)
        let sheet = try XLSXReader().read(path: path).sheets[0]
        let top = try #require(sheet.cells.first { ["职责序号", "一级指标"].contains($0.value.text) }).reference.row
        let headerRows = sheet.cells.filter { $0.value.text == "职责序号" || $0.value.text == "一级指标" }.isEmpty ? 1 :
            (name.contains("performance") ? 4 : 1)
        let insertAt = top + headerRows + 2 // after the second record row
        let edited = editedSheet(sheet) { cells, merges in
            let header = cells.filter { $0.key.row >= top && $0.key.row < top + headerRows }
            // Rows that carry a merged duty across the insertion point are split, as a page break does.
            merges = merges.compactMap { m in
                if m.first.row < insertAt && m.last.row >= insertAt && m.first.row >= top + headerRows {
                    return m.first.row < insertAt - 1 ? CellRange(rows: m.first.row...(insertAt - 1), columns: m.first.column...m.last.column) : nil
                }
                return m
            }
            insertRows(&cells, &merges, before: insertAt, count: headerRows)
            for (ref, v) in header { cells[CellReference(row: insertAt + ref.row - top, column: ref.column)] = v }
        }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [edited]))
        #expect(stripped(result.tables).map { $0.indicatorRowCount } == stripped(original.tables).map { $0.indicatorRowCount })
        if case .departmentPerformance(let t)? = result.tables.first, case .departmentPerformance(let o)? = original.tables.first {
            #expect(t.rows.map(\.indicator) == o.rows.map(\.indicator))
        }
        if case .project(let t)? = result.tables.first, case .project(let o)? = original.tables.first {
            #expect(t.indicatorSets.first?.rows.map(\.name) == o.indicatorSets.first?.rows.map(\.name))
        }
    }

    /// Each regional workbook as LibreOffice saves it (the way a department's office program writes it back) imports
    /// to the same tables. Fixtures made with `soffice --headless --convert-to xlsx`.
    @Test(arguments: cases)
    func savedByLibreOfficeImportsTheSame(_ c: Case) throws {
        let name = "\(c.example).\(c.layout).xlsx"
        let saved = try #require(Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures/libreoffice-regional"))
        let ours = sharedImporter.importFile(regionalPath(c))
        let theirs = sharedImporter.importFile(saved)
        #expect(theirs.diagnostics.filter { $0.severity != .info }.isEmpty, "\(theirs.diagnostics)")
        #expect(stripped(theirs.tables) == stripped(ours.tables))
    }

    @Test func everyExampleHasAWorkbook() throws {
        let dir = repositoryRoot.appendingPathComponent("Examples").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir) + (try FileManager.default.contentsOfDirectory(atPath: dir + "/regional"))
        for json in files where json.hasSuffix(".json") {
            let name = String(json.dropLast(5))
            #expect(files.contains { $0 == name + ".xlsx" || ($0.hasPrefix(name + ".") && $0.hasSuffix(".xlsx")) }, "\(name) has no workbook")
        }
    }

    @Test func departmentPerformanceDutiesMergeOverTheirIndicators() throws {
        let sheet = try XLSXReader().read(path: examplePath("regional/liaocheng-2022-fire-performance.liaocheng-2022-performance.xlsx")).sheets[0]
        // 灭火救援 (duty 2) has two indicators: its 职责序号, 部门职责 and 职责目标 cells are merged over both rows.
        let duty = try #require(sheet.cells.first { $0.value == .string("灭火救援") }).reference
        #expect(sheet.merges.contains(CellRange(rows: duty.row...(duty.row + 1), columns: duty.column...duty.column)))
        // 部门职责 is one caption over its two sub-columns, as in the 17-column form.
        let caption = try #require(sheet.cells.first { $0.value == .string("部门职责") }).reference
        #expect(sheet.merges.contains { $0.first == caption && $0.columnCount == 2 })
        // The nested reference header is four rows deep.
        let standard = try #require(sheet.cells.first { $0.value == .string("当年标准值") }).reference
        #expect(sheet.cells.contains { $0.value == .string("标准值") && $0.reference.row == standard.row + 1 })
    }

    @Test func manyRegionalTablesStackedInOneSheet() throws {
        // 永清 publishes 34 project tables one after another; two of them, with a blank row between.
        let c = Self.cases[2]
        let sheet = try XLSXReader().read(path: regionalPath(c)).sheets[0]
        let offset = (sheet.cells.map(\.reference.row).max() ?? 0) + 2
        let cells = sheet.cells + sheet.cells.map { Cell(CellReference(row: $0.reference.row + offset, column: $0.reference.column), $0.value) }
        let merges = sheet.merges + sheet.merges.map { CellRange(rows: ($0.first.row + offset)...($0.last.row + offset), columns: $0.first.column...$0.last.column) }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [Sheet(name: "资金绩效目标", cells: cells, merges: merges)]))
        let one = try expected(c)
        #expect(stripped(result.tables) == stripped(one + one))
    }
}
