import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// `goalbridge layouts draft` (issue 16): a layout drafted from a sample written by another program (openpyxl,
/// XlsxWriter), with the sample's own layout taken out of the catalog so the drafter cannot copy it, reads the sample
/// back to the document derived from the seed text.
struct LayoutDraftTests {
    struct Sample: Sendable, CustomStringConvertible {
        var workbook: String
        var expected: String
        /// The shipped layout the sample belongs to, removed before drafting.
        var layout: String
        var description: String { (workbook as NSString).lastPathComponent }
    }

    static let foreign = ForeignFormTests.directory
    static let corpus = CorpusTests.directory
    static let samples: [Sample] = [
        Sample(workbook: foreign + "/provincial-declaration.xlsx", expected: foreign + "/provincial-declaration.json", layout: "provincial-declaration"),
        Sample(workbook: foreign + "/system-export.xlsx", expected: foreign + "/system-export.json", layout: "system-export"),
        Sample(workbook: corpus + "/pingyin-02-single.xlsx", expected: corpus + "/pingyin-02-single.json", layout: "pingyin-2024"),
        Sample(workbook: corpus + "/yongqing-01-single.xlsx", expected: corpus + "/yongqing-01-single.json", layout: "yongqing-2021-project"),
        Sample(workbook: corpus + "/xinhua-01-single.xlsx", expected: corpus + "/xinhua-01-single.json", layout: "xinhua-2023"),
        Sample(workbook: corpus + "/liaocheng-01-single.xlsx", expected: corpus + "/liaocheng-01-single.json", layout: "liaocheng-2022-operating"),
        Sample(workbook: corpus + "/changqing-01-single.xlsx", expected: corpus + "/changqing-01-single.json", layout: "changqing-2022"),
    ]

    @Test(arguments: samples)
    func aDraftReadsItsSampleBack(_ sample: Sample) throws {
        let shipped = try LayoutCatalog.bundled()
        let others = LayoutCatalog(layouts: shipped.layouts.filter { $0.id != sample.layout })
        let book = try XLSXReader().read(path: sample.workbook)
        let drafter = LayoutDrafter(catalog: others)
        let sheet = try #require(drafter.sampleSheet(in: book))
        let draft = drafter.draft(sheet, id: "draft")
        // The draft passes the checks every layout file passes.
        let data = try JSONEncoder().encode(draft.spec)
        let spec = try LayoutFile.load(data, file: "draft.json")
        var catalog = others
        catalog.replace(spec, origin: "draft.json")
        let result = try GoalImporter(catalog: catalog).importWorkbook(book, file: sample.workbook, layout: "draft")
        let expected = try loadDocument(sample.expected)
        let misses = CorpusComparison.misses(expected: expected.tables, imported: result.tables)
        #expect(misses.isEmpty, "\(draft.unplaced)\n\(misses)\n\(String(decoding: data, as: UTF8.self))\n\(result.diagnostics.map(\.message))")
    }
}

/// The drafter over the whole corpus: every single-table workbook of a kind it drafts (project tables and department
/// indicator tables), drafted with its own layout taken out of the catalog and read back with the draft. The figure
/// measured: 257 of 259 exact (the miss: one 新华 funds row, in two variants). A guard against the drafter getting
/// worse, with the misses named.
struct LayoutDraftCorpusTests {
    @Test func draftsReadTheCorpusBack() throws {
        let dir = CorpusTests.directory
        let shipped = try LayoutCatalog.bundled()
        var exact = 0, total = 0
        var misses: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".xlsx") }).sorted() {
            let path = dir + "/" + name
            let expected = try loadDocument(path.replacingOccurrences(of: ".xlsx", with: ".json"))
            guard expected.tables.count == 1, [.project, .departmentIndicators].contains(expected.tables[0].kindForDraft) else { continue }
            let book = try XLSXReader().read(path: path)
            guard let layout = sharedImporter.importWorkbook(book, file: path).tables.first?.source?.layout else { continue }
            total += 1
            let others = LayoutCatalog(layouts: shipped.layouts.filter { $0.id != layout })
            let drafter = LayoutDrafter(catalog: others)
            let sheet = try #require(drafter.sampleSheet(in: book))
            let spec = try LayoutFile.load(try JSONEncoder().encode(drafter.draft(sheet, id: "draft").spec), file: name)
            var catalog = others
            catalog.replace(spec, origin: name)
            let result = try GoalImporter(catalog: catalog).importWorkbook(book, file: path, layout: "draft")
            let missed = CorpusComparison.misses(expected: expected.tables, imported: result.tables)
            if missed.isEmpty { exact += 1 } else { misses.append(name) }
        }
        #expect(total >= 250)
        #expect(exact >= total - 2, "\(exact) of \(total) exact; missed: \(misses)")
    }
}

private extension GoalTable {
    var kindForDraft: TableKind {
        switch self {
        case .project: return .project
        case .departmentIndicators: return .departmentIndicators
        case .departmentStrategic: return .departmentStrategic
        case .departmentPerformance: return .departmentPerformance
        case .projectList: return .projectList
        }
    }
}
