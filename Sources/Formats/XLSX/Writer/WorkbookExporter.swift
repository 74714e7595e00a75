import Foundation
import RegionKit

/// Writes a dataset as an XLSX workbook for analysts: a README sheet, one sheet per table with validations, a hidden
/// sheet of closed lists, and the hidden export record that lets an import find and merge every change.
struct WorkbookExporter {
    /// Whether libxlsxwriter streams each finished row to disk instead of keeping the sheets in memory.
    var constantMemory = true
    /// Where libxlsxwriter keeps its intermediate files; `$TMPDIR` when nil.
    var temporaryFolder: String?

    /// The creation time written into the document properties: fixed, so the same dataset gives the same bytes.
    static let creationTime = 946_684_800  // 2000-01-01T00:00:00Z

    /// Writes the workbook of `dataset` to the file at `path`, creating or truncating it; messages name the file
    /// `shownAs` when given (the target of a staged file), else `path`.
    func write(_ dataset: Dataset, name: String, to path: String, shownAs: String? = nil) throws(RegionKitError) {
        // The dataset's YAML (for the export record and the fingerprint) is written on another core meanwhile; the
        // README sheet, which names the fingerprint, is added first and filled in last.
        let encoding = BackgroundWork { Result { () throws(RegionKitError) in try DatasetYAMLText.of(dataset) } }

        let workbook = try Workbook(
            path: path, shownAs: shownAs, constantMemory: constantMemory, temporaryFolder: temporaryFolder)
        let styles = try Styles(workbook)
        let readme = try workbook.addWorksheet(WorkbookLayout.readmeSheet)
        var columns: [ExportRecord.Column] = []
        for table in WorkbookLayout.tables {
            let plans = try writeTable(table, rows: dataset[table.id], in: workbook, styles)
            columns += plans.map { ExportRecord.Column(sheet: WorkbookLayout.sheetName(of: table), letter: $0.letter, key: $0.key) }
        }
        try writeLists(in: workbook, styles)
        try defineIDLists(of: dataset, in: workbook)

        let baseYAML = try encoding.wait().get()
        let fingerprint = DatasetFingerprint.of(yaml: baseYAML)
        try workbook.setProperties(
            DocumentProperties(
                title: "RegionKit dataset '\(name)'",
                subject: "The dataset as one sheet per table, to edit and import back with regionkit import",
                author: "regionkit export", company: "", keywords: "regionkit; schema \(DatasetSchema.version)",
                comments: "Exported from the dataset with fingerprint \(fingerprint).",
                created: Self.creationTime))
        try writeReadme(ReadmeSheet(datasetName: name, fingerprint: fingerprint, dataset: dataset), in: readme, styles)
        try writeRecord(
            ExportRecord(
                schemaVersion: dataset.schemaVersion, fingerprint: fingerprint, datasetName: name, columns: columns,
                baseYAML: baseYAML),
            in: workbook, styles)
        try workbook.close()
    }

    // MARK: Sheets

    private func writeReadme(_ readme: ReadmeSheet, in sheet: Worksheet, _ styles: Styles) throws(RegionKitError) {
        sheet.activate()
        try sheet.setColumns(0, 0, width: 120, style: styles.readmeBody)
        for (row, line) in readme.lines.enumerated() where !line.text.isEmpty {
            // Spreadsheets do not grow rows for wrapped text on their own: about 110 characters fit on a line.
            let lines = (line.text.count + 109) / 110
            if lines > 1 { try sheet.setRow(row, height: 15 * Double(lines)) }
            let style: CellStyle
            switch line.kind {
            case .title: style = styles.readmeTitle
            case .heading: style = styles.readmeHeading
            case .body: style = styles.readmeBody
            }
            try sheet.write(line.text, row: row, column: 0, style: style)
        }
    }

    private func writeTable(_ table: TableSpec, rows: [Record], in workbook: Workbook, _ styles: Styles) throws(RegionKitError)
        -> [ColumnPlan]
    {
        let sheet = try workbook.addWorksheet(WorkbookLayout.sheetName(of: table))
        let plans = ColumnPlan.columns(of: table, rows: rows)
        for plan in plans {
            try sheet.setColumns(
                plan.column - 1, plan.column - 1, width: plan.width, style: columnStyle(plan, styles), hidden: plan.field == nil)
        }
        for plan in plans {
            let required = plan.field?.required == true
            try sheet.write(plan.title, row: 0, column: plan.column - 1, style: required ? styles.headerRequired : styles.header)
            try sheet.comment(headerComment(plan), row: 0, column: plan.column - 1, width: 360, height: 180)
        }
        for (index, record) in rows.enumerated() {
            for plan in plans {
                try writeCell(record, plan, row: index + 1, sheet: sheet, styles, table: table.id)
            }
            if JobProgress.isDue(index + 1) {
                JobProgress.report("writing the \(table.title) sheet", rows: index + 1, done: index + 1, total: rows.count)
            }
        }
        JobProgress.end()
        for plan in plans {
            guard let validation = plan.validation(cell: CellAddress(row: 2, column: plan.column)) else { continue }
            try sheet.validate(validation, firstRow: 1, column: plan.column - 1, lastRow: CellAddress.maximumRow - 1)
        }
        sheet.freezeRows(1)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(rows.count, 1), lastColumn: plans.count - 1)
        return plans
    }

    private func writeCell(
        _ record: Record, _ plan: ColumnPlan, row: Int, sheet: Worksheet, _ styles: Styles, table: TableID
    ) throws(RegionKitError) {
        let column = plan.column - 1
        guard plan.field != nil else {
            if let id = record.id { try sheet.write(id, row: row, column: column, style: styles.rowID) }
            return
        }
        guard let value = record[plan.key] else { return }
        switch value {
        case .number(let number):
            guard ExcelNumbers.holds(number) else {
                throw SpreadsheetCell.refused(
                    format: XLSXFormat.id, table: table, record: record, index: row - 1, field: plan.key,
                    reason: ExcelNumbers.reason(number))
            }
            try sheet.write(number, row: row, column: column, style: nil)
        case .date(let date):
            if let serial = DateSerial.serial(of: date) {
                try sheet.write(serial, row: row, column: column, style: styles.date)
            } else {
                try sheet.write(date.description, row: row, column: column, style: styles.text)
            }
        case .text, .list:
            let text = value.canonicalText
            if !SpreadsheetCell.surelyFits(utf8Count: text.utf8.count, unitsPerByte: ExcelEscapes.unitsPerByte) {
                let units = ExcelEscapes.writtenUnits(of: text)
                if units > SpreadsheetCell.maximumUnits {
                    throw SpreadsheetCell.tooLong(
                        format: XLSXFormat.id, table: table, record: record, index: row - 1, field: plan.key, units: units,
                        counting: "UTF-16 code units, as Excel counts them, escapes included")
                }
            }
            try sheet.write(text, row: row, column: column, style: styles.text)
        }
    }

    private func writeLists(in workbook: Workbook, _ styles: Styles) throws(RegionKitError) {
        let sheet = try workbook.addWorksheet(WorkbookLayout.listsSheet)
        let domains = Domains.all
        let longest = domains.map(\.values.count).max() ?? 0
        try sheet.setColumns(0, max(domains.count - 1, 0), width: 28, style: styles.text)
        for row in 0...longest {
            for (column, domain) in domains.enumerated() {
                if row == 0 {
                    try sheet.write(domain.name, row: 0, column: column, style: styles.header)
                } else if row <= domain.values.count {
                    try sheet.write(domain.values[row - 1], row: row, column: column, style: styles.text)
                }
            }
        }
        sheet.hide()
        for (column, domain) in domains.enumerated() {
            let first = CellAddress(row: 2, column: column + 1).absolute
            let last = CellAddress(row: domain.values.count + 1, column: column + 1).absolute
            try workbook.defineName(
                WorkbookLayout.listName(of: domain), "=\(WorkbookLayout.quoted(WorkbookLayout.listsSheet))!\(first):\(last)")
        }
    }

    private func writeRecord(_ record: ExportRecord, in workbook: Workbook, _ styles: Styles) throws(RegionKitError) {
        let sheet = try workbook.addWorksheet(WorkbookLayout.recordSheet)
        try sheet.setColumns(0, 0, width: 16, style: styles.text)
        try sheet.setColumns(1, 3, width: 40, style: styles.text)
        for (row, cells) in record.rows.enumerated() {
            for (column, text) in cells.enumerated() {
                try sheet.write(text, row: row, column: column, style: styles.text)
            }
        }
        sheet.hide()
    }

    /// Defines `ids_<table>` for every table that fields refer to: its id column, past its last row by a margin.
    private func defineIDLists(of dataset: Dataset, in workbook: Workbook) throws(RegionKitError) {
        let referenced = Set(WorkbookLayout.tables.flatMap { $0.fields.compactMap(\.referencedTable) })
        for table in referenced.sorted() {
            let spec = DatasetSchema.table(table)
            let last = CellAddress(row: dataset[table].count + 1 + WorkbookLayout.idListMargin, column: 1).absolute
            try workbook.defineName(
                WorkbookLayout.idsName(of: table), "=\(WorkbookLayout.quoted(WorkbookLayout.sheetName(of: spec)))!$A$2:\(last)")
        }
    }

    // MARK: Styles

    private func columnStyle(_ plan: ColumnPlan, _ styles: Styles) -> CellStyle? {
        guard let field = plan.field else { return styles.rowID }
        if case .number = field.type { return nil }
        return styles.text
    }

    private func headerComment(_ plan: ColumnPlan) -> String {
        if let field = plan.field { return WorkbookLayout.headerComment(for: field) }
        return
            "\(WorkbookLayout.rowIDTitle)\nKept by RegionKit: the row's id when the workbook was exported, so that an edited id is a change and not a new row. Leave it as it is, and empty on new rows.\n\n\(WorkbookLayout.keyMarker) \(WorkbookLayout.rowIDKey)"
    }

    /// The cell styles of a workbook.
    struct Styles {
        let header: CellStyle
        let headerRequired: CellStyle
        let text: CellStyle
        let date: CellStyle
        let rowID: CellStyle
        let readmeTitle: CellStyle
        let readmeHeading: CellStyle
        let readmeBody: CellStyle

        init(_ workbook: Workbook) throws(RegionKitError) {
            header = try workbook.addStyle(.init(bold: true, numberFormat: "@", background: 0xDDEBF7, bottomBorder: true))
            headerRequired = try workbook.addStyle(.init(bold: true, numberFormat: "@", background: 0x9BC2E6, bottomBorder: true))
            text = try workbook.addStyle(.init(numberFormat: "@"))
            date = try workbook.addStyle(.init(numberFormat: "yyyy-mm-dd"))
            rowID = try workbook.addStyle(.init(italic: true, numberFormat: "@", fontColor: 0x808080))
            readmeTitle = try workbook.addStyle(.init(bold: true, numberFormat: "@", fontColor: 0x1F4E79))
            readmeHeading = try workbook.addStyle(.init(bold: true, numberFormat: "@", background: 0xDDEBF7))
            readmeBody = try workbook.addStyle(.init(numberFormat: "@", wrap: true, alignTop: true))
        }
    }
}
