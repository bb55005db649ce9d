/// Bounds enforced while reading, so that a hostile or broken file fails fast instead of
/// exhausting memory. Sizes are counted as bytes are inflated; the zip directory's claims are not trusted.
public struct ReadLimits: Sendable {
    /// Zip entries in one file. Real workbooks have tens; thousands means something is wrong.
    public var maxEntries = 10_000
    /// Inflated bytes of one part. A 1,000,000-cell sheet is ≈ 60 MB of XML.
    public var maxPartBytes = 512 << 20
    /// Inflated bytes of one part read row by row (`XLSXReader.forEachRow`), which holds one row at a time.
    public var maxStreamedBytes = 16 << 30
    /// Inflated bytes of all parts read from one file.
    public var maxTotalBytes = 1 << 30
    /// Inflated ÷ compressed bytes, checked once a part passes `compressionCheckThreshold`:
    /// XML rarely exceeds 100:1, a zip bomb reaches 1000:1.
    public var maxCompressionRatio = 500
    public var compressionCheckThreshold = 4 << 20
    /// Merged ranges on one sheet, and the cells they cover together. A goal table merges a few hundred cells;
    /// a merge over a tall many-column area cost hundreds of MB in the grid's per-row index.
    public var maxMerges = 200_000
    public var maxMergedArea = 4 << 20
    /// Non-empty cells in one workbook read whole (≈ 100 bytes each in memory): a goal table has a few hundred;
    /// a 1.8 MB file once unfolded into 35 million. Sheets read row by row (`forEachRow`) are not counted.
    public var maxCells = 4_000_000
    /// Shared strings in one workbook.
    public var maxSharedStrings = 5_000_000
    /// Sheets in one workbook (Excel's own limit is memory).
    public var maxSheets = 1_000
    /// Size of a file read from disk.
    public var maxFileBytes = 512 << 20

    /// The standard limits (`ReadLimits.standard`); change a field to read with another.
    ///
    ///     var limits = ReadLimits(); limits.maxFileBytes = 64 << 20
    public init() {}

    public static let standard = ReadLimits()
}
