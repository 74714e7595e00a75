import Foundation
import RegionKit

/// The ZIP package of a workbook: its parts, streamed through an XML parser as they are unzipped, within the bounds
/// of `PackageLimits`.
final class WorkbookPackage {
    /// The file as the user named it, for messages.
    let path: String
    private let archive: ZIPArchive

    /// The first bytes of an OLE2 compound file: a legacy `.xls`, or a workbook encrypted with a password to open,
    /// which Excel stores as a compound file holding `EncryptionInfo` and `EncryptedPackage` streams.
    private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Opens the package; a file that is not a ZIP package is a `RegionKitError`. Whether the package is a workbook
    /// (rather than an OpenDocument file or another ZIP package) is for `WorkbookIndex` to find.
    init(path: String, limits: PackageLimits = PackageLimits()) throws(RegionKitError) {
        self.path = path
        let head = try Self.head(of: path)
        if head.starts(with: Self.compoundFileSignature) {
            throw RegionKitError(
                .unsupported,
                "\(path): is a password-protected workbook or a legacy Excel 97-2003 workbook (.xls), not an XLSX workbook; remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, empty it) or save it as an Excel 2007-365 workbook (.xlsx), then import that"
            )
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw RegionKitError(
                .unsupported,
                "\(path): is not an XLSX workbook: it is not a ZIP package (a CSV or text file renamed .xlsx?); save it from Excel or LibreOffice as an Excel 2007-365 workbook (.xlsx)"
            )
        }
        archive = try ZIPArchive(path: path, limits: limits)
    }

    private static func head(of path: String) throws(RegionKitError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegionKitError(.fileNotFound, "\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw RegionKitError(.unreadable, "\(path): is a folder, not a workbook") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RegionKitError(.unreadable, "\(path): cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: compoundFileSignature.count)) ?? Data())
    }

    /// Whether the package has a part (part names compare without case).
    func contains(_ part: String) -> Bool {
        guard let entry = archive.entry(named: part) else { return false }
        return !entry.isFolder
    }

    /// Streams a part through a new parser that reports to `handler`; errors name the part, line and column.
    func parse(_ part: String, with handler: XMLEventHandler) throws(RegionKitError) {
        guard let entry = archive.entry(named: part), !entry.isFolder else {
            throw RegionKitError(.unreadable, "\(path): the package has no part \(part)")
        }
        let parser: XMLStreamParser
        do {
            parser = try XMLStreamParser(handler: handler)
        } catch {
            throw RegionKitError(.unreadable, "\(path): \(error.message)")
        }
        var xmlError: XMLStreamError?
        try archive.read(entry) { chunk in
            do throws(XMLStreamError) {
                try parser.feed(chunk, isFinal: false)
                return true
            } catch {
                xmlError = error
                return false
            }
        }
        if xmlError == nil {
            do {
                try parser.feed(UnsafeRawBufferPointer(start: nil, count: 0), isFinal: true)
            } catch {
                xmlError = error
            }
        }
        if let xmlError {
            throw RegionKitError(.syntax, "\(path):\(part):\(xmlError.line):\(xmlError.column): error: \(xmlError.message)")
        }
    }

    /// The text of a small part that is not XML, such as `mimetype`; nil when there is no such part or it is larger
    /// than 4 KiB.
    func text(of part: String) throws(RegionKitError) -> String? {
        guard let entry = archive.entry(named: part), entry.uncompressedSize < 4096 else { return nil }
        var bytes: [UInt8] = []
        try archive.read(entry) { chunk in
            bytes.append(contentsOf: chunk)
            return true
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
