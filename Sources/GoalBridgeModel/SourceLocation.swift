/// Where a value was read: sheet and cell (A1 form). Provenance only — two tables that differ
/// only in where they were read from are the same table (see `ProvenanceFree`).
public struct SourceCell: Codable, Hashable, Sendable, CustomStringConvertible {
    public var sheet: String
    public var cell: String

    public init(sheet: String, cell: String) {
        self.sheet = sheet
        self.cell = cell
    }

    public var description: String { "\(sheet)!\(cell)" }
}

extension CodingUserInfoKey {
    /// Set to `true` on an encoder to write each `SourceCell` as one string, `Sheet!B21`, instead of
    /// `{"sheet": …, "cell": …}`. The dataset stores models this way: a table carries a source for
    /// nearly every value, and the keyed form was a third of the time spent encoding a table.
    /// Decoding accepts both forms whatever the setting.
    public static let compactSourceCells = CodingUserInfoKey(rawValue: "goalbridge.compactSourceCells")!
}

extension SourceCell {
    private enum CodingKeys: String, CodingKey { case sheet, cell }

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
        self.init(sheet: try c.decode(String.self, forKey: .sheet), cell: try c.decode(String.self, forKey: .cell))
    }

    public func encode(to encoder: Encoder) throws {
        if encoder.userInfo[.compactSourceCells] as? Bool == true {
            var c = encoder.singleValueContainer()
            try c.encode(description)
        } else {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sheet, forKey: .sheet)
            try c.encode(cell, forKey: .cell)
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

    public init(label: String, value: String, source: SourceCell? = nil) {
        self.label = label
        self.value = value
        self.source = source
    }
}
