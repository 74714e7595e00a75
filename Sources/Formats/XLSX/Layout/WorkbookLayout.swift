import Foundation
import RegionSchema

/// Where a RegionKit workbook keeps what: sheet names, the hidden row-id column, defined names and header keys.
///
/// The exporter writes this layout and the importer reads it back; both take every name from here.
enum WorkbookLayout {
    /// The layout version written into the export record; a reader refuses a newer one.
    static let version = "1"

    /// The visible sheet that tells analysts how to edit the workbook.
    static let readmeSheet = "README"
    /// The hidden sheet of closed lists that the dropdowns read.
    static let listsSheet = "_lists"
    /// The hidden sheet of the export record: schema version, fingerprint, column keys and the exported dataset.
    static let recordSheet = "_regionkit"

    /// The key of the hidden last column of each table sheet, which holds a row's id at export.
    static let rowIDKey = RowIDColumn.key
    /// The title of that column.
    static let rowIDTitle = RowIDColumn.title

    /// The line of a header comment that names the column's field key: `regionkit key: status`.
    static let keyMarker = "regionkit key:"

    /// The 1-based row of column titles on table sheets.
    static let headerRow = 1
    /// Rows past the last one that dropdowns of ids reach, so that rows added at the bottom are offered too.
    static let idListMargin = 500

    /// The tables in the order their sheets appear: the canonical order, which puts referenced tables first.
    static var tables: [TableSpec] { DatasetSchema.tables }

    /// The sheet name of a table: its title.
    static func sheetName(of table: TableSpec) -> String { table.title }

    /// The table a sheet name stands for, ignoring case and spaces; table ids are accepted too.
    static func table(forSheet name: String) -> TableSpec? {
        let wanted = HeaderText.normalized(name)
        return tables.first { HeaderText.normalized($0.title) == wanted || HeaderText.normalized($0.id.rawValue) == wanted }
    }

    /// The defined name of a closed list: `list_membership_status`.
    static func listName(of domain: EnumDomain) -> String { "list_" + domain.name }

    /// The defined name of the ids of a table: `ids_countries`.
    static func idsName(of table: TableID) -> String { "ids_" + table.rawValue }

    /// A sheet name quoted for formulas: `'Military bases'`.
    static func quoted(_ sheet: String) -> String {
        "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A cell in Excel's notation, the sheet quoted when it must be: `Memberships!D7`, `'Military bases'!C3`.
    static func reference(_ sheet: String, _ address: CellAddress) -> String {
        reference(sheet, address.description)
    }

    /// A cell reference as written, after its sheet name (quoted when it must be).
    static func reference(_ sheet: String, _ cell: String) -> String {
        sheetPrefix(sheet) + cell
    }

    /// The sheet part of a reference: `Memberships!`, or `'Military bases'!` for a name that must be quoted.
    static func sheetPrefix(_ sheet: String) -> String {
        let plain =
            !sheet.isEmpty && sheet.first?.isNumber == false
            && sheet.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "." }
        return (plain ? sheet : quoted(sheet)) + "!"
    }

    /// The text of a header comment: what the column holds and accepts, then the key line.
    static func headerComment(for field: FieldSpec) -> String {
        "\(field.title)\n\(field.description)\n\(FieldGuide.accepts(field))\n\n\(keyMarker) \(field.key)"
    }

    /// The key named by a header comment, if it has a key line.
    static func key(inComment text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline).reversed() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(keyMarker) else { continue }
            let key = trimmed.dropFirst(keyMarker.count).trimmingCharacters(in: .whitespaces)
            return key.isEmpty ? nil : key
        }
        return nil
    }
}
