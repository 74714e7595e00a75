/// One entry of a ZIP package's central directory: its name, how it is stored and where.
struct ZIPEntry: Sendable {
    /// The compression methods a workbook uses.
    enum Method: UInt16, Sendable {
        case stored = 0
        case deflated = 8
    }

    /// The name as the package spells it, for messages.
    let name: String
    /// The compression method number; only `Method`'s are read.
    let method: UInt16
    /// The general-purpose flags; bit 0 marks an encrypted entry.
    let flags: UInt16
    let crc32: UInt32
    let compressedSize: UInt64
    let uncompressedSize: UInt64
    /// Where the entry's local header starts in the file.
    let localHeaderOffset: UInt64

    /// Whether the entry's data is encrypted (ZIP's own encryption, which workbooks never use).
    var isEncrypted: Bool { flags & 1 != 0 }

    /// The part name: the name with each `\` read as `/`, since some Windows tools write `xl\workbook.xml`.
    var partName: String { Self.partName(name) }

    /// Whether the name is a folder rather than a part.
    var isFolder: Bool { partName.hasSuffix("/") }

    /// The name for a message: control characters shown as `?`, and cut after 120 characters.
    var shownName: String { Self.shown(name) }

    /// A name with each `\` read as `/`; a ZIP name's separator is `/`, and no part name holds a `\`.
    static func partName(_ name: String) -> String {
        name.contains("\\") ? String(name.map { $0 == "\\" ? "/" : $0 }) : name
    }

    /// A name fit for a message: control characters shown as `?`, and cut after 120 characters.
    static func shown(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return cleaned.count > 120 ? String(cleaned.prefix(120)) + "…" : cleaned
    }

    /// Why a name must not be in a package, or nil: a name that is absolute, climbs out of its folder with `..`, or
    /// holds a NUL is what a file made to write outside its folder has; no workbook part is named so. `\` counts as
    /// a separator here as in `partName`, so `..\evil.xml`, `\evil.xml` and `C:\evil.xml` are refused too.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "an entry with an empty name" }
        if name.utf8.contains(0) { return "an entry whose name holds a NUL byte ('\(shown(name))')" }
        let bytes = Array(name.utf8)
        let driveLetter =
            bytes.count >= 2 && bytes[1] == UInt8(ascii: ":")
            && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[0] & 0xDF)
        if name.hasPrefix("/") || name.hasPrefix("\\") || driveLetter {
            return "an entry with an absolute name ('\(shown(name))')"
        }
        if name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            return "an entry whose name climbs out of the package with '..' ('\(shown(name))')"
        }
        return nil
    }
}
