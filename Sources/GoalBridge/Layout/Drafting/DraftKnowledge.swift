import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// What the loaded layouts and the words of the forms tell a draft: labels and their fields, known lines, indicator
/// headers and captions, spending-plan labels, and the words that name a funds part or a code.
extension LayoutDrafter {
    static func isAmount(_ text: String) -> Bool { Amount(text: text).value != nil }

    /// The code field beside a name field (`projectName` → `projectCode`).
    static func codeField(of field: String) -> String? {
        switch field {
        case "projectName": return "projectCode"
        case "supervisingDepartment.name": return "supervisingDepartment.code"
        case "implementingUnit.name": return "implementingUnit.code"
        default: return nil
        }
    }

    /// The funds part a label names by its words (财政专户管理资金 → specialAccount, 单位资金 → unitOwn), for labels no
    /// layout has; the most specific words first.
    static func fundPart(ofLabel text: String) -> String? {
        let parts: [(String, String)] = [("财政专户", "specialAccount"), ("单位资金", "unitOwn"), ("自有资金", "unitOwn"), ("结转", "carryover"),
                                         ("政府性基金", "governmentFund"), ("一般公共预算", "generalBudget"), ("基本支出", "basicExpenditure"),
                                         ("项目支出", "projectExpenditure"), ("其他", "other"), ("财政", "fiscal"), ("拨款", "fiscal"),
                                         ("总额", "total"), ("合计", "total")]
        return parts.first { text.contains($0.0) }?.1
    }

    /// The spending plan's labels every layout knows, in percent and in amounts.
    func planLabels() -> (percent: [String], amount: [String]) {
        var percent: [String] = [], amount: [String] = []
        for spec in catalog.layouts {
            for row in spec.rows {
                guard case .spendingPlan(let p) = row else { continue }
                percent += p.percentLabel.filter { !percent.contains($0) }
                amount += p.amountLabel.filter { !amount.contains($0) }
            }
        }
        return (percent, amount)
    }

    /// Label key → spellings and fields, header key → role, and the known lines with fields, from every layout of a kind.
    func knowledge(_ kind: TableKind) -> (labels: [String: KnownLabel], templates: [(text: String, template: TextTemplate)],
                                                  headerRoles: [String: IndicatorRole], captions: Set<String>) {
        var labels: [String: KnownLabel] = [:]
        var templates: [(String, TextTemplate)] = []
        var roles: [String: IndicatorRole] = [:]
        var captions = Set<String>()
        // The standard layouts first: their spellings and fields are the ones a draft should prefer.
        let ordered = catalog.layouts.sorted { a, b in (a.id.hasSuffix("standard") ? 0 : 1, a.id) < (b.id.hasSuffix("standard") ? 0 : 1, b.id) }
        for spec in ordered {
            guard spec.kind == kind else { continue }
            for group in LayoutKeys.labelGroups(spec).groups {
                // The field with its type; a dropdown or hint of the other layout does not carry over.
                let fields = group.fields.filter { $0.rowOffset == 0 }.map { CellSpec(field: $0.cell.field, type: $0.cell.type) }
                // A layout that reads a field after the label wins over one that has the label alone.
                for key in group.keys where labels[key] == nil || (labels[key]!.fields.isEmpty && !fields.isEmpty) {
                    labels[key] = KnownLabel(aliases: group.aliases, fields: fields, kind: spec.kind)
                }
            }
            for row in spec.rows {
                switch row {
                case .fixed(let f):
                    for c in f.cells { if let t = c.text, let template = TextTemplate(t), !templates.contains(where: { $0.0 == t }) { templates.append((t, template)) } }
                case .indicators(let b):
                    for key in (b.caption ?? []).map({ TextNormalizer.labelKey($0) }) { captions.insert(key) }
                    for col in b.columns {
                        for h in col.header { let k = TextNormalizer.labelKey(h); if roles[k] == nil { roles[k] = col.role } }
                    }
                default: break
                }
            }
        }
        return (labels, templates, roles, captions)
    }
}
