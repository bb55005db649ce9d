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

    public init(file: String? = nil, sheet: String? = nil, range: String? = nil, layout: String? = nil,
                templateId: String? = nil, templateVersion: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.range = range
        self.layout = layout
        self.templateId = templateId
        self.templateVersion = templateVersion
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
