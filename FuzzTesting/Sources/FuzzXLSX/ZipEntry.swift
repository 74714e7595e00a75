import Foundation
import FuzzSupport

/// One entry of a ZIP package as it is stored: its name, compression method, CRC-32, uncompressed size and stored
/// (possibly deflated) bytes. Entries read from a package keep their compressed bytes, so a package can be written
/// again with some of them replaced without inflating the others.
struct ZipEntry {
    let name: String
    /// 0 stored, 8 deflated.
    let method: UInt16
    let crc: UInt32
    let uncompressedSize: UInt32
    let stored: Data

    /// An entry stored as it is.
    init(name: String, bytes: Data) {
        self.init(name: name, method: 0, crc: CRC32.checksum(bytes), uncompressedSize: UInt32(bytes.count), stored: bytes)
    }

    private init(name: String, method: UInt16, crc: UInt32, uncompressedSize: UInt32, stored: Data) {
        self.name = name
        self.method = method
        self.crc = crc
        self.uncompressedSize = uncompressedSize
        self.stored = stored
    }

    /// The entries of a package as its central directory lists them (APPNOTE 4.3.12), for packages RegionKit wrote;
    /// anything else stops the harness.
    static func entries(of package: Data) -> [ZipEntry] {
        let bytes = [UInt8](package)
        func number(_ offset: Int, _ width: Int) -> Int {
            guard offset >= 0, offset + width <= bytes.count else { Check.fail("a ZIP record runs past the end of the package") }
            return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        guard let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { number($0, 4) == 0x0605_4B50 }) else {
            Check.fail("the package has no end of central directory record")
        }
        var entries: [ZipEntry] = []
        var offset = number(end + 16, 4)
        for _ in 0..<number(end + 10, 2) {
            guard number(offset, 4) == 0x0201_4B50 else { Check.fail("a central directory header is damaged") }
            let nameLength = number(offset + 28, 2)
            let local = number(offset + 42, 4)
            guard number(local, 4) == 0x0403_4B50 else { Check.fail("a local header is damaged") }
            let start = local + 30 + number(local + 26, 2) + number(local + 28, 2)
            let size = number(offset + 20, 4)
            guard start + size <= bytes.count else { Check.fail("an entry's data runs past the end of the package") }
            entries.append(
                ZipEntry(
                    name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                    method: UInt16(number(offset + 10, 2)), crc: UInt32(number(offset + 16, 4)),
                    uncompressedSize: UInt32(number(offset + 24, 4)), stored: Data(bytes[start..<(start + size)])))
            offset += 46 + nameLength + number(offset + 30, 2) + number(offset + 32, 2)
        }
        return entries
    }
}
