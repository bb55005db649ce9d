/// Whether a sheet shows in the spreadsheet program's tab bar.
public enum SheetState: String, Sendable, Codable {
    case visible
    case hidden
    /// Hidden so that only a macro can show it again.
    case veryHidden
}

/// One worksheet: its cells in row-major order and its merged ranges.
public struct Sheet: Hashable, Sendable {
    public var name: String
    public var state: SheetState
    /// Non-empty cells, sorted by row then column.
    public var cells: [Cell]
    /// Merged ranges in the order the file lists them.
    public var merges: [CellRange]
    /// What the reader noticed that is no error but that a person should know (a formula with no result).
    public var notes: [ReaderNote]
    /// Rows the file hides that hold cells (0-based, in file order): what they hold is read, but nobody sees it on
    /// screen or on paper.
    public var hiddenRows: [Int]
    /// Column ranges the file hides (0-based, inclusive; from the reader sorted and disjoint).
    public var hiddenColumns: [ClosedRange<Int>]

    /// A sheet as the reader gives it, or built for `GridWriter`: cells in row order, merges, what the reader noticed.
    ///
    ///     Sheet(name: "项目表", cells: [Cell(CellReference("A1")!, .string("项目名称"))], merges: [CellRange("A1:B1")!])
    public init(name: String, state: SheetState = .visible, cells: [Cell] = [], merges: [CellRange] = [], notes: [ReaderNote] = [],
                hiddenRows: [Int] = [], hiddenColumns: [ClosedRange<Int>] = []) {
        self.name = name
        self.state = state
        self.cells = cells
        self.merges = merges
        self.notes = notes
        self.hiddenRows = hiddenRows
        self.hiddenColumns = hiddenColumns
    }

}

/// Something the reader noticed in a cell: no error, but worth telling the person who filled the file.
public struct ReaderNote: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A formula whose result was never calculated and saved (openpyxl, some converters): the cell reads as
        /// empty although the spreadsheet program would show a value.
        case formulaWithoutResult
        /// The file lists the same cell twice; the last one is kept (what Excel shows).
        case repeatedCell
        /// A picture placed in the cell — WPS's 嵌入单元格 (a formula `_xlfn.DISPIMG("ID_…",1)` whose saved text is
        /// `=DISPIMG(…)`) or Excel's 放置在单元格中 (an error `#VALUE!` carrying value metadata, `vm`). There is no
        /// text to read: the cell is left out rather than read as that formula's text or as a formula error.
        case pictureInCell
        /// The cell's text is struck through, whole (the cell's font) or in part (a run of its rich text): a clerk's
        /// way of marking content as deleted while keeping it in sight. Read as written, and noted.
        case struckThrough
    }
    public var kind: Kind
    public var cell: CellReference

    /// Something the reader noticed at a cell (a formula without a cached result, a cell given twice).
    ///
    ///     ReaderNote(.formulaWithoutResult, CellReference("D9")!)
    public init(_ kind: Kind, _ cell: CellReference) {
        self.kind = kind
        self.cell = cell
    }
}

/// A custom document property (File ▸ Properties ▸ Custom); templates store their id and version here.
public enum CustomPropertyValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
}

/// Title, author and custom properties from docProps/.
public struct DocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var custom: [String: CustomPropertyValue]

    /// Document properties: core ones (title, subject, author, company) and custom ones by name.
    ///
    ///     DocumentProperties(title: "2024年项目支出绩效目标表", custom: ["GoalBridge.template": .string("pingyin-2024")])
    public init(title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
                custom: [String: CustomPropertyValue] = [:]) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.custom = custom
    }
}

/// A workbook as read: sheets in tab order, and its document properties.
public struct Workbook: Hashable, Sendable {
    public var sheets: [Sheet]
    public var properties: DocumentProperties
    public var uses1904Dates: Bool

    /// A workbook grid: its sheets in tab order, document properties, and the date system its serials count from.
    ///
    ///     try GridWriter.write(Workbook(sheets: [sheet]), to: "out.xlsx")
    public init(sheets: [Sheet] = [], properties: DocumentProperties = DocumentProperties(), uses1904Dates: Bool = false) {
        self.sheets = sheets
        self.properties = properties
        self.uses1904Dates = uses1904Dates
    }

    /// The first sheet with exactly this name, or nil.
    ///
    ///     workbook.sheet(named: "Sheet1")?.cells.count
    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }
}

extension Sheet {
    /// The same sheet with only the cells, and the merged ranges, that start in `rows` (coordinates kept).
    ///
    /// ```swift
    /// let firstTable = sheet.restricted(toRows: 0...24)
    /// ```
    public func restricted(toRows rows: ClosedRange<Int>) -> Sheet {
        // Cells are sorted by row: the slice is found by binary search, not by testing every cell.
        let lower = cells.partitioningIndex { $0.reference.row >= rows.lowerBound }
        let upper = cells.partitioningIndex { $0.reference.row > rows.upperBound }
        return Sheet(name: name, state: state, cells: Array(cells[lower..<max(lower, upper)]),
                     merges: merges.filter { rows.contains($0.first.row) }, hiddenRows: hiddenRows.filter { rows.contains($0) },
                     hiddenColumns: hiddenColumns)
    }

    /// The same sheet with only the cells, merged ranges and reader notes that start in `columns` (coordinates kept).
    ///
    /// ```swift
    /// let tableOnTheRight = sheet.restricted(toColumns: 8...Int.max)
    /// ```
    public func restricted(toColumns columns: ClosedRange<Int>) -> Sheet {
        Sheet(name: name, state: state, cells: cells.filter { columns.contains($0.reference.column) },
              merges: merges.filter { columns.contains($0.first.column) }, notes: notes.filter { columns.contains($0.cell.column) },
              hiddenRows: hiddenRows, hiddenColumns: hiddenColumns)
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate that is false then true along the array.
    fileprivate func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
