import Foundation
import RegionKit
internal import ZIPFoundation

/// The ZIP package of a workbook: its parts, streamed through an XML parser as they are unzipped.
final class WorkbookPackage {
    /// The file as the user named it, for messages.
    let path: String
    private let archive: Archive
    /// The package's entries by path, read from its central directory once (a lookup in `Archive` reads it again).
    private let entries: [String: Entry]

    /// The most bytes one part may unzip to; a larger part is refused rather than read.
    static let partLimit: UInt64 = 4 << 30

    /// Opens the package; a file that is not a ZIP package, or is an OpenDocument one, is a `RegionKitError`.
    init(path: String) throws(RegionKitError) {
        self.path = path
        let head = try Self.head(of: path)
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw RegionKitError(
                .unsupported,
                "\(path): is not an XLSX workbook: it is not a ZIP package (a CSV or text file renamed .xlsx?); save it from Excel or LibreOffice as an Excel 2007-365 workbook (.xlsx)"
            )
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw RegionKitError(
                .unreadable, "\(path): is not a complete ZIP package (truncated or damaged); save it again from Excel or LibreOffice")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entries[entry.path] == nil { entries[entry.path] = entry }
        self.entries = entries
        if entries["xl/workbook.xml"] == nil, let mimetype = try? text(of: "mimetype"),
            mimetype.hasPrefix("application/vnd.oasis.opendocument")
        {
            throw RegionKitError(
                .unsupported,
                "\(path): is an OpenDocument file (\(mimetype)), not an XLSX workbook; save it as an Excel 2007-365 workbook (.xlsx)")
        }
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
        return [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
    }

    /// Whether the package has a part.
    func contains(_ part: String) -> Bool { entries[part] != nil }

    /// Streams a part through a new parser that reports to `handler`; errors name the part, line and column.
    func parse(_ part: String, with handler: XMLEventHandler) throws(RegionKitError) {
        guard let entry = entries[part] else {
            throw RegionKitError(.unreadable, "\(path): the package has no part \(part)")
        }
        guard entry.type == .file, UInt64(entry.uncompressedSize) <= Self.partLimit else {
            throw RegionKitError(.unsupported, "\(path): the part \(part) is too large to read (\(entry.uncompressedSize) bytes)")
        }
        let parser: XMLStreamParser
        do {
            parser = try XMLStreamParser(handler: handler)
        } catch {
            throw RegionKitError(.unreadable, "\(path): \(error.message)")
        }
        var xmlError: XMLStreamError?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                do {
                    try chunk.withUnsafeBytes { bytes in try parser.feed(bytes, isFinal: false) }
                } catch {
                    xmlError = error as? XMLStreamError
                    throw error
                }
            }
            try parser.feed(UnsafeRawBufferPointer(start: nil, count: 0), isFinal: true)
        } catch let error as XMLStreamError {
            throw RegionKitError(.syntax, "\(path):\(part):\(error.line):\(error.column): error: \(error.message)")
        } catch {
            if let xmlError {
                throw RegionKitError(.syntax, "\(path):\(part):\(xmlError.line):\(xmlError.column): error: \(xmlError.message)")
            }
            throw RegionKitError(.unreadable, "\(path): cannot unzip \(part) (the package is damaged): \(error)")
        }
    }

    /// The text of a small part that is not XML, such as `mimetype`.
    func text(of part: String) throws -> String {
        guard let entry = entries[part], entry.uncompressedSize < 4096 else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
