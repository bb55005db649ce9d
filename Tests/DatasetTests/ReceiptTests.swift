import Foundation
import Testing
import GoalBridge
import GoalBridgeModel
@testable import GoalBridgeDataset
@testable import GoalBridgeSpreadsheet

/// Documents fit to send out (issue 14): the receipt is a letter — title, batch, local date and time, department,
/// rows in Chinese, landscape A4 with the header repeated and page numbers — and the consolidated workbook keeps
/// numbers as numbers and shows people Chinese, not codes.
struct ReceiptTests {
    /// Text of every cell of a sheet, by A1 reference.
    func cells(_ sheet: Sheet) -> [String: CellValue] {
        Dictionary(uniqueKeysWithValues: sheet.cells.map { ($0.reference.description, $0.value) })
    }

    /// A part of the package, as text.
    func part(_ path: String, _ name: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.withUnsafeBytes { buffer in
            let zip = try ZipArchive(bytes: buffer, limits: .standard, file: path)
            return String(decoding: try #require(try zip.read(name)), as: UTF8.self)
        }
    }

    /// Codes a department must never read: `read-error`, `extra-cell`, `ge`, a layout id.
    static func looksLikeCode(_ text: String) -> Bool {
        text.range(of: #"^[a-z]+(-[a-z0-9]+)+$"#, options: .regularExpression) != nil || ["ge", "le", "gt", "lt", "eq"].contains(text)
    }

    @Test func aDepartmentsReceiptReadsLikeALetter() throws {
        let inbox = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([inbox.path])
        let departments = try dataset.receiptDepartments()
        #expect(departments.last == Dataset.unknownDepartment)
        let police = try #require(departments.first { $0.contains("公安") })
        let path = work.appendingPathComponent("回执.xlsx").path
        try dataset.writeReceipt(to: path, options: ReceiptOptions(batch: "2024年第一批", department: police))

        let book = try XLSXReader().read(path: path)
        #expect(book.sheets.map(\.name) == ["回执", "问题"])
        let receipt = cells(book.sheets[0])
        #expect(receipt["A1"]?.text == "绩效目标表收录回执")
        let heading = try #require(receipt["A2"]?.text)
        #expect(heading.contains("部门：\(police)") && heading.contains("批次：2024年第一批"))
        #expect(heading.range(of: #"生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, options: .regularExpression) != nil, "\(heading)")
        #expect(["A3", "B3", "C3", "D3"].map { receipt[$0]?.text } == ["序号", "部门", "文件", "状态"])
        // Only this department's files: the police table and its copy with a note.
        let files = book.sheets[0].cells.filter { $0.reference.row >= 3 && $0.reference.column == 2 }.map(\.value.text).sorted()
        #expect(files == ["pingyin-2024-police-auxiliary.xlsx", "带备注.xlsx"])
        #expect(receipt["A4"] == .number(1))                       // numbers are numbers
        // Problems: Chinese throughout, each with its place.
        let problems = book.sheets[1].cells.filter { $0.reference.row >= 3 }
        #expect(!problems.isEmpty)
        #expect(!book.sheets.flatMap(\.cells).contains { Self.looksLikeCode($0.value.text) },
                "\(book.sheets.flatMap(\.cells).filter { Self.looksLikeCode($0.value.text) }.map(\.value.text))")
        // Printed as a letter: landscape A4 fitted to the width, header rows repeated, page numbers.
        let sheetXML = try part(path, "xl/worksheets/sheet1.xml")
        #expect(sheetXML.contains("orientation=\"landscape\"") && sheetXML.contains("paperSize=\"9\""))
        #expect(sheetXML.contains("fitToWidth=\"1\"") || sheetXML.contains("fitToPage=\"1\""))
        #expect(sheetXML.contains("&amp;P") && sheetXML.contains("&amp;N"))
        let workbookXML = try part(path, "xl/workbook.xml")
        #expect(workbookXML.contains("_xlnm.Print_Titles"))
        // Wrapped text, and no column left at the default width.
        #expect(try part(path, "xl/styles.xml").contains("wrapText=\"1\""))
    }

    @Test func oneReceiptPerDepartment() throws {
        let inbox = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([inbox.path])
        let written = try dataset.writeReceipts(toDirectory: work.appendingPathComponent("回执").path, batch: nil)
        #expect(written.count == (try dataset.receiptDepartments()).count)
        var lines = 0
        for path in written {
            let book = try XLSXReader().read(path: path)
            let department = book.sheets[0].cells.filter { $0.reference.row >= 3 && $0.reference.column == 1 }.map(\.value.text)
            #expect(Set(department).count == 1, "\(path)")
            lines += department.count
        }
        // Every line of the whole run's receipt is in exactly one department's.
        #expect(lines == (try dataset.receiptFiles()).rows.count)
    }

    /// The consolidated workbook: numbers as numbers, layouts by name, comparators as written, problems in Chinese;
    /// and `collect` runs the rules across tables before it writes it, so a duplicate shows without `check --db`.
    @Test func theConsolidatedWorkbookShowsPeopleChineseAndNumbers() throws {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in ["甲.xlsx", "乙.xlsx"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: inbox.appendingPathComponent(name))
        }
        let work = scratch()
        let xlsx = work.appendingPathComponent("汇总.xlsx").path
        let result = try runTool(["collect", inbox.path, "--db", work.appendingPathComponent("d.sqlite").path, "--xlsx", xlsx, "--quiet"])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        let book = try XLSXReader().read(path: xlsx)
        let tables = try #require(book.sheet(named: "项目"))
        let header = Dictionary(uniqueKeysWithValues: tables.cells.filter { $0.reference.row == 0 }.map { ($0.value.text, $0.reference.column) })
        let row1 = Dictionary(uniqueKeysWithValues: tables.cells.filter { $0.reference.row == 1 }.map { ($0.reference.column, $0.value) })
        if case .number = row1[header["表ID"]!] {} else { Issue.record("表ID is not a number: \(String(describing: row1[header["表ID"]!]))") }
        #expect(row1[header["资金总额"]!] == .number(2820.81))
        #expect(row1[header["版式"]!]?.text == "项目支出绩效目标表（标准模板）")
        let indicators = try #require(book.sheet(named: "指标"))
        #expect(indicators.cells.contains { $0.value.text == "≤" })
        let problems = try #require(book.sheet(named: "问题"))
        #expect(problems.cells.contains { $0.value.text.contains("内容完全相同") && $0.value.text.contains("文件“") })
        #expect(!book.sheets.filter { $0.name != "指标" }.flatMap(\.cells).contains { Self.looksLikeCode($0.value.text) })
    }
}

/// `check --db … --annotate DIR` writes a return copy of every current file, filed by department, with the findings
/// stored for it — its own rules and the rules across tables (issue 14: it wrote nothing and exited 0).
struct DatasetReturnCopyTests {
    @Test func everyCurrentFileGetsItsReturnCopy() throws {
        let inbox = scratch().appendingPathComponent("收件")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in ["甲.xlsx", "乙.xlsx"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/pingyin-2024-police-auxiliary.xlsx"), to: inbox.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Examples/xinhua-2023-enterprise-relief.xlsx"), to: inbox.appendingPathComponent("丙.xlsx"))
        let work = scratch()
        let db = work.appendingPathComponent("d.sqlite").path
        _ = try Collector(dataset: try Dataset(path: db)).collect([inbox.path])
        let out = work.appendingPathComponent("退回").path
        let result = try runTool(["check", "--db", db, "--annotate", out])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        let police = (out as NSString).appendingPathComponent("平阴县公安局")
        let copies = try FileManager.default.contentsOfDirectory(atPath: police).sorted()
        #expect(copies == ["乙-审核意见.xlsx", "甲-审核意见.xlsx"])
        let all = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".xlsx") }
        #expect(all.count == 3)
        // The copy of one of the twins carries the duplicate-table finding, naming the other file.
        let notes = try copies.map { name -> [String] in
            let book = try XLSXReader().read(path: (police as NSString).appendingPathComponent(name))
            return try #require(book.sheet(named: "审核意见")).cells.map(\.value.text)
        }
        #expect(notes.contains { $0.contains { $0.contains("内容完全相同") && ($0.contains("甲.xlsx") || $0.contains("乙.xlsx")) } })
        #expect(notes.allSatisfy { $0.count > 10 })   // each has the table's own findings too
    }
}

/// `check --min-action 退回修改` lists only what must change; the receipt shows each problem's action and opinion.
struct ActionOutputTests {
    @Test func onlyWhatMustChange() throws {
        let example = repo.appendingPathComponent("Examples/xinhua-2023-enterprise-relief.xlsx").path
        let all = try runTool(["check", example])
        let must = try runTool(["check", example, "--min-action", "退回修改"])
        let lines = { (s: String) in s.components(separatedBy: "\n").filter { $0.contains("[Q") || $0.contains("[S") } }
        #expect(!lines(must.output).isEmpty && lines(must.output).count < lines(all.output).count)
        #expect(lines(must.output).allSatisfy { $0.contains("退回修改") }, "\(lines(must.output))")
    }

    /// Every warning or error the importer gives on the fixtures other programs wrote has a name a department reads
    /// in the receipt (not the catch-all 读取问题): a new reading problem without one fails here.
    @Test func everyReadingProblemOfTheFixturesHasAName() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Tests/BridgeTests/Fixtures/foreign").path
        let importer = try GoalImporter()
        var codes: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".xlsx") {
            for d in importer.importFile(folder + "/" + name).diagnostics where d.severity != .info { codes[d.code] = codes[d.code] ?? name }
        }
        #expect(codes["listed-not-found"] != nil && codes.count >= 8, "\(codes.keys.sorted())")
        let unnamed = codes.filter { ReceiptText.readingProblems[$0.key] == nil }
        #expect(unnamed.isEmpty, "\(unnamed)")
    }

    @Test func theReceiptSaysWhatToDo() throws {
        let inbox = try mixedFolder()
        let work = scratch()
        let dataset = try Dataset(path: work.appendingPathComponent("d.sqlite").path)
        _ = try Collector(dataset: dataset).collect([inbox.path])
        let path = work.appendingPathComponent("回执.xlsx").path
        try dataset.writeReceipt(to: path)
        let sheet = try #require(try XLSXReader().read(path: path).sheet(named: "问题"))
        let header = Dictionary(uniqueKeysWithValues: sheet.cells.filter { $0.reference.row == 2 }.map { ($0.value.text, $0.reference.column) })
        let action = try #require(header["处理"]), opinion = try #require(header["审核意见"])
        let actions = Set(sheet.cells.filter { $0.reference.row > 2 && $0.reference.column == action }.map(\.value.text))
        #expect(actions.isSubset(of: ["退回修改", "提示"]) && actions.count == 2)
        #expect(sheet.cells.contains { $0.reference.row > 2 && $0.reference.column == opinion && $0.value.text == "指标不够细化、量化" })
    }
}
