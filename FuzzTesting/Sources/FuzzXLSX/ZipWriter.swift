import Foundation

/// Writes a ZIP package byte by byte from entries as they are stored: the local headers with their data, the central
/// directory, and its end record (APPNOTE 4.3).
struct ZipWriter {
    private var data = Data()
    private var directory = Data()
    private var count = 0

    /// Appends an entry; one whose name or size a plain (not ZIP64) package cannot hold is left out.
    mutating func append(_ entry: ZipEntry) {
        let name = Array(entry.name.utf8)
        guard name.count <= Int(UInt16.max), entry.stored.count < Int(UInt32.max), count < Int(UInt16.max) else { return }
        let offset = UInt64(data.count)
        // Version 2.0; flag bit 11: the name is UTF-8; the method; 1980-01-01 00:00; the checksum and sizes.
        let common: [(UInt64, Int)] = [
            (20, 2), (0x0800, 2), (UInt64(entry.method), 2), (0, 2), (0x21, 2), (UInt64(entry.crc), 4),
            (UInt64(entry.stored.count), 4), (UInt64(entry.uncompressedSize), 4), (UInt64(name.count), 2), (0, 2),
        ]
        append([(0x0403_4B50, 4)] + common, to: &data)
        data.append(contentsOf: name)
        data.append(entry.stored)
        // Version made by, the same fields, then no comment, disk 0, no attributes, and where the local header is.
        append([(0x0201_4B50, 4), (20, 2)] + common + [(0, 2), (0, 2), (0, 2), (0, 4), (offset, 4)], to: &directory)
        directory.append(contentsOf: name)
        count += 1
    }

    /// The package: the entries, the central directory and its end record.
    var package: Data {
        var package = data
        let offset = UInt64(package.count)
        package.append(directory)
        let entries = UInt64(count)
        append(
            [(0x0605_4B50, 4), (0, 2), (0, 2), (entries, 2), (entries, 2), (UInt64(directory.count), 4), (offset, 4), (0, 2)],
            to: &package)
        return package
    }

    /// Appends each value as that many little-endian bytes.
    private func append(_ fields: [(value: UInt64, width: Int)], to data: inout Data) {
        for (value, width) in fields {
            for index in 0..<width { data.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
        }
    }
}
