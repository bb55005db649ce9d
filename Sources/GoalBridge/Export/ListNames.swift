import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Dropdown lists of a layout, resolved: inline values, or vocabulary lists written to a hidden
/// sheet with one defined name per level-1 name (so `INDIRECT` can cascade level 2 from level 1).
struct ListNames {
    let spec: LayoutSpec
    let vocabulary: Vocabulary
    /// Level-1 names offered by the layout (`vocabulary:level1:project` → 成本/产出/效益/满意度).
    let level1: [String]

    init(spec: LayoutSpec, vocabulary: Vocabulary) {
        self.spec = spec
        self.vocabulary = vocabulary
        let source = spec.lists?["level1"]?.source ?? "vocabulary:level1:project"
        if source.hasSuffix(":department") {
            level1 = vocabulary.level1.filter { $0.code.hasPrefix("dept") }.map(\.canonical)
        } else {
            level1 = vocabulary.level1.filter { !$0.code.hasPrefix("dept") }.map(\.canonical)
        }
    }

    /// Inline values for a list, when they fit Excel's 255-byte limit.
    func values(_ name: String) -> [String]? {
        guard let list = spec.lists?[name] else { return nil }
        let values: [String]
        if let v = list.values { values = v }
        else if list.source?.hasPrefix("vocabulary:level1") == true { values = level1 }
        else { return nil }
        let bytes = values.reduce(0) { $0 + $1.utf8.count } + values.count - 1
        return bytes <= ExcelLimits.validationListBytes ? values : nil
    }

    func rangeFormula(_ name: String) -> String? {
        guard name == "level1" else { return nil }
        return "='\(TemplateNames.listSheet)'!$A$2:$A$\(level1.count + 1)"
    }

    /// Writes the hidden list sheet and the defined names.
    func writeListSheet(_ writer: XLSXWriter) throws {
        let sheet = try writer.addSheet(TemplateNames.listSheet)
        try sheet.write("一级指标", at: CellReference(row: 0, column: 0))
        for (i, l1) in level1.enumerated() { try sheet.write(l1, at: CellReference(row: i + 1, column: 0)) }
        for (j, l1) in level1.enumerated() {
            let column = j + 1
            let names = vocabulary.level2Names(under: l1)
            try sheet.write(l1, at: CellReference(row: 0, column: column))
            for (i, l2) in names.enumerated() { try sheet.write(l2, at: CellReference(row: i + 1, column: column)) }
            let letter = CellReference.columnName(column)
            try writer.defineName(l1, "='\(TemplateNames.listSheet)'!$\(letter)$2:$\(letter)$\(max(names.count, 1) + 1)")
        }
        try sheet.hide()
    }
}
