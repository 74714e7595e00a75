import RegionSchema

/// The text of the visible README sheet: what each sheet holds, how to edit it, and what must not be touched.
struct ReadmeSheet {
    /// How a line is shown.
    enum Kind { case title, heading, body }

    let datasetName: String
    let fingerprint: String
    let dataset: Dataset

    /// The lines of the sheet, one per row of column A.
    var lines: [(kind: Kind, text: String)] {
        var lines: [(Kind, String)] = [
            (.title, "RegionKit dataset '\(datasetName)': a workbook to edit and send back"),
            (.body, "Schema version \(DatasetSchema.version). Exported from the dataset with fingerprint \(fingerprint)."),
            (.body, ""),
            (.heading, "How to edit"),
            (
                .body,
                "• Each sheet after this one holds one table; one row is one fact. Change cells, add rows below the last row, delete whole rows."
            ),
            (
                .body,
                "• Hover over a column title to read what the column holds and what it accepts; selecting a cell shows the same. Darker titles mark required columns."
            ),
            (
                .body,
                "• Closed lists (status, role, kind, …) have a dropdown. Countries, organizations and sources referred to are picked from the ids on their own sheets."
            ),
            (
                .body,
                "• Dates: a full date as a date cell or as text YYYY-MM-DD. When only the year or the month is known, type it as text: 2019 or 2019-07."
            ),
            (
                .body,
                "• Lists (areas, countries, goods): separate the items with semicolons, for example 'energy; trade'. To type a semicolon or a backslash inside an item, put a backslash before it: 'food products\\; chemicals' is one item."
            ),
            (.body, "• Numbers as numbers. Ids and ISO codes as text, exactly as shown (KAZ, uzb-csto-1999)."),
            (.body, "• Leave a cell empty when the value is unknown; never type n/a, - or 0 instead."),
            (
                .body,
                "• You may rename, reorder or resize columns and sort or filter rows. Each column title carries a comment whose last line, 'regionkit key: …', tells RegionKit which field the column is: keep that line."
            ),
            (.body, ""),
            (.heading, "Do not touch"),
            (
                .body,
                "• The last, hidden column of each table sheet ('\(WorkbookLayout.rowIDTitle)') tells RegionKit which exported row a row is, so that an edited id is a change and not a new row. Leave it as it is, and empty on new rows; when you copy a whole row to add a similar one, clear that cell in the copy."
            ),
            (
                .body,
                "• The hidden sheets '\(WorkbookLayout.listsSheet)' (the closed lists behind the dropdowns) and '\(WorkbookLayout.recordSheet)' (the schema version, the fingerprint and the exported data, which RegionKit compares your changes with). Do not edit, rename or delete them."
            ),
            (.body, "• The names of the table sheets."),
            (.body, ""),
            (.heading, "Sending it back"),
            (
                .body,
                "• regionkit import FILE.xlsx lists every change (rows added, removed, and each changed cell with its old and new value) and every problem, cell by cell, without changing anything."
            ),
            (
                .body,
                "• regionkit import FILE.xlsx --apply writes the changes into the dataset, only when the workbook has no errors. If the dataset changed since this export, changes to different cells are merged, and a cell changed on both sides is reported as a conflict, never overwritten."
            ),
            (.body, ""),
            (.heading, "Sheets"),
        ]
        for table in WorkbookLayout.tables {
            let count = dataset[table.id].count
            lines.append(
                (.body, "• \(WorkbookLayout.sheetName(of: table)) (\(count) \(count == 1 ? "row" : "rows")): \(table.description)"))
            let columns = table.fields.map { "\($0.title)\($0.required ? " (required)" : "")" }
            lines.append((.body, "   Columns: " + columns.joined(separator: ", ") + "."))
        }
        lines.append((.body, ""))
        lines.append((.heading, "Closed lists"))
        for domain in Domains.all {
            let fields = WorkbookLayout.tables.flatMap { table in
                table.fields.filter { $0.domain == domain }.map { "\(table.title) › \($0.title)" }
            }
            lines.append((.body, "• \(fields.joined(separator: ", ")): \(domain.values.joined(separator: ", "))"))
        }
        return lines
    }
}
