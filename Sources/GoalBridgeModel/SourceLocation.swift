/// Where a value was read: sheet and cell (A1 form). Provenance only — two tables that differ
/// only in where they were read from are the same table (see `ProvenanceFree`).
public struct SourceCell: Codable, Hashable, Sendable, CustomStringConvertible {
    public var sheet: String
    public var cell: String
    /// True when the value was not in this row's own cell but filled down from `cell` above it: the column is
    /// written once per group (一级/二级指标, 部门职责) and the blank below was taken to repeat it. Inferred, so a
    /// reviewer pointing at the value points at the cell it came from. Nil for a value read where it stands (a
    /// merged cell's value stands in every row it covers).
    public var filledDown: Bool?

    /// The cell a value was read from; `filledDown` when it was copied into a blank below it.
    ///
    ///     SourceCell(sheet: "Sheet1", cell: "B12", filledDown: true)
    public init(sheet: String, cell: String, filledDown: Bool? = nil) {
        self.sheet = sheet
        self.cell = cell
        self.filledDown = filledDown
    }

    /// The same cell, marked as the origin of a value filled down into a row below it.
    public var asFilledDown: SourceCell { SourceCell(sheet: sheet, cell: cell, filledDown: true) }

    public var description: String { "\(sheet)!\(cell)" }
}

extension CodingUserInfoKey {
    /// Set to `true` on an encoder to write each `SourceCell` as one string, `Sheet!B21`, instead of
    /// `{"sheet": …, "cell": …}`. The dataset stores models this way: a table carries a source for
    /// nearly every value, and the keyed form was a third of the time spent encoding a table.
    /// Decoding accepts both forms whatever the setting.
    public static let compactSourceCells = CodingUserInfoKey(rawValue: "goalbridge.compactSourceCells")!
    /// Set to `true` on a decoder to leave out where each indicator row was read (`IndicatorRow.sources`): for
    /// readers that compare contents, not cells (the dataset's review across tables). The rows' cells were most of
    /// the time spent decoding a stored table.
    public static let skipsRowSources = CodingUserInfoKey(rawValue: "goalbridge.skipsRowSources")!
}

extension SourceCell {
    private enum CodingKeys: String, CodingKey { case sheet, cell, filledDown }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            // The cell reference never contains "!", the sheet name may.
            guard let bang = text.lastIndex(of: "!") else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "source cell “\(text)” is not Sheet!A1"))
            }
            self.init(sheet: String(text[..<bang]), cell: String(text[text.index(after: bang)...]))
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(sheet: try c.decode(String.self, forKey: .sheet), cell: try c.decode(String.self, forKey: .cell),
                  filledDown: try c.decodeIfPresent(Bool.self, forKey: .filledDown))
    }

    public func encode(to encoder: Encoder) throws {
        // The compact form has no room for the filled-down mark: such a cell is written keyed.
        if encoder.userInfo[.compactSourceCells] as? Bool == true, filledDown == nil {
            var c = encoder.singleValueContainer()
            try c.encode(description)
        } else {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sheet, forKey: .sheet)
            try c.encode(cell, forKey: .cell)
            try c.encodeIfPresent(filledDown, forKey: .filledDown)
        }
    }
}

/// Where a whole table was read from.
public struct TableSource: Codable, Hashable, Sendable {
    public var file: String?
    public var sheet: String?
    /// The rows the table spans, `A3:H41`.
    public var range: String?
    /// The layout that matched, e.g. `standard`, `pingyin-2024`.
    public var layout: String?
    /// Template id and version from the workbook's custom properties, when the file came from our template.
    public var templateId: String?
    public var templateVersion: String?
    /// True when no layout fitted the table clearly (GoalImporter's detection): what was read may be misplaced,
    /// so the table is not reviewed until it is read again with a layout named (`--layout`).
    public var layoutUncertain: Bool?

    /// Where a table was read: file, sheet, cell range and the layout that read it.
    ///
    ///     TableSource(file: "平阴.xlsx", sheet: "Sheet1", range: "A1:G30", layout: "pingyin-2024")
    public init(file: String? = nil, sheet: String? = nil, range: String? = nil, layout: String? = nil,
                templateId: String? = nil, templateVersion: String? = nil, layoutUncertain: Bool? = nil) {
        self.file = file
        self.sheet = sheet
        self.range = range
        self.layout = layout
        self.templateId = templateId
        self.templateVersion = templateVersion
        self.layoutUncertain = layoutUncertain
    }
}

/// Labelled content that no field of the model takes. Kept, never dropped.
public struct ExtraField: Codable, Hashable, Sendable {
    public var label: String
    public var value: String
    public var source: SourceCell?

    /// A filled cell no field of the layout takes, kept with the label beside it so nothing is lost.
    ///
    ///     ExtraField(label: "备注", value: "已报县政府", source: SourceCell(sheet: "Sheet1", cell: "H5"))
    public init(label: String, value: String, source: SourceCell? = nil) {
        self.label = label
        self.value = value
        self.source = source
    }
}
