import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// The national and system forms that ship as layouts (issue 16), each with a workbook written by openpyxl or
/// XlsxWriter (scripts/corpus/foreign.py) and its expected document derived from the seed text: the central
/// 项目支出绩效目标申报表 (中期 and 年度 funds, goals and indicator sets side by side, 项目负责人, 联系电话), the central
/// 部门（单位）整体支出绩效目标申报表 (年度主要任务 rows, 年度预算申请 by 收入性质 and 支出性质), the provincial
/// 项目支出绩效目标申报表 (one 指标值 column, 分值, 评（扣）分标准) and the 预算管理一体化 system's export (`编码-名称`
/// cells, funds by source with six decimals, 指标性质/指标值/度量单位, 权重, 指标解释). Each imports exactly, wins
/// detection by a margin, exports back in its own look, and converts to the standard layout saying what has no place.
struct ShippedFormTests {
    struct Form: Sendable, CustomStringConvertible {
        var layout: String
        /// The merge that spans the project's name on the form.
        var nameMerge: String
        /// Words one of the warnings must hold when the table goes into the standard layout.
        var unplacedInStandard: [String]
        var standardLayout = "standard"
        var description: String { layout }
    }

    static let forms = [
        Form(layout: "provincial-declaration", nameMerge: "B2:F2", unplacedInStandard: ["分值"]),
        Form(layout: "national-declaration", nameMerge: "B3:H3", unplacedInStandard: ["项目负责人", "联系电话", "中期目标期间"]),
        Form(layout: "department-declaration", nameMerge: "B3:H3", unplacedInStandard: ["年度主要任务（任务名称）", "一般公共预算", "基本支出"],
             standardLayout: "department-standard"),
        Form(layout: "system-export", nameMerge: "B2:H2", unplacedInStandard: ["年度财政专户管理资金", "年度单位资金", "分值/权重"]),
    ]

    static func workbook(_ form: Form) -> String { ForeignFormTests.directory + "/\(form.layout).xlsx" }

    @Test(arguments: forms) func importsExactly(_ form: Form) throws {
        let expected = try loadDocument(ForeignFormTests.directory + "/\(form.layout).json")
        let result = sharedImporter.importFile(Self.workbook(form))
        #expect(result.tables.first?.source?.layout == form.layout)
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty,
                "\(CorpusComparison.misses(expected: expected.tables, imported: result.tables))")
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test(arguments: forms) func winsDetectionByAMargin(_ form: Form) throws {
        let book = try XLSXReader().read(path: Self.workbook(form))
        let fits = try #require(sharedImporter.explain(book).first?.fits)
        #expect(fits.first?.fit.layout == form.layout)
        #expect(fits.count > 1 && fits[0].fit.score - fits[1].fit.score > 0.3, "\(fits.map { ($0.fit.layout, $0.fit.score) })")
    }

    @Test(arguments: forms) func exportsBackInItsOwnLookAndConverts(_ form: Form) throws {
        let tables = sharedImporter.importFile(Self.workbook(form)).tables
        let (grid, back) = try roundTrip(tables, layout: form.layout)
        #expect(stripped(back.tables) == stripped(tables))
        #expect(grid.sheets[0].merges.contains { $0.description == form.nameMerge }, "\(grid.sheets[0].merges.map(\.description))")
        // In the standard layout, what has no place is said, not dropped silently.
        let out = temporaryFile()
        let warnings = try sharedExporter.export(tables, to: out, layout: form.standardLayout).map(\.message).joined(separator: "\n")
        for word in form.unplacedInStandard { #expect(warnings.contains(word), "\(word) in \(warnings)") }
    }
}

/// A layout may declare the lines every file of its form carries and that hold no field (`knownLines`): a bureau's
/// provincial form with `表号：省财绩01表` over the title (written by openpyxl, scripts/corpus/foreign.py). Declared, the
/// line is kept as an extra without a warning and is not taken for the title. 表号 is also a note line of the
/// vocabulary (every fiscal form numbers itself so), so the form reads the same undeclared; a line neither declared nor
/// known (`密级：内部`) is taken for the title (the first text above the anchor) and the form's own title is warned
/// about: loud, and the fix is to declare it.
struct KnownLineTests {
    static let workbook = ForeignFormTests.directory + "/provincial-numbered.xlsx"

    @Test func aDeclaredLineIsKeptQuietly() throws {
        var spec = try #require(sharedImporter.catalog.layout("provincial-declaration"))
        spec.knownLines = ["表号", "编号"]
        let data = try JSONEncoder().encode(spec)
        let loaded = try LayoutFile.load(data, file: "省版式.json")   // the key passes the layout checks
        var catalog = sharedImporter.catalog
        catalog.replace(loaded, origin: "省版式.json")
        let result = try GoalImporter(catalog: catalog).importFile(Self.workbook)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
        guard case .project(let t) = try #require(result.tables.first) else { Issue.record("not a project table"); return }
        #expect(t.extras.map { "\($0.label)=\($0.value)@\($0.source?.cell ?? "")" } == ["表号=省财绩01表@F1"])
        #expect(t.title == nil)   // the form's own title, not the 表号 line
        // Everything else reads as in the form without the line.
        let plain = try loadDocument(ForeignFormTests.directory + "/provincial-declaration.json")
        var withoutLine = t
        withoutLine.extras = []
        #expect(CorpusComparison.misses(expected: plain.tables, imported: [.project(withoutLine)]).isEmpty)
    }

    @Test func aFormNumberIsKnownUndeclared() throws {
        let result = sharedImporter.importFile(Self.workbook)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
        let t = try #require(result.tables.first?.project)
        #expect(t.extras.map { "\($0.label)=\($0.value)@\($0.source?.cell ?? "")" } == ["表号=省财绩01表@F1"] && t.title == nil)
    }

    @Test func anUnknownLineIsWarnedAbout() throws {
        let workbook = try XLSXReader().read(path: Self.workbook)
        let sheet = editedSheet(workbook.sheets[0]) { cells, _ in cells[CellReference("F1")!] = .string("密级：内部") }
        let result = sharedImporter.importWorkbook(Workbook(sheets: [sheet]), file: Self.workbook)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.cell) == ["A2"], "\(result.diagnostics.map(\.message))")
        #expect(warnings.first?.message.contains("项目支出绩效目标申报表") == true)
    }
}

/// A first cell merged over three columns ends an indicator block (it is the next table's title) only when it is wider
/// than the header over its column: the provincial form drawn with 一级指标 merged over three columns in the header and
/// on every row (openpyxl, scripts/corpus/foreign.py) reads all twelve indicators. (It read none before: every row
/// was taken for a title.)
struct WideColumnTests {
    @Test func aWideFirstColumnUnderAsWideAHeaderIsData() throws {
        let result = sharedImporter.importFile(ForeignFormTests.directory + "/provincial-wide-levels.xlsx")
        let expected = try loadDocument(ForeignFormTests.directory + "/provincial-declaration.json")
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty,
                "\(CorpusComparison.misses(expected: expected.tables, imported: result.tables))")
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }
}

/// A layout may say how its title names the table (`titleTemplate`): the 部门整体 申报表 as a department fills it, its
/// name and year only in the title and the 名称 cell blank (openpyxl, scripts/corpus/foreign.py). With the template the
/// name and year come from the title, and the title — nothing but those fields — reads back as no title; the table
/// written again carries the same title.
struct TitleTemplateTests {
    static let workbook = ForeignFormTests.directory + "/department-titled.xlsx"

    static func catalog() throws -> LayoutCatalog {
        var spec = try #require(sharedImporter.catalog.layout("department-declaration"))
        spec.titleTemplate = "{departmentName}{fiscalYear:year}年度部门（单位）整体支出绩效目标申报表"
        var catalog = sharedImporter.catalog
        catalog.replace(try LayoutFile.load(try JSONEncoder().encode(spec), file: "部门版式.json"), origin: "部门版式.json")
        return catalog
    }

    @Test func fieldsComeFromTheTitle() throws {
        let result = try GoalImporter(catalog: try Self.catalog()).importFile(Self.workbook)
        let expected = try loadDocument(ForeignFormTests.directory + "/department-declaration.json")
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty,
                "\(CorpusComparison.misses(expected: expected.tables, imported: result.tables))")
        guard case .departmentIndicators(let t) = try #require(result.tables.first) else { Issue.record("not a department table"); return }
        #expect(t.sources?["departmentName"]?.cell == "A1")
        // Written again, the title is made from the fields.
        let out = temporaryFile()
        _ = try GoalExporter(catalog: try Self.catalog()).export(result.tables, to: out, layout: "department-declaration")
        let grid = try XLSXReader().read(path: out)
        #expect(grid.sheets[0].cells.first?.value.text == "河北永清经济开发区管理委员会2021年度部门（单位）整体支出绩效目标申报表")
    }

    @Test func withoutTheTemplateTheNameIsMissing() throws {
        let result = sharedImporter.importFile(Self.workbook)
        guard case .departmentIndicators(let t) = try #require(result.tables.first) else { Issue.record("not a department table"); return }
        #expect(t.departmentName == nil && t.title == "河北永清经济开发区管理委员会2021年度部门（单位）整体支出绩效目标申报表")
    }
}

/// The word a layout writes for a value that is text (`qualitativeMarker`): 定性 instead of 文字描述 in the standard
/// 符号/值/单位 columns; either word reads back as text.
struct QualitativeMarkerTests {
    @Test func theLayoutsWordIsWrittenAndReadBack() throws {
        var spec = try #require(sharedImporter.catalog.layout("standard"))
        spec.rows = spec.rows.map { row in
            guard case .indicators(var b) = row else { return row }
            b.qualitativeMarker = "定性"
            return .indicators(b)
        }
        var catalog = sharedImporter.catalog
        catalog.replace(try LayoutFile.load(try JSONEncoder().encode(spec), file: "定性.json"), origin: "定性.json")
        let tables = try loadDocument(examplePath("pingyin-2024-police-auxiliary.json")).tables
        let out = temporaryFile()
        _ = try GoalExporter(catalog: catalog).export(tables, to: out, layout: "standard")
        let grid = try XLSXReader().read(path: out)
        let texts = grid.sheets[0].cells.map(\.value.text)
        #expect(texts.contains("定性") && !texts.contains("文字描述"))
        let back = try GoalImporter(catalog: catalog).importWorkbook(grid, file: out)
        let rows = { (t: [GoalTable]) -> [String] in t.flatMap { table -> [String] in
            guard case .project(let p) = table else { return [] }
            return p.indicatorSets.flatMap { $0.rows.map(\.value.raw) }
        } }
        #expect(rows(back.tables) == rows(tables))
    }
}

/// The shipped forms and the flat file saved again by LibreOffice (`soffice --convert-to xlsx`) and by gnumeric
/// (`ssconvert`), committed in Fixtures/foreign/libreoffice and /gnumeric (their own shared strings, styles and merges;
/// scripts/corpus/resave.sh), import exactly to the same expected documents, without a warning.
struct ResaveTests {
    @Test(arguments: ["libreoffice", "gnumeric"], ["national-declaration", "department-declaration", "provincial-declaration", "system-export", "system-flat"])
    func aResaveReadsTheSame(_ program: String, _ name: String) throws {
        let result = sharedImporter.importFile(ForeignFormTests.directory + "/\(program)/\(name).xlsx")
        let expected = try loadDocument(ForeignFormTests.directory + "/\(name).json")
        #expect(CorpusComparison.misses(expected: expected.tables, imported: result.tables).isEmpty,
                "\(CorpusComparison.misses(expected: expected.tables, imported: result.tables))")
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }
}
