import Foundation
import GoalBridgeModel
import Testing
@testable import GoalBridge

/// A clerk typing with the input method in full-width mode writes `（２０２２年度）` and `００１００２ 聊城市…` (聊城's form,
/// openpyxl, scripts/corpus/foreign.py). Both lines were extras with a warning, the table without its year and its
/// 实施单位; the digits a form's line holds (year, codes) are read in either width and kept in ASCII.
struct FullWidthDigitTests {
    @Test func aFormsLinesTypedInFullWidth() throws {
        let path = ForeignFormTests.directory + "/liaocheng-fullwidth-digits.xlsx"
        let result = try importExactly(path, expected: ForeignFormTests.directory + "/liaocheng-fullwidth-digits.json")
        let table = try #require(result.tables.first?.project)
        #expect(table.fiscalYear == 2022)
        #expect(table.implementingUnit?.code == "001002")
    }

    @Test(arguments: [("（{fiscalYear:year} 年度）", "（２０２２ 年度）", "fiscalYear", "2022"),
                      ("{implementingUnit.code:digits} {implementingUnit.name}", "００１００２ 聊城市农业技术推广服务中心", "implementingUnit.code", "001002"),
                      ("{implementingUnit.code:digits} {implementingUnit.name}", "００１００２ 聊城市农业技术推广服务中心", "implementingUnit.name", "聊城市农业技术推广服务中心"),
                      ("项目编码：{projectCode:code}", "项目编码：３７１５００２２Ｐ９９", "projectCode", "37150022P99")])
    func patternedFieldsInEitherWidth(_ template: String, _ text: String, _ field: String, _ value: String) throws {
        let t = try #require(TextTemplate(template))
        #expect(t.match(text)?[field] == value)
    }
}
