import Foundation
import Testing
@testable import GoalBridge
import GoalBridgeModel
import GoalBridgeReview

/// Goal tables in forms none of the layouts describes (Fixtures/foreign, written by scripts/corpus/foreign.py
/// with openpyxl): a 项目支出绩效自评表 (年度指标值 beside 实际完成值, 分值, 得分), which departments send by mistake for
/// the goal table. Importing it must say loudly that the layout is not known, and the review must not tell the
/// department that fields are missing that were only not placed. (The national, provincial and 一体化 forms have
/// layouts now: ShippedFormTests.)
struct ForeignFormTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/BridgeTests/Fixtures/foreign").path

    @Test(arguments: ["self-evaluation"])
    func anUnknownFormIsUncertainNotSilentlyMisread(_ name: String) throws {
        let result = sharedImporter.importFile(Self.directory + "/\(name).xlsx")
        let error = try #require(result.diagnostics.first { $0.code == "layout-uncertain" })
        #expect(error.severity == .error)
        #expect(error.message.contains("无法确定此表的版式"))
        #expect(error.message.contains("吻合度"))
        #expect(error.cell != nil)
        #expect(result.hasErrors) // so `import` exits non-zero and `collect` stores 失败 with this reason
        let table = try #require(result.tables.first)
        #expect(table.source?.layoutUncertain == true)

        // Not reviewed: one finding says why, and none claims a missing field.
        let findings = Reviewer().review(result.tables).filter { $0.table == 0 }
        #expect(findings.map(\.rule) == ["Q0"], "\(findings.map(\.message))")
    }

    @Test func namingTheLayoutTakesResponsibility() {
        let result = sharedImporter.importFile(Self.directory + "/provincial-declaration.xlsx", layout: "standard")
        #expect(!result.diagnostics.contains { $0.code == "layout-uncertain" })
        #expect(result.tables.first?.source?.layoutUncertain == nil)
    }

    @Test func everyKnownFormIsCertain() throws {
        let dirs = [CorpusTests.directory, repositoryRoot.appendingPathComponent("Examples/regional").path,
                    repositoryRoot.appendingPathComponent("Examples").path]
        var checked = 0
        for dir in dirs {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".xlsx") {
                let result = sharedImporter.importFile(dir + "/" + name)
                #expect(!result.diagnostics.contains { $0.code == "layout-uncertain" }, "\(name)")
                checked += 1
            }
        }
        #expect(checked > 140)
    }

    @Test func uncertaintyNeedsAWeakFitOrARivalAsGood() {
        typealias Fit = GoalImporter.LayoutFit
        #expect(!Fit.isUncertain([Fit(layout: "a", recall: 1, precision: 1), Fit(layout: "b", recall: 0.9, precision: 0.8)]))
        #expect(Fit.isUncertain([Fit(layout: "a", recall: 0.5, precision: 0.9)]))
        #expect(Fit.isUncertain([Fit(layout: "a", recall: 0.95, precision: 0.95), Fit(layout: "b", recall: 0.94, precision: 0.95)]))
        // As good a score, but the runner-up knows clearly fewer of the sheet's labels: not a rival.
        #expect(!Fit.isUncertain([Fit(layout: "a", recall: 0.9, precision: 1.0), Fit(layout: "b", recall: 1.0, precision: 0.88)]))
        #expect(!Fit.isUncertain([]))
    }
}
