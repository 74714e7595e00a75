internal import CXLSXWriter

/// A cell style of a workbook being written. The workbook owns the underlying `lxw_format`.
final class CellStyle {
    /// What a style looks like and how its cells' values display.
    struct Options {
        var bold = false
        var italic = false
        /// An Excel number format such as `@` (text) or `yyyy-mm-dd`.
        var numberFormat: String?
        /// A solid background colour, `0xRRGGBB`.
        var background: UInt32?
        /// The font colour, `0xRRGGBB`.
        var fontColor: UInt32?
        var wrap = false
        var alignTop = false
        var bottomBorder = false
    }

    let handle: UnsafeMutablePointer<lxw_format>

    init(handle: UnsafeMutablePointer<lxw_format>, options: Options) {
        self.handle = handle
        if options.bold { format_set_bold(handle) }
        if options.italic { format_set_italic(handle) }
        if let numberFormat = options.numberFormat { format_set_num_format(handle, numberFormat) }
        if let background = options.background {
            format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(handle, lxw_color_t(background))
        }
        if let fontColor = options.fontColor { format_set_font_color(handle, lxw_color_t(fontColor)) }
        if options.wrap { format_set_text_wrap(handle) }
        if options.alignTop { format_set_align(handle, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if options.bottomBorder { format_set_bottom(handle, UInt8(LXW_BORDER_THIN.rawValue)) }
    }
}
