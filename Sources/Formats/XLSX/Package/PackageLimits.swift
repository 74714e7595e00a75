/// How much a workbook's ZIP package may unzip to: the bounds against zip bombs. Each part is checked against them
/// twice: by the sizes its entry declares, before a byte is inflated, and by the bytes actually inflated, as they
/// come, since a bomb may declare anything.
struct PackageLimits: Sendable {
    /// The most bytes one part may inflate to: 1 GiB. The largest part of a RegionKit workbook is the Indicators
    /// sheet, about 800 bytes a row (16 MB for the 20 000 rows of `regionkit generate --indicators 20000`), so a
    /// workbook of a million rows, the benchmark's largest size, fits.
    var maximumPartSize: UInt64 = 1 << 30
    /// The most bytes the parts read may inflate to together: 2 GiB, such a workbook's sheets and its export record.
    var maximumTotalSize: UInt64 = 2 << 30
    /// The most a part may inflate to per compressed byte: 100 to 1, the ratio past which Apache POI refuses a part
    /// too. Deflate's own limit is about 1032 to 1; the parts of real workbooks shrink 5 to 15 times (the sheets of
    /// RegionKit's exports about 9 times, a sheet of a million empty rows 7 times).
    var maximumRatio: UInt64 = 100
    /// Parts that inflate to at most 1 MiB are not held to the ratio: a small part of repeated markup may shrink
    /// more, and cannot do harm.
    var ratioExemptSize: UInt64 = 1 << 20
    /// The most entries a package may list: 10 000. RegionKit's export of the dataset has 47, a few per sheet.
    var maximumEntries = 10_000
    /// The largest central directory read into memory: 16 MiB, room for the most entries with long names.
    var maximumDirectorySize = 16 << 20

    init() {}
}
