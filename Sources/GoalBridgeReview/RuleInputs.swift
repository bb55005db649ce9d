import Foundation
import GoalBridgeModel

/// What the rules read from the configuration, prepared once per `Reviewer`: thresholds as `Decimal`
/// and the word lists by name.
///
/// Why: the rules run for every table of a collect. Converting a threshold with `Decimal(Double)` costs
/// about a microsecond, and looking a word list up by its name hashes a `String` (Unicode-normalised) —
/// together a fifth of reviewing a table when done per table and per row.
struct RuleInputs: Sendable {
    let tolerance: Decimal
    let unitCostTolerance: Decimal
    let satisfactionMinimum: Decimal
    let words: WordLists
    /// Q25's lists, prepared once.
    let typos: TypoRules
    /// Q30's words, prepared once.
    let staleYears: StaleYearRule
    /// Q31's subjects, prepared once.
    let foreignBasis: ForeignBasisRule

    init(_ configuration: ReviewConfiguration) {
        tolerance = Decimal(configuration.thresholds.moneyTolerance)
        unitCostTolerance = Decimal(configuration.thresholds.unitCostTolerance)
        satisfactionMinimum = Decimal(configuration.thresholds.satisfactionMinimumPercent)
        words = WordLists(configuration)
        typos = TypoRules(configuration: configuration)
        staleYears = StaleYearRule(configuration)
        foreignBasis = ForeignBasisRule(configuration)
    }
}

/// The configuration's word lists (`review.json` → `words`), one property per list the rules use.
struct WordLists: Sendable {
    let satisfaction: [String]
    let personNames: [String]
    let minimumStandard: [String]
    let usefulLife: [String]
    let rates: [String]
    let planned: [String]
    let actual: [String]
    let notCost: [String]
    let notCostValues: [String]
    let vague: [String]
    /// Q10's patterns (review-rules.json, compiled once): a comparative with no baseline (`有效提高`, `进一步完善`) and
    /// an obligation restated (`按工作计划及时完成`, `符合要求`) — a whole value matching one promises nothing measurable.
    let vagueComparatives: [NSRegularExpression]
    let restatedObligations: [NSRegularExpression]
    let countWrongUnits: [String]
    let personWrongUnits: [String]
    let totalCost: [String]
    /// Names of a line that sums the rows above it (`合计`, `小计`), as label keys: whole names only (`人员经费合计`
    /// is a cost of its own).
    let sumLines: Set<String>
    /// Those of them that sum everything (`合计`, not `小计`): a total cost when no row names one.
    let wholeSumLines: Set<String>
    /// The last characters of those names (`计`): a name ending otherwise is no sum line, known without its label key.
    let sumLineEndings: Set<Unicode.Scalar>
    let unitDenominators: [String]
    let wordFieldMarkers: [String]
    let moneyOutputNames: [String]
    let perUnit: [String]

    init(_ c: ReviewConfiguration) {
        satisfaction = c.words("satisfaction")
        personNames = c.words("personNames")
        minimumStandard = c.words("minimumStandard")
        usefulLife = c.words("usefulLife")
        rates = c.words("rates")
        planned = c.words("planned")
        actual = c.words("actual")
        notCost = c.words("notCost")
        notCostValues = c.words("notCostValues")
        vague = c.words("vague")
        vagueComparatives = c.words("vagueComparativePatterns").compactMap { try? NSRegularExpression(pattern: $0) }
        restatedObligations = c.words("restatedObligationPatterns").compactMap { try? NSRegularExpression(pattern: $0) }
        countWrongUnits = c.words("countWrongUnits")
        personWrongUnits = c.words("personWrongUnits")
        totalCost = c.words("totalCost")
        wholeSumLines = Set(c.words("wholeSumLines").map { TextNormalizer.labelKey($0) })
        sumLines = wholeSumLines.union(c.words("partialSumLines").map { TextNormalizer.labelKey($0) })
        sumLineEndings = Set(sumLines.compactMap { $0.unicodeScalars.last })
        unitDenominators = c.words("unitDenominators")
        wordFieldMarkers = c.words("wordFieldMarkers")
        moneyOutputNames = c.words("moneyOutputNames")
        perUnit = c.words("perUnitWords")
    }

    /// True when a row's name is a sum line's (`合计`, ` 小 计 `).
    func isSumLine(_ name: String) -> Bool {
        guard let last = name.unicodeScalars.last(where: { !TextNormalizer.isSpace($0) && $0 != ":" && $0 != "：" }),
              sumLineEndings.contains(last) else { return false }
        return sumLines.contains(TextNormalizer.labelKey(name))
    }
}
