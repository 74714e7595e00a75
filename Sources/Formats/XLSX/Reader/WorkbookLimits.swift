/// The bounds a workbook's parts are read within, past which the workbook is refused, so that whatever arrives is
/// answered in bounded time and memory. The ZIP package's own bounds are `PackageLimits`.
enum WorkbookLimits {
    /// The most characters (Unicode scalars) a cell's text, a shared string or a comment may have: Excel's own limit
    /// for a cell, 32 767. Text is counted as it streams in, so a longer one is refused after at most four times
    /// that many bytes, never collected first.
    static let cellCharacters = 32_767

    /// The most empty rows a sheet may have one after the other: 100 000. Empty rows (row elements without a value)
    /// take no memory to skip, but they take time; a table RegionKit exports has none, and a sheet formatted far
    /// below its data has such a run, which is better deleted than imported.
    static let emptyRowRun = 100_000

    /// The most items a part may list where the reader keeps each one: cell formats and number formats
    /// (`styles.xml`; Excel allows about 64 000 formats), relationships, sheets, and comments that carry a column's
    /// `regionkit key`: 65 536.
    static let listedItems = 65_536

    /// The most shared strings a workbook may have: 8 388 608 (2^23). RegionKit writes none (its cells hold their
    /// text inline); Excel and LibreOffice move every distinct text there when they save, a few per row.
    static let sharedStrings = 1 << 23

    /// The most bytes of text the shared strings may hold together: 256 MiB. The 100 000-row benchmark dataset is
    /// about 33 MB as YAML, and a workbook holds its text about twice (the cells and the export record), so this
    /// leaves room for a workbook several times that size.
    static let sharedStringBytes = 256 << 20
}
