import RegionKit
import RegionSchema

/// Values that formats find hard to carry: separators and quotes of every CSV dialect, spreadsheet formula starts,
/// Excel escapes, texts that YAML, CSV or a spreadsheet would read as numbers, dates or booleans, line breaks and
/// tabs, scripts other than Latin, emoji and combining marks; numbers at the edges of what a double or a
/// spreadsheet keeps; partial dates of each precision.
///
/// None has leading or trailing white space, a carriage return or a control character the validator refuses.
public enum AwkwardValues {
    /// Whole texts that other readers take for something else, or that start with a character a format treats
    /// specially.
    public static let wholeTexts: [String] = [
        "yes", "No", "ON", "off", "true", "FALSE", "null", "Null", "~", ".inf", "-.inf", ".nan", "NaN", "007", "1e5",
        "-0", "0x1F", "1_000", "+1", "2019", "2019-10-03", "2019-07", "12:30:00", "3 October 2019", "=SUM(A1:A3)",
        "=HYPERLINK(\"http://example.org\")", "+7 (495) 000-00-00", "-minus", "@SUM(A1)", "'apostrophe", "''two",
        "'=quoted formula", "_x0041_", "_x000D_", "_x005F_x0041_", "x_x000A_y", "- dash", "# hash", "key: value",
        "[1, 2]", "{a: b}", "&anchor", "*alias", "!tag", "%directive", "|", ">", "`code`", "?", "\"", "'", ",", ";",
        "\\", "\\;", ";\\", "\"\"", "a\"b", "a,b", "a;b", "a\tb", "a\nb", "line one\nline two\n\nline four",
        "<b>&amp;</b>", "“quoted”", "‘single’", "„German“", "«guillemets»", "‹single›", "「括弧」", "Кириллица; ещё",
        "Ўзбекистон", "Қазақстан", "Кыргызстан", "Тоҷикистон", "Türkmenistan", "中文文本", "العربية", "עברית",
        "ελληνικά", "हिन्दी", "한국어", "😀", "👨‍👩‍👧‍👦", "🇰🇿🇷🇺", "e\u{301}", "a\u{308}\u{332}", "Z\u{335}\u{30C}\u{34D}",
    ]

    /// Pieces joined into longer texts; the first piece of a text is often one of `wholeTexts`.
    public static let pieces: [String] =
        wholeTexts + [
            "Central Asia", "Russia's", "CSTO", "EAEU", "more than 5,000", "3.5 %", "1,5", "$ 2 bn", "C:\\path\\to",
            "a\\;b", "semi; colon, comma \"quote\"", "tab\there", "two\nlines", "«ёлка»", "naïve café", "Å\u{30A}",
            "🙂🙃", "👍🏽", "☃", "∑", "€", "—", "…",
        ]

    /// Glue between pieces of a text.
    public static let glue: [String] = [" ", ", ", "; ", "\n", "\t", "", " \"", "' ", " - ", "\n\n"]

    /// Ids (row ids and source ids) that look like numbers, dates, booleans or YAML specials.
    public static let slugs: [String] = [
        "007", "1e5", "2019-10-03", "2019", "0", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "y",
        "n", "0x1f", "1-2-3", "e", "a-0", "x1",
    ]

    /// ISO alpha-3 codes that YAML 1.1 reads as booleans or that look like specials.
    public static let alpha3: [String] = ["YES", "OFF", "NUL", "NAN", "INF", "TRU", "KAZ", "RUS", "UZB"]
    /// ISO alpha-2 codes that YAML 1.1 reads as booleans (Norway's `NO`).
    public static let alpha2: [String] = ["NO", "ON", "YE", "KZ", "RU", "UZ", "NA"]
    /// Indicator keys.
    public static let keys: [String] = ["null", "true", "yes", "inf", "nan", "e5", "x_x0041_", "a", "students_in_russia"]
    /// URLs with characters formats escape.
    public static let urls: [String] = [
        "https://example.org/", "http://example.org/a,b;c", "https://example.org/?q=\"x\"&y='z'",
        "https://пример.рф/путь", "http://example.org/=SUM(A1)", "https://example.org/_x0041_", "http://a.b/#;\\",
        "https://example.org/😀",
    ]
    /// Source text file names, relative to the dataset file.
    public static let fileNames: [String] = [
        "source.txt", "texts/a b.txt", "texts/'quoted' “name”.txt", "тексты/источник.txt", "semi;colon,comma.txt",
        "=formula.txt", "yes", "007.txt", "texts/😀.txt",
    ]

    /// Numbers at the edges: tiny, huge, negative, 15-digit integers and 15 significant digits.
    public static let numbers: [Double] = [
        0, 0.1, -0.5, 1e-7, 1e21, -1e21, 1e15, 123_456_789_012_345, -999_999_999_999_999, 0.123456789012345,
        1234567.89012345, 3.14159265358979, 2.5e-5, 1, -1, 100, 0.3, 71.427774, 1e300,
    ]

    /// Dates at the edges of what spreadsheets hold as date cells, of each precision.
    public static let dates: [String] = [
        "0001", "0001-01", "0001-01-01", "1899-12-30", "1899-12-31", "1900", "1900-01-01", "1900-02-28", "1900-03-01",
        "1904-01-01", "1991-12", "2000-02-29", "2019-10-03", "9999", "9999-12-31",
    ]
}
