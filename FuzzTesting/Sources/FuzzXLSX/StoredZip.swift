import Foundation
import ZIPFoundation

/// A ZIP package of stored (uncompressed) entries, written byte by byte: the local headers with their data, the
/// central directory, and its end record (APPNOTE 4.3). Each entry's CRC-32 is given, so a harness computes those of
/// parts it reuses only once, which saves most of a run's time over ZIPFoundation's writer.
struct StoredZip {
    /// One entry: its name, its bytes and their CRC-32.
    struct Entry {
        let name: String
        let bytes: Data
        let crc: UInt32

        init(name: String, bytes: Data, crc: UInt32? = nil) {
            self.name = name
            self.bytes = bytes
            self.crc = crc ?? bytes.crc32(checksum: 0)
        }
    }

    private(set) var data = Data()
    private var directory = Data()
    private var count = 0

    /// Appends an entry; one whose name or size a plain (not ZIP64) package cannot hold is left out.
    mutating func append(_ entry: Entry) {
        let name = Array(entry.name.utf8)
        guard name.count <= Int(UInt16.max), entry.bytes.count < Int(UInt32.max), count < Int(UInt16.max) else { return }
        let offset = UInt32(data.count)
        // Version 2.0, bit 11: the name is UTF-8; method 0 (stored); 1980-01-01 00:00.
        let common: [(UInt64, Int)] = [
            (20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2), (UInt64(entry.crc), 4),
            (UInt64(entry.bytes.count), 4), (UInt64(entry.bytes.count), 4), (UInt64(name.count), 2), (0, 2),
        ]
        append(0x0403_4B50, 4, to: &data)
        for (value, width) in common { append(value, width, to: &data) }
        data.append(contentsOf: name)
        data.append(entry.bytes)

        append(0x0201_4B50, 4, to: &directory)
        append(20, 2, to: &directory)
        for (value, width) in common { append(value, width, to: &directory) }
        // No comment, disk 0, no attributes, then where the local header is.
        for (value, width) in [(0, 2), (0, 2), (0, 2), (0, 4), (UInt64(offset), 4)] as [(UInt64, Int)] {
            append(value, width, to: &directory)
        }
        directory.append(contentsOf: name)
        count += 1
    }

    /// The package: the entries, the central directory and its end record.
    var package: Data {
        var package = data
        let offset = UInt64(package.count)
        package.append(directory)
        append(0x0605_4B50, 4, to: &package)
        for (value, width) in [
            (0, 2), (0, 2), (UInt64(count), 2), (UInt64(count), 2), (UInt64(directory.count), 4), (offset, 4), (0, 2),
        ] as [(UInt64, Int)] {
            append(value, width, to: &package)
        }
        return package
    }

    /// Appends `value` as `width` little-endian bytes.
    private func append(_ value: UInt64, _ width: Int, to data: inout Data) {
        for index in 0..<width { data.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }
}
