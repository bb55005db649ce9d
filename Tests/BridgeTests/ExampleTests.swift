import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeSpreadsheet

/// Examples/: tables transcribed by hand from the seeds, and the workbooks GoalBridge writes for them.
struct ExampleTests {
    @Test(arguments: exampleNames())
    func workbookImportsToItsJSON(_ name: String) throws {
        let expected = try loadDocument(examplePath(name + ".json"))
        let result = sharedImporter.importFile(examplePath(name + ".xlsx"))
        #expect(!result.hasErrors)
        #expect(result.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(result.diagnostics)")
        #expect(stripped(result.tables) == stripped(expected.tables))
        for table in result.tables { #expect(table.source?.layout != nil) }
    }

    @Test(arguments: exampleNames())
    func modelToWorkbookToModelIsIdentity(_ name: String) throws {
        let expected = try loadDocument(examplePath(name + ".json"))
        let (grid, result) = try roundTrip(expected.tables)
        #expect(stripped(result.tables) == stripped(expected.tables))
        // The merges on the level columns are exactly the hierarchy.
        let sheet = grid.sheets[0]
        for case .project(let table) in expected.tables {
            for set in table.indicatorSets {
                let caption = set.scope == .annual ? "年度绩效指标" : "中期绩效指标"
                let headerRow = try #require(sheet.row(of: caption))
                let firstData = headerRow + 2
                let levelMerges = Set(sheet.merges.filter { ($0.first.column == 1 || $0.first.column == 2) && $0.first.row >= firstData && $0.last.row < firstData + set.rows.count })
                #expect(levelMerges == expectedHierarchyMerges(set, firstDataRow: firstData, level1Column: 1, level2Column: 2))
                // The caption column is merged over the header and every data row.
                #expect(sheet.merges.contains(CellRange(rows: headerRow...(firstData + set.rows.count - 1), columns: 0...0)))
            }
        }
    }

    @Test func provenanceNamesSheetAndCell() throws {
        let result = sharedImporter.importFile(examplePath("pingyin-2024-police-auxiliary.xlsx"))
        let table = try #require(result.tables.first?.project)
        #expect(table.sources?["projectName"] == SourceCell(sheet: "项目支出绩效目标表", cell: "B3"))
        #expect(table.source?.templateId == "standard")
        #expect(table.source?.templateVersion == "1.0")
        let row = try #require(table.indicatorSets.first?.rows.first)
        #expect(row.sources?["name"]?.cell.hasPrefix("D") == true)
    }

    @Test func libreOfficeSavedWorkbooksImportTheSame() throws {
        for (fixtureName, example) in [("libreoffice-pingyin.xlsx", "pingyin-2024-police-auxiliary"), ("libreoffice-xinhua.xlsx", "xinhua-2023-finance-special-work")] {
            let expected = try loadDocument(examplePath(example + ".json"))
            let result = sharedImporter.importFile(fixture(fixtureName))
            #expect(stripped(result.tables) == stripped(expected.tables), "\(fixtureName)")
            // …and exporting what LibreOffice saved is stable: the next round trip changes nothing,
            // and the level merges written are exactly the hierarchy.
            let (grid, again) = try roundTrip(result.tables)
            #expect(stripped(again.tables) == stripped(result.tables))
            let sheet = grid.sheets[0]
            for case .project(let table) in result.tables {
                let set = try #require(table.indicators(.annual))
                let header = try #require(sheet.row(of: "年度绩效指标"))
                let first = header + 2
                let written = Set(sheet.merges.filter { ($0.first.column == 1 || $0.first.column == 2) && $0.first.row >= first })
                #expect(written == expectedHierarchyMerges(set, firstDataRow: first, level1Column: 1, level2Column: 2), "\(fixtureName)")
            }
        }
    }
}

struct TemplateTests {
    @Test(arguments: ["standard", "department-standard"])
    func committedTemplateIsWhatTheGeneratorWrites(_ id: String) throws {
        let path = temporaryFile("\(id).xlsx")
        try sharedExporter.writeTemplate(layout: id, to: path)
        let committed = repositoryRoot.appendingPathComponent("Templates/\(id).xlsx")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: committed),
                "Templates/\(id).xlsx is stale: run `make templates`")
    }

    @Test func templateHasProtectionDropdownsInstructionsAndIdentity() throws {
        let path = temporaryFile()
        try sharedExporter.writeTemplate(layout: "standard", to: path)
        let wb = try XLSXReader().read(path: path)
        #expect(wb.sheets.map(\.name) == ["项目支出绩效目标表", TemplateNames.instructionsSheet, TemplateNames.listSheet])
        #expect(wb.sheets[2].state == .hidden)
        #expect(wb.properties.custom[GoalImporter.templateIdProperty] == .string("standard"))
        #expect(wb.properties.custom[GoalImporter.templateVersionProperty] == .string("1.0"))
        let sheetXML = try unzip(path, "xl/worksheets/sheet1.xml")
        #expect(sheetXML.contains("<sheetProtection"))
        #expect(sheetXML.contains("insertRows=\"0\""))
        #expect(sheetXML.contains("INDIRECT($B"))
        #expect(sheetXML.contains("<dataValidation"))
        #expect(sheetXML.contains("填写四位年份")) // the input hint on 年度
        let stylesXML = try unzip(path, "xl/styles.xml")
        #expect(stylesXML.contains("locked=\"0\""))
        let workbookXML = try unzip(path, "xl/workbook.xml")
        #expect(workbookXML.contains("<definedName name=\"产出指标\""))
        #expect(workbookXML.contains("_xlnm.Print_Titles"))
        // The skeleton offers cost as level 1 (2024 reform) and not the legacy 成本指标 under 产出.
        let grid = wb.sheets[0]
        #expect(grid.cells.contains { $0.value == .string("经济成本指标") })
        #expect(grid.cells.filter { $0.value == .string("成本指标") }.count == 2) // one level-1 cell per block
        // A blank template is found in its own layout and said to be blank: nothing to store or review.
        let result = sharedImporter.importWorkbook(wb, file: path)
        #expect(result.tables.isEmpty)
        #expect(result.diagnostics.filter { $0.severity != .info }.map(\.code) == ["blank-tables"], "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.code == "blank-table" && $0.sheet == "项目支出绩效目标表" })
    }
}

/// The text of one part of a workbook, read with the project's own zip reader.
func unzip(_ path: String, _ part: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let bytes = try data.withUnsafeBytes { try ZipArchive(bytes: $0, limits: .standard, file: path).read(part) }
    return String(decoding: bytes ?? [], as: UTF8.self)
}
