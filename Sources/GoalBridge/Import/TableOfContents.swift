import GoalBridgeModel
import GoalBridgeSpreadsheet

/// A sheet that lists the workbook's own projects — the 目录 a clerk puts before thirty tables, one per sheet — has no
/// table of its own and is no attachment to pass over: it says which tables the file should hold. Its entries are
/// checked against the tables read: each one found is accounted for, each one missing is named.
struct TableOfContents {
    /// Entries that name a table read from this workbook.
    var listed: Int
    /// Entries that name none (cell and text): a project listed and not sent, or sent on a sheet that was not read.
    var missing: [(cell: CellReference, text: String)]

    /// The sheet as a table of contents of `names` (the label keys of the projects and sheets read), or nil when it
    /// is not one: fewer than two entries name a table read, or they are not most of their column's texts.
    ///
    /// ```swift
    /// TableOfContents(sheet, names: ["农村最低生活保障金", "大数据工作经费"])   // 2 listed, none missing
    /// ```
    init?(_ sheet: Sheet, names: Set<String>, vocabulary: Vocabulary = .standard) {
        func key(_ text: String) -> String {
            let k = TextNormalizer.labelKey(text)
            return names.contains(k) ? k : TextNormalizer.withoutSequenceNumber(text).map { TextNormalizer.labelKey($0) } ?? k
        }
        var matchedByColumn: [Int: [Int]] = [:]
        for cell in sheet.cells where names.contains(key(cell.value.text)) {
            matchedByColumn[cell.reference.column, default: []].append(cell.reference.row)
        }
        guard let (column, rows) = matchedByColumn.max(by: { $0.value.count < $1.value.count }), rows.count >= 2,
              let first = rows.min() else { return nil }
        // The column's entries from the first one that names a table: numbers (页码), sums and note lines aside.
        let entries = sheet.cells.filter { cell in
            guard cell.reference.column == column, cell.reference.row >= first else { return false }
            let text = TextNormalizer.trimmed(cell.value.text)
            if text.isEmpty || Amount(text: text).value != nil { return false }
            return !["合计", "小计", "总计"].contains(TextNormalizer.labelKey(text)) && vocabulary.noteLine(text) == nil
        }
        guard rows.count * 2 >= entries.count else { return nil }
        listed = rows.count
        missing = entries.filter { !names.contains(key($0.value.text)) }.map { ($0.reference, TextNormalizer.trimmed($0.value.text)) }
    }
}

extension GoalImporter {
    /// The workbook's table-of-contents sheets, said as what they are: their “no table here” warning becomes a note
    /// that the tables they list were read, and a warning names each entry with no table read.
    func accountForTablesOfContents(_ workbook: Workbook, _ result: inout ImportResult, file: String?) {
        let noTable = result.diagnostics.indices.filter { result.diagnostics[$0].code == "no-table-on-sheet" }
        guard !noTable.isEmpty, !result.tables.isEmpty else { return }
        var names = Set(result.tables.compactMap { $0.project?.projectName }.map { TextNormalizer.labelKey($0) })
        names.formUnion(result.tables.compactMap { $0.source?.sheet }.map { TextNormalizer.labelKey($0) })
        for i in noTable.reversed() {
            let d = result.diagnostics[i]
            guard let sheet = workbook.sheets.first(where: { $0.name == d.sheet }),
                  let contents = TableOfContents(sheet, names: names, vocabulary: vocabulary) else { continue }
            var replacement = [Diagnostic(.info, "table-of-contents",
                                          "工作表“\(sheet.name)”是本文件的目录，列出的 \(contents.listed) 个项目的绩效目标表已读入；目录本身不作为绩效目标表读取。",
                                          file: file, sheet: sheet.name)]
            for entry in contents.missing {
                replacement.append(Diagnostic(.warning, "listed-not-found",
                                              "目录中列出了\(Diagnostic.quoted(entry.text))，但本文件中没有读到它的绩效目标表。请确认是否漏填或漏交了这张表。",
                                              file: file, sheet: sheet.name, cell: entry.cell.description))
            }
            result.diagnostics.replaceSubrange(i...i, with: replacement)
        }
    }
}
