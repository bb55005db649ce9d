import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

// Goal items under sub-labels, and the fields a form states in its title or a label's qualifier.
extension TableParser {
    /// Goal rows with sub-labels (`目标1`, `目标 2：`, `目标三`) are numbered goal items; the annual goal is their
    /// text, one item a line. A single unnumbered `目标` is the layout's own label, not an item.
    mutating func readGoalItems(rows: ClosedRange<Int>) {
        var items: [GoalItem] = []
        var first: SourceCell?
        for ref in grid.cells(inRows: rows) {
            guard let key = grid.labelKey(ref.row, ref.column), FormText.isGoalItemLabel(key),
                  let label = grid.text(ref.row, ref.column) else { continue }
            let column = grid.nextColumn(after: ref.row, ref.column)
            guard let value = grid.value(ref.row, column), !GridView.isBlank(value) else { continue }
            grid.consume(ref.row, ref.column)
            grid.consume(ref.row, column)
            items.append(GoalItem(label: TextNormalizer.trimmed(label).trimmingCharacters(in: [":", "："]), text: TextNormalizer.trimmed(value.text)))
            if first == nil { first = grid.source(ref.row, column) }
        }
        guard !items.isEmpty else { return }
        draft.goalItems = items
        draft.set("goals.annual", items.map(\.text).joined(separator: "\n"))
        draft.fieldSources["goals.annual"] = first
    }

    /// Fields the form states outside a cell of their own: the year in the title (`2022年预算项目支出绩效目标表`),
    /// the project's name in the title of a form that has no name cell (`9.经开区招商经费绩效目标表`), the unit of amounts in a label's or header's qualifier (`项目资金（万元）`, `项目金额（万元）`). Taken only
    /// when no cell of their own gave them.
    mutating func inferFromTitleAndLabels(rows: ClosedRange<Int>) {
        let fields = TableFieldCatalog.fields(for: spec.kind)
        // The layout's own form of the title (`{departmentName}{fiscalYear:year}年度…`): its fields, then no title
        // when it says nothing the fields do not.
        if let template = keys.titleTemplate, let title = titleCell, let found = template.match(title.text) {
            for (field, text) in found.sorted(by: { $0.key < $1.key }) where draft.fields[field] == nil {
                switch fields[field] {
                case .year?: if let y = FormText.yearNumber(text) { draft.set(field, year: y) } else { continue }
                case .amount?: draft.set(field, Amount(text: text))
                case .text?: draft.set(field, text)
                case nil: continue
                }
                draft.fieldSources[field] = title.source
            }
            if draft.title(from: template).map(TextNormalizer.trimmed) == TextNormalizer.trimmed(title.text) {
                draft.fields["title"] = nil
            }
        }
        if fields["fiscalYear"] != nil, draft.year("fiscalYear") == nil,
           let title = titleCell, let year = FormText.year(inTitle: title.text) {
            draft.set("fiscalYear", year: year)
            draft.fieldSources["fiscalYear"] = title.source
        }
        if spec.kind == .project, fields["projectName"] != nil, draft.text("projectName") == nil, let title = titleCell {
            if let name = FormText.projectName(inTitle: title.text) {
                draft.set("projectName", name)
                draft.fieldSources["projectName"] = title.source
            } else if !spec.formFields.contains("projectName"), let cell = CellReference(title.source.cell) {
                // The form names its project only in the title: a title that does not end with the form's name gives
                // none, and the table would go on without a name, unsaid (the review asks only where the form has a place).
                warn("name-not-in-title", "未能从标题\(Diagnostic.quoted(title.text))读出项目名称：本表只在标题中写项目名称，标题应为“项目名称+绩效目标表”（如“9.XX经费绩效目标表”）。请核对标题。",
                     cell.row, cell.column)
            }
        }
        if fields["amountUnit"] != nil, draft.text("amountUnit") == nil {
            for ref in grid.cells(inRows: rows) where grid.isConsumed(ref) {
                guard let key = grid.labelKey(ref.row, ref.column), keys.all.contains(key),
                      let text = grid.text(ref.row, ref.column), let unit = FormText.amountUnit(inLabel: text) else { continue }
                draft.set("amountUnit", unit)
                draft.fieldSources["amountUnit"] = grid.source(ref.row, ref.column)
                break
            }
        }
    }

    func firstYear(in text: String) -> Int? {
        let digits = FormText.yearsInDigits(TextNormalizer.halfWidth(text)).split(whereSeparator: { !$0.isNumber })
        return digits.first(where: { $0.count == 4 }).flatMap { Int($0) }
    }
}
