import Foundation
import Testing
import GoalBridgeModel
@testable import GoalBridgeReview

struct NameFinderTests {
    /// The names found in a text are exactly those a search for each name finds, for names that share long
    /// prefixes (`2024年…`), names inside other names, and texts made of pieces of names.
    @Test func findsExactlyTheNamesASearchFinds() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let pieces = ["2024年", "平阴县", "警务", "辅助", "人员", "专项", "经费", "农村", "道路", "维修", "ab", "x", "项目", "工程"]
        for _ in 0..<40 {
            var names: [String] = []
            for _ in 0..<(2 + next(30)) {
                var name = ""
                for _ in 0..<(1 + next(4)) { name += pieces[next(pieces.count)] }
                if name.count >= 4 { names.append(name) }
            }
            let finder = NameFinder(names)
            for _ in 0..<20 {
                var text = ""
                for _ in 0..<next(12) { text += next(3) == 0 && !names.isEmpty ? names[next(names.count)] : pieces[next(pieces.count)] }
                var found = Set<Int>()
                finder.forEachName(in: text) { found.insert($0) }
                let expected = Set(names.indices.filter { text.containsText(names[$0]) })
                #expect(found == expected, "\(names) in \(text)")
            }
        }
    }
}
