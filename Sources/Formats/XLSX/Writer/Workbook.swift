internal import CXLSXWriter
import Foundation
import RegionKit

/// A workbook being written with libxlsxwriter: owns the `lxw_workbook` handle and frees it in `deinit` unless it was
/// closed. Every libxlsxwriter call of the exporter goes through this type, `Worksheet` and `CellStyle`.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// The file as messages name it: the one libxlsxwriter assembles the package into when the workbook is closed,
    /// or the target that file is staged for.
    let path: String
    /// Keeps the options' C strings alive as long as the handle.
    private let optionStrings = CStrings()

    /// Creates a workbook that will be written to `path`; `constantMemory` streams each row to disk once it is complete.
    /// libxlsxwriter keeps its intermediate files in `temporaryFolder` when given, else in `$TMPDIR`. Messages name
    /// the file `shownAs` (the target of a staged file) when given, else `path`.
    init(path: String, shownAs: String? = nil, constantMemory: Bool, temporaryFolder: String? = nil) throws(RegionKitError) {
        self.path = shownAs ?? path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 0
        options.tmpdir = temporaryFolder.flatMap { optionStrings.pointer($0) }
        handle = workbook_new_opt(path, &options)
        guard handle != nil else {
            throw RegionKitError(.writeFailed, "\(path): libxlsxwriter cannot create the workbook")
        }
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    private func workbook() throws(RegionKitError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw RegionKitError(.writeFailed, "\(path): the workbook is already closed") }
        return handle
    }

    /// Sets the document properties; `created` is also written as the modification time.
    func setProperties(_ properties: DocumentProperties) throws(RegionKitError) {
        let workbook = try workbook()
        let strings = CStrings()
        var native = lxw_doc_properties()
        native.title = strings.pointer(properties.title)
        native.subject = strings.pointer(properties.subject)
        native.author = strings.pointer(properties.author)
        native.company = strings.pointer(properties.company)
        native.keywords = strings.pointer(properties.keywords)
        native.comments = strings.pointer(properties.comments)
        native.created = time_t(properties.created)
        try check(workbook_set_properties(workbook, &native), "cannot set the document properties")
        withExtendedLifetime(strings) {}
    }

    /// Adds a worksheet named `name` (at most 31 characters, none of `[]:*?/\`).
    func addWorksheet(_ name: String) throws(RegionKitError) -> Worksheet {
        guard let sheet = workbook_add_worksheet(try workbook(), name) else {
            throw RegionKitError(.writeFailed, "\(path): cannot add the sheet '\(name)'")
        }
        return Worksheet(handle: sheet, name: name)
    }

    /// Adds a cell style; the workbook owns it.
    func addStyle(_ style: CellStyle.Options) throws(RegionKitError) -> CellStyle {
        guard let format = workbook_add_format(try workbook()) else {
            throw RegionKitError(.writeFailed, "\(path): cannot add a cell style")
        }
        return CellStyle(handle: format, options: style)
    }

    /// Defines a workbook-wide name for a formula such as `='_lists'!$A$2:$A$8`.
    func defineName(_ name: String, _ formula: String) throws(RegionKitError) {
        try check(workbook_define_name(try workbook(), name, formula), "cannot define the name '\(name)'")
    }

    /// Writes the package to `path` and frees the handle; the workbook cannot be used afterwards.
    func close() throws(RegionKitError) {
        let workbook = try workbook()
        handle = nil
        try check(workbook_close(workbook), "cannot write the workbook")
    }

    private func check(_ error: lxw_error, _ what: String) throws(RegionKitError) {
        try Workbook.check(error, "\(path): \(what)")
    }

    /// Turns a libxlsxwriter error code into a `RegionKitError` that says what failed.
    static func check(_ error: lxw_error, _ what: String) throws(RegionKitError) {
        guard error != LXW_NO_ERROR else { return }
        let reason = lxw_strerror(error).map { String(cString: $0) } ?? "error \(error.rawValue)"
        throw RegionKitError(.writeFailed, "\(what): \(reason)")
    }
}

/// The document properties of a workbook, fixed so that the same dataset gives the same bytes.
struct DocumentProperties {
    var title = ""
    var subject = ""
    var author = ""
    var company = ""
    var keywords = ""
    var comments = ""
    /// Seconds since 1970 written as the creation and modification time.
    var created: Int = 0
}

/// Keeps C copies of strings alive for the duration of a libxlsxwriter call that takes a struct of `char *`.
final class CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    /// A C copy of `text`, or nil for an empty text when `emptyIsNil` is set.
    func pointer(_ text: String, emptyIsNil: Bool = true) -> UnsafeMutablePointer<CChar>? {
        if text.isEmpty && emptyIsNil { return nil }
        guard let copy = strdup(text) else { return nil }
        pointers.append(copy)
        return copy
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
