import Foundation

/// One canonical indicator level name and its spellings.
public struct VocabularyEntry: Codable, Hashable, Sendable {
    public var canonical: String
    public var code: String
    public var parents: [String]?
    public var aliases: [String]
    /// Used before the 2024 cost reform; accepted on import, not offered in new templates.
    public var legacy: Bool?
}

/// The level-1/level-2 vocabulary, loaded from `vocabulary.json` (data, not code).
public struct Vocabulary: Codable, Hashable, Sendable {
    public var level1: [VocabularyEntry]
    public var level2: [VocabularyEntry]

    /// The vocabulary shipped with GoalBridge.
    public static let standard: Vocabulary = {
        guard let url = Bundle.module.url(forResource: "vocabulary", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url),
              let vocabulary = try? JSONDecoder().decode(Vocabulary.self, from: data) else {
            preconditionFailure("vocabulary.json missing from the GoalBridgeModel bundle")
        }
        return vocabulary
    }()

    /// Canonical level-1 name for a spelling, or nil when it is not a known level-1 name.
    public func canonicalLevel1(_ raw: String) -> String? {
        let key = TextNormalizer.labelKey(raw)
        return level1.first { $0.aliases.contains { TextNormalizer.labelKey($0) == key } }?.canonical
    }

    /// Canonical level-2 name, preferring an entry that belongs under `level1` (成本指标 is level 2 under
    /// 产出指标 in older tables; 满意度 is level 2 under 部门效果).
    public func canonicalLevel2(_ raw: String, under level1: String? = nil) -> String? {
        let key = TextNormalizer.labelKey(raw)
        let matches = level2.filter { $0.aliases.contains { TextNormalizer.labelKey($0) == key } }
        if let level1, let m = matches.first(where: { $0.parents?.contains(level1) == true }) { return m.canonical }
        return matches.first?.canonical
    }

    /// The canonical level-1 a level-2 name usually belongs to (for rows whose level 1 is missing).
    public func usualParent(ofLevel2 canonical: String) -> String? {
        level2.first { $0.canonical == canonical }?.parents?.first
    }

    public func code(level1 canonical: String) -> String? { level1.first { $0.canonical == canonical }?.code }

    /// Level-2 canonical names allowed under a level-1 canonical name, in vocabulary order.
    public func level2Names(under level1: String, includingLegacy: Bool = false) -> [String] {
        level2.filter { $0.parents?.contains(level1) == true && (includingLegacy || $0.legacy != true) }.map(\.canonical)
    }
}
