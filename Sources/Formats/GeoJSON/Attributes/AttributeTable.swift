public import RegionKit

/// Flat attribute columns and one row of values per feature id, in column order.
public struct AttributeTable: Sendable {
    /// The columns, in the order they are written.
    public private(set) var columns: [AttributeColumn]
    /// The values of each feature, by feature id, then by column name. A missing value is null.
    public private(set) var rows: [String: [String: AttributeValue]]
    /// Why a column cannot be written, by column name: its values could not be flattened into one per cell.
    public private(set) var problems: [String: String]

    public init(columns: [AttributeColumn], rows: [String: [String: AttributeValue]], problems: [String: String] = [:]) {
        self.columns = columns
        self.rows = rows
        self.problems = problems
    }

    /// Throws the problem of the first column that cannot be flattened, if any.
    public func checkFlattened() throws(RegionKitError) {
        if let problem = columns.lazy.compactMap({ self.problems[$0.name] }).first {
            throw RegionKitError(.unsupported, problem)
        }
    }

    /// A feature's value of a column (null when it has none).
    public func value(_ id: String, _ column: String) -> AttributeValue {
        rows[id]?[column] ?? .null
    }

    /// The column with a name.
    public func column(named name: String) -> AttributeColumn? {
        columns.first { $0.name == name }
    }

    /// The table with only `names`, in that order; an unknown or repeated name is an error with a suggestion.
    public func selecting(_ names: [String], option: String) throws(RegionKitError) -> AttributeTable {
        var selected: [AttributeColumn] = []
        for name in names {
            guard let column = column(named: name) else {
                let known = columns.map(\.name)
                let hint = Suggestion.hint(for: name, in: known).map { " (\($0))" } ?? ""
                throw RegionKitError(
                    .invalidOption, "\(option): no column '\(name)'\(hint); the columns are \(known.joined(separator: ", "))")
            }
            guard !selected.contains(column) else {
                throw RegionKitError(.invalidOption, "\(option): the column '\(name)' is named twice")
            }
            selected.append(column)
        }
        return AttributeTable(columns: selected, rows: rows, problems: problems)
    }

    /// The table without the columns of `types` that hold no value in any row (columns that could not be
    /// flattened stay, to be reported). GDAL reads a column without values as text, so an empty number column
    /// would change type; a text column keeps its type either way.
    public func droppingEmpty(of types: Set<AttributeColumn.ValueType>) -> AttributeTable {
        let kept = columns.filter { column in
            !types.contains(column.type) || problems[column.name] != nil
                || rows.values.contains { !($0[column.name] ?? .null).isNull }
        }
        return AttributeTable(columns: kept, rows: rows, problems: problems)
    }
}
