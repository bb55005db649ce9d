import Foundation
import GoalBridgeModel
import GoalBridgeSpreadsheet

/// Reads a flat indicator sheet (one row per 三级指标, as `FlatWorkbookWriter` writes it and the 预算管理一体化 system
/// exports it) back into project goal tables: rows with the same keys (年度, 主管部门, 实施单位, 项目编码, 项目名称) make
/// one table, in the order they first appear; 目标类型 puts a row in the annual or the mid-term (总体) set; 计算符号
/// (code or name), 指标值 and 计量单位 make one value (`1` `95` `%` → `≥95%`). A column the format does not know is
/// reported once with what it holds; nothing filled is dropped silently.
struct FlatSheetReader {
    let vocabulary: Vocabulary

    /// The header row and its columns, when the sheet is a flat file: a row among the first five that names the
    /// required columns (项目名称, 一级/二级/三级指标, 指标值).
    func header(of sheet: Sheet) -> (row: Int, columns: [Int: FlatColumn], unknown: [Int: String])? {
        // A flat header names 一级 and 二级指标 (三级 may be headed 指标名称): a row without two cells holding 级 is not
        // one. Every sheet is asked, so most are turned away here by a byte search per cell, before any label is normalised.
        var levelCells = [Int](repeating: 0, count: 5)
        for cell in sheet.cells {
            if cell.reference.row > 4 { break }
            if cell.value.text.containsText("级") { levelCells[cell.reference.row] += 1 }
        }
        guard levelCells.contains(where: { $0 >= 2 }) else { return nil }
        var rows: [Int: [(Int, String)]] = [:]
        for cell in sheet.cells {
            if cell.reference.row > 4 { break }
            guard levelCells[cell.reference.row] >= 2 else { continue }
            let text = TextNormalizer.trimmed(cell.value.text)
            if !text.isEmpty { rows[cell.reference.row, default: []].append((cell.reference.column, text)) }
        }
        for r in rows.keys.sorted() {
            var columns: [Int: FlatColumn] = [:], unknown: [Int: String] = [:]
            for (c, text) in rows[r]! {
                if let column = column(headed: text), !columns.values.contains(column) { columns[c] = column }
                else { unknown[c] = text }
            }
            if FlatColumn.required.allSatisfy(columns.values.contains) { return (r, columns, unknown) }
        }
        return nil
    }

    /// The column a header names: the flat file's own spellings, then the indicator columns' spellings that the
    /// vocabulary knows for the table forms (`指标名称`, `目标值`, `度量单位` …) — one list of header spellings; an
    /// instruction after a header (`项目名称（全称）`) is dropped as it is from a label.
    func column(headed text: String) -> FlatColumn? {
        let key = vocabulary.labelKey(text)
        if let column = FlatColumn.byKey[key] { return column }
        switch vocabulary.indicatorColumnRole(forHeaderKey: key) {
        case "level1": return .level1
        case "level2": return .level2
        case "name": return .name
        case "value": return .value
        case "weight": return .weight
        case "description": return .description
        case "basis": return .basis
        case "valueSymbol": return .symbolName
        case "valueUnit": return .measureUnit
        default: return nil   // (年度/中期指标值 say a scope the flat file puts in 目标类型; 备注 has no column here)
        }
    }

    private struct Key: Hashable {
        var year, departmentCode, department, unitCode, unit, projectCode, projectName: String
    }

    /// The tables of a flat sheet, what was said of its rows, and where its header is (the header's first cell).
    func read(_ sheet: Sheet, file: String?) -> (tables: [ProjectGoalTable], diagnostics: [Diagnostic], header: CellReference)? {
        guard let (headerRow, columns, unknownColumns) = header(of: sheet) else { return nil }
        var diagnostics: [Diagnostic] = []
        func note(_ severity: Severity, _ code: String, _ message: String, _ cell: CellReference?) {
            diagnostics.append(Diagnostic(severity, code, message, file: file, sheet: sheet.name, cell: cell?.description))
        }
        var unknownFilled: [Int: (count: Int, first: CellReference, sample: String)] = [:]
        let rowNumberColumns = Set(unknownColumns.filter { vocabulary.isRowNumberHeader(key: vocabulary.labelKey($0.value)) }.keys)
        var order: [Key] = []
        var tables: [Key: ProjectGoalTable] = [:]
        var firstRow: [Key: Int] = [:], lastRowOf: [Key: Int] = [:]
        // Row by row as the cells come (the reader gives them row-major): one row in hand, never a copy of the sheet.
        // Columns the header does not name, kept per column; a 序号 column's texts in row order (checked below).
        var rowNumberTexts: [Int: [String]] = [:]
        func keepUnknown(_ unknown: [(column: Int, text: String, ref: CellReference)]) {
            for u in unknown {
                let seen = unknownFilled[u.column]
                unknownFilled[u.column] = (count: (seen?.count ?? 0) + 1, first: seen?.first ?? u.ref, sample: seen?.sample ?? u.text)
                if rowNumberColumns.contains(u.column) { rowNumberTexts[u.column, default: []].append(u.text) }
            }
        }
        func process(_ r: Int, _ cells: [FlatColumn: (text: String, ref: CellReference)], _ unknown: [(column: Int, text: String, ref: CellReference)]) {
            func text(_ c: FlatColumn) -> String { cells[c]?.text ?? "" }
            // The header again (repeated over each printed page), or a line saying the list goes on (`续表`).
            if cells.count >= 3 && cells.allSatisfy({ column(headed: $0.value.text) == $0.key }) {
                note(.info, "flat-header-repeated", "第 \(r + 1) 行重复了表头，未读入。", cells.values.map(\.ref).min())
                return
            }
            if cells.count + unknown.count == 1, let only = cells.values.first.map({ ($0.text, $0.ref) }) ?? unknown.first.map({ ($0.text, $0.ref) }),
               FormText.isContinuationLine(only.0) {
                note(.info, "flat-continued", "第 \(r + 1) 行\(Diagnostic.quoted(only.0))表示接上页，未读入。", only.1)
                return
            }
            let key = Key(year: text(.year), departmentCode: text(.departmentCode), department: text(.department), unitCode: text(.unitCode),
                          unit: text(.unit), projectCode: text(.projectCode), projectName: text(.projectName))
            let projectless = key.projectName.isEmpty && key.projectCode.isEmpty
            // The lines a clerk adds under the list (填报人：…, 联系电话：…), in whatever columns they fall — the 序号
            // column too, whose count they would otherwise break: no indicator to read, said as a note.
            if projectless {
                let filled = (cells.values.map { ($0.text, $0.ref) } + unknown.map { ($0.text, $0.ref) }).sorted { $0.1.column < $1.1.column }
                if !filled.isEmpty && filled.allSatisfy({ vocabulary.noteLine($0.0) != nil }) {
                    note(.info, "flat-note-line", "第 \(r + 1) 行是说明或签署行（\(filled.map { Diagnostic.quoted($0.0) }.joined(separator: "、"))），不属于指标，未读入。", filled.first?.1)
                    return
                }
            }
            keepUnknown(unknown)
            if cells.isEmpty { return }
            if projectless {
                let filled = cells.values.sorted { $0.ref.column < $1.ref.column }
                // The spare rows of a template that carry only level names: no indicator to read, said as a note.
                if text(.name).isEmpty && text(.value).isEmpty && cells[.description] == nil && cells[.basis] == nil {
                    note(.info, "flat-empty-row", "第 \(r + 1) 行没有项目、三级指标和指标值（只有\(filled.map { Diagnostic.quoted($0.text) }.joined(separator: "、"))），是未填写的空行，未读入。", filled.first?.ref)
                    return
                }
                note(.error, "flat-no-project", "第 \(r + 1) 行没有项目名称和项目编码，无法判断属于哪个项目，本行未读入。请补上项目名称。", CellReference(row: r, column: columns.first { $0.value == .projectName }!.key))
                return
            }
            if tables[key] == nil {
                order.append(key)
                firstRow[key] = r
                var t = ProjectGoalTable()
                if !key.year.isEmpty {
                    if let y = Int(key.year), (1990...2100).contains(y) { t.fiscalYear = y }
                    else { note(.warning, "flat-bad-year", "年度\(Diagnostic.quoted(key.year))不是四位年份，未读入。", cells[.year]?.ref) }
                }
                if !key.department.isEmpty || !key.departmentCode.isEmpty {
                    t.supervisingDepartment = Party(name: key.department, code: key.departmentCode.isEmpty ? nil : key.departmentCode)
                }
                if !key.unit.isEmpty || !key.unitCode.isEmpty {
                    t.implementingUnit = Party(name: key.unit, code: key.unitCode.isEmpty ? nil : key.unitCode)
                }
                t.projectCode = key.projectCode.isEmpty ? nil : key.projectCode
                t.projectName = key.projectName.isEmpty ? nil : key.projectName
                var sources: [String: SourceCell] = [:]
                for (field, column) in [("fiscalYear", FlatColumn.year), ("supervisingDepartment.name", .department),
                                        ("implementingUnit.name", .unit), ("projectCode", .projectCode), ("projectName", .projectName)] {
                    if let ref = cells[column]?.ref { sources[field] = SourceCell(sheet: sheet.name, cell: ref.description) }
                }
                t.sources = sources.isEmpty ? nil : sources
                tables[key] = t
            }
            lastRowOf[key] = r
            let scopeText = text(.scope)
            let scope: IndicatorScope
            switch scopeText {
            case "", "年度", "年度目标", "年度指标": scope = .annual
            case "总体", "中期", "总体目标", "中期目标", "中长期", "总体指标": scope = .midTerm
            default:
                scope = .annual
                note(.warning, "flat-bad-scope", "目标类型\(Diagnostic.quoted(scopeText))应为“年度”或“总体”，本行按年度指标读入。", cells[.scope]?.ref)
            }
            let nature = text(.symbolName).isEmpty ? text(.symbolCode) : text(.symbolName)
            if !text(.symbolName).isEmpty, !text(.symbolCode).isEmpty,
               vocabulary.valueNatureSymbol(text(.symbolName)) != vocabulary.valueNatureSymbol(text(.symbolCode)) {
                note(.warning, "flat-symbol-mismatch", "计算符号编码\(Diagnostic.quoted(text(.symbolCode)))与计算符号\(Diagnostic.quoted(text(.symbolName)))不一致，按计算符号读入。请核对。", cells[.symbolCode]?.ref)
            }
            let combined = ValueColumns.combined(nature: nature, value: text(.value), unit: text(.measureUnit), vocabulary: vocabulary)
            if let unknown = combined.unknownNature {
                note(.warning, "unknown-value-nature", "计算符号\(Diagnostic.quoted(unknown))无法识别（应为 1–6 或 ≥、＞、＝、＜、≤、定性），指标值已按原文读取。", cells[.symbolName]?.ref ?? cells[.symbolCode]?.ref)
            }
            var sources: [String: SourceCell] = [:]
            for (field, column) in [("level1", FlatColumn.level1), ("level2", .level2), ("name", .name), ("value", .value), ("description", .description),
                                    ("basis", .basis), ("weight", .weight)] {
                if let ref = cells[column]?.ref { sources[field] = SourceCell(sheet: sheet.name, cell: ref.description) }
            }
            if sources["value"] == nil, let ref = cells[.measureUnit]?.ref ?? cells[.symbolName]?.ref { sources["value"] = SourceCell(sheet: sheet.name, cell: ref.description) }
            let level1 = vocabulary.canonicalLevel1(text(.level1))
            let row = IndicatorRow(level1Raw: text(.level1), level1: level1, level2Raw: text(.level2),
                                   level2: vocabulary.canonicalLevel2(text(.level2), under: level1), name: text(.name),
                                   description: cells[.description]?.text, value: combined.value, basis: cells[.basis]?.text,
                                   weight: cells[.weight]?.text, sources: sources.isEmpty ? nil : sources)
            var t = tables[key]!
            if let s = t.indicatorSets.firstIndex(where: { $0.scope == scope }) { t.indicatorSets[s].rows.append(row) }
            else { t.indicatorSets.append(IndicatorSet(scope: scope, rows: [row])) }
            tables[key] = t
        }
        var valueContinuation: Set<Int> = []
        if let c = columns.first(where: { $0.value == .value })?.key {
            let header = CellReference(row: headerRow, column: c)
            valueContinuation = Set(ValueColumns.unitColumns(header: header, merge: sheet.merges.first { $0.first == header }) { c in
                columns[c] != nil || unknownColumns[c] != nil
            })
        }
        var current: (row: Int, cells: [FlatColumn: (text: String, ref: CellReference)], unknown: [(column: Int, text: String, ref: CellReference)])?
        for cell in sheet.cells where cell.reference.row > headerRow {
            let text = TextNormalizer.trimmed(cell.value.text)
            guard !text.isEmpty else { continue }
            if current?.row != cell.reference.row {
                if let c = current { process(c.row, c.cells, c.unknown) }
                current = (cell.reference.row, [:], [])
            }
            if let column = columns[cell.reference.column] {
                current!.cells[column] = (text, cell.reference)
            } else if valueContinuation.contains(cell.reference.column) {
                // The unit in a cell of its own under the 指标值 header (`95` | `%`): part of the value.
                let value = current!.cells[.value]
                current!.cells[.value] = ((value?.text ?? "") + text, value?.ref ?? cell.reference)
            } else {
                current!.unknown.append((cell.reference.column, text, cell.reference))
            }
        }
        if let c = current { process(c.row, c.cells, c.unknown) }
        for (c, seen) in unknownFilled.sorted(by: { $0.key < $1.key }) {
            let caption = unknownColumns[c].map { "“\($0)”列" } ?? "第 \(CellReference.columnName(c)) 列（无列名）"
            // A 序号 column that counts the rows (1, 2, 3 …): the clerk's numbering, checked and not kept.
            if let header = unknownColumns[c], let texts = rowNumberTexts[c], let count = TableParser.countedRowNumbers(texts) {
                note(.info, "row-numbers", "\(Diagnostic.quoted(header))列是指标的行号（共 \(count) 行，依次编号），已核对，不另保存。",
                     CellReference(row: headerRow, column: c))
                continue
            }
            note(.warning, "flat-unknown-column", "\(caption)有 \(seen.count) 个单元格有内容（如\(Diagnostic.quoted(seen.sample))），一体化指标文件没有这一列，未读入。请确认是否放错了列。", seen.first)
        }
        let lastColumn = max(columns.keys.max() ?? 0, unknownColumns.keys.max() ?? 0)
        let result = order.map { key -> ProjectGoalTable in
            var t = tables[key]!
            let range = "\(CellReference(row: firstRow[key]!, column: 0)):\(CellReference(row: lastRowOf[key]!, column: lastColumn))"
            t.source = TableSource(file: file, sheet: sheet.name, range: range, layout: FlatSheetReader.layoutId)
            return t
        }
        return (result, diagnostics, CellReference(row: headerRow, column: columns.keys.min() ?? 0))
    }

    /// The table fields a flat file has a place for (what the review may call missing): its keys. Funds and goals
    /// have no column in it.
    static let fields: Set<String> = ["fiscalYear", "supervisingDepartment.name", "implementingUnit.name", "projectCode", "projectName"]

    /// What `TableSource.layout` says of a table read from a flat file (it has no form of its own: exported with
    /// `original`, it is written in the standard layout).
    static let layoutId = "flat"
}
