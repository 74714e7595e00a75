internal import CXLSXWriter
import RegionKit

/// A sheet of a workbook being written. The workbook owns the underlying `lxw_worksheet` and must outlive this value.
///
/// Rows and columns are 0-based here, as in libxlsxwriter; errors name the cell in A1 notation.
struct Worksheet {
    fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.handle = handle
        self.name = name
    }

    /// Writes a text cell. The text is never read as a formula, whatever it starts with, and reads back exactly
    /// (see `ExcelEscapes`).
    func write(_ text: String, row: Int, column: Int, style: CellStyle?) throws(RegionKitError) {
        let escaped = ExcelEscapes.protectingLiteralEscapes(text)
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), escaped, style?.handle), row, column)
    }

    /// Writes a number cell.
    func write(_ number: Double, row: Int, column: Int, style: CellStyle?) throws(RegionKitError) {
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, style?.handle), row, column)
    }

    /// Attaches a comment to a cell; `width` and `height` are in pixels.
    func comment(_ text: String, row: Int, column: Int, width: Int, height: Int) throws(RegionKitError) {
        var options = lxw_comment_options()
        options.width = UInt16(width)
        options.height = UInt16(height)
        let escaped = ExcelEscapes.protectingLiteralEscapes(text)
        try check(worksheet_write_comment_opt(handle, lxw_row_t(row), lxw_col_t(column), escaped, &options), row, column)
    }

    /// Sets the width (in characters), the default style and the visibility of a range of columns.
    func setColumns(_ first: Int, _ last: Int, width: Double, style: CellStyle?, hidden: Bool = false) throws(RegionKitError) {
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(
            worksheet_set_column_opt(handle, lxw_col_t(first), lxw_col_t(last), width, style?.handle, &options), 0, first)
    }

    /// Sets the height of a row, in points. With constant memory, call it before writing the row's cells.
    func setRow(_ row: Int, height: Double) throws(RegionKitError) {
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), row, 0)
    }

    /// Keeps the first `rows` rows in view while scrolling.
    func freezeRows(_ rows: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), 0)
    }

    /// Adds filter buttons to the first row of a range.
    func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(RegionKitError) {
        try check(
            worksheet_autofilter(
                handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
            firstRow, firstColumn)
    }

    /// Adds a data validation to a range of cells.
    func validate(_ validation: DataValidation, firstRow: Int, column: Int, lastRow: Int) throws(RegionKitError) {
        let strings = CStrings()
        var native = lxw_data_validation()
        native.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        native.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
        native.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        switch validation.rule {
        case .any:
            native.validate = UInt8(LXW_VALIDATION_TYPE_ANY.rawValue)
        case .list(let formula):
            native.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            native.value_formula = strings.pointer(formula)
        case .decimal(let minimum, let maximum):
            native.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            native.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            native.minimum_number = minimum
            native.maximum_number = maximum
        case .length(let maximum):
            native.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
            native.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            native.value_number = Double(maximum)
        case .formula(let formula):
            native.validate = UInt8(LXW_VALIDATION_TYPE_CUSTOM_FORMULA.rawValue)
            native.value_formula = strings.pointer(formula)
        }
        switch validation.errorStyle {
        case .stop: native.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        case .warning: native.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
        case .information: native.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
        }
        native.input_title = strings.pointer(DataValidation.clipped(validation.inputTitle, to: DataValidation.titleLimit))
        native.input_message = strings.pointer(DataValidation.clipped(validation.inputMessage, to: DataValidation.messageLimit))
        native.error_title = strings.pointer(DataValidation.clipped(validation.errorTitle, to: DataValidation.titleLimit))
        native.error_message = strings.pointer(DataValidation.clipped(validation.errorMessage, to: DataValidation.messageLimit))
        let error = worksheet_data_validation_range(
            handle, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &native)
        withExtendedLifetime(strings) {}
        try check(error, firstRow, column)
    }

    /// Hides the sheet's tab.
    func hide() {
        worksheet_hide(handle)
    }

    /// Makes the sheet the one a workbook opens on.
    func activate() {
        worksheet_activate(handle)
    }

    private func check(_ error: lxw_error, _ row: Int, _ column: Int) throws(RegionKitError) {
        // Called for every cell: the cell's name is only made for an error.
        guard error != LXW_NO_ERROR else { return }
        try Workbook.check(error, "\(name)!\(CellAddress(row: row + 1, column: column + 1))")
    }
}
