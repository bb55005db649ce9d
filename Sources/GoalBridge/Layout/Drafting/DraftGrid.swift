import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// A sample sheet as the drafter walks it: the indicator header rows, the slots of a row (cells, merged areas and the
/// blanks between them), the value cells after a label, and the indicator block under a header.
extension LayoutDrafter {
    /// How many value cells follow a label before the next label (a known one, or a text followed by a number).
    func valueSlots(after s: Int, in slots: [Slot], _ labels: [String: KnownLabel]) -> Int {
        var n = 0
        for k in (s + 1)..<slots.count {
            guard let t = slots[k].text else { n += 1; continue }
            let key = TextNormalizer.labelKey(t)
            if labels[key] != nil || FundPeriod.splitLabel(key).map({ labels[$0.rest] != nil }) == true { break }
            if !Self.isAmount(t), k + 1 < slots.count, Self.isAmount(slots[k + 1].text ?? "") { break }
            n += 1
        }
        return n
    }

    /// The rows holding both a 一级指标 and a 二级指标 header, top to bottom.
    func indicatorHeaderRows(_ grid: GridView) -> [Int] {
        let l1 = catalog.keys.values.reduce(into: Set<String>()) { $0.formUnion($1.level1Headers) }
        let l2 = catalog.keys.values.reduce(into: Set<String>()) { $0.formUnion($1.level2Headers) }
        return grid.rows(withKeyIn: l1).intersection(grid.rows(withKeyIn: l2)).sorted()
    }

    /// The first row of a caption merged down beside the header (绩效指标), or the header row.
    func captionTop(_ grid: GridView, _ h: Int) -> Int {
        guard let m = grid.merge(at: h, 0), m.first.row < h, grid.text(m.first.row, 0) != nil else { return h }
        return m.first.row
    }

    func rowSlots(_ sheet: Sheet, _ grid: GridView, _ r: Int, _ width: Int) -> [Slot] {
        var slots: [Slot] = []
        var c = 0
        while c < width {
            if let m = grid.merge(at: r, c) {
                if m.first.row < r { c = m.last.column + 1; continue }
                slots.append(Slot(columns: m.first.column...m.last.column, rows: m.last.row - m.first.row + 1,
                                  text: grid.text(m.first.row, m.first.column), ref: m.first))
                c = m.last.column + 1
            } else {
                slots.append(Slot(columns: c...c, rows: 1, text: grid.text(r, c), ref: CellReference(row: r, column: c)))
                c += 1
            }
        }
        while let last = slots.last, last.text == nil { slots.removeLast() }
        return slots
    }

    /// The indicator block from its header row: a caption merged down the first column, then each header to its role
    /// (through the layouts' headers and the vocabulary's column names); a caption over sub-headers (指标值 over
    /// 符号/值/单位) becomes their group; a second 二级指标 starts a second set side by side (left 中期, right 年度).
    func indicatorBlock(_ sheet: Sheet, _ grid: GridView, _ h: Int, _ width: Int, _ roles: [String: IndicatorRole],
                                _ captions: Set<String>) -> (IndicatorBlockSpec, [String], [String]) {
        var notes: [String] = []
        var caption: [String]?
        var columns: [IndicatorColumnSpec] = []
        var headers: [String] = []
        func role(_ text: String) -> IndicatorRole? {
            let key = TextNormalizer.labelKey(text)
            return roles[key] ?? vocabulary.indicatorColumnRole(forHeaderKey: key).flatMap(IndicatorRole.init(rawValue:))
        }
        for slot in rowSlots(sheet, grid, h, width) {
            guard let text = slot.text else { continue }
            if slot.columns.lowerBound == 0, role(text) == nil {
                caption = [text]
                continue
            }
            let span = slot.columns.count > 1 ? slot.columns.count : nil
            // A caption over sub-headers on the next row (指标值 over 符号 | 值 | 单位): the sub-headers are the columns.
            let subs = slot.columns.count < 2 ? [] : slot.columns.compactMap { c -> (String, IndicatorRole)? in
                guard let t = grid.text(h + 1, c), let r = role(t) else { return nil }
                return (t, r)
            }
            if subs.count >= 2 {
                for (t, r) in subs { columns.append(IndicatorColumnSpec(role: r, header: [t], group: text, span: nil, list: nil, scope: nil)) }
                continue
            }
            if let role = role(text) {
                columns.append(IndicatorColumnSpec(role: role, header: [text], group: nil, span: span, list: role == .level1 ? "level1" : role == .level2 ? "level2" : nil, scope: nil))
                headers.append(text)
                continue
            }
            notes.append("\(slot.ref)\(Diagnostic.quoted(text))：表头不认识，该列未起草（导入时其内容作为附加信息保留）")
        }
        if let caption, captions.contains(TextNormalizer.labelKey(caption[0])) == false {
            notes.append("指标块标题\(Diagnostic.quoted(caption[0]))不是已知写法，已按原文起草")
        }
        // Two sets side by side: the columns from the first 二级指标 up to the second belong to the left set.
        let level2 = columns.indices.filter { columns[$0].role == .level2 }
        if level2.count == 2 {
            for i in level2[0]..<level2[1] { columns[i].scope = IndicatorScope.midTerm.rawValue }
            notes.append("两组指标并列：左边一组按中期（总体）指标、右边一组按年度指标起草，请核对")
        }
        let block = IndicatorBlockSpec(scope: IndicatorScope.annual.rawValue, caption: caption, columns: columns, templateRowsPerGroup: 1,
                                       optional: nil, captionSpansHeader: nil)
        return (block, notes, headers)
    }
}
