import RegionKit

/// The inflated bytes of one part on their way to a consumer: counted against the size the part's entry declares and
/// the package's total, and summed into a CRC-32, so that a part that lies about its size is stopped at the first
/// byte past it.
struct PartStream {
    let entry: ZIPEntry
    let limits: PackageLimits
    /// What the parts read before this one inflated to.
    let inflatedBefore: UInt64
    private(set) var produced: UInt64 = 0
    private var crc: UInt32 = 0

    init(entry: ZIPEntry, limits: PackageLimits, inflatedBefore: UInt64) {
        self.entry = entry
        self.limits = limits
        self.inflatedBefore = inflatedBefore
    }

    /// Counts and hands on a chunk; returns false when the consumer wants no more.
    mutating func take(_ bytes: UnsafeRawBufferPointer, path: String, consumer: (UnsafeRawBufferPointer) -> Bool) throws(RegionKitError)
        -> Bool
    {
        produced += UInt64(bytes.count)
        guard produced <= entry.uncompressedSize else {
            throw RegionKitError(
                .unsupported,
                "\(path): the part \(entry.shownName) inflates to more than the \(ZIPArchive.size(entry.uncompressedSize)) its entry declares; the package is damaged or a zip bomb, so it is refused"
            )
        }
        guard inflatedBefore + produced <= limits.maximumTotalSize else { throw Self.totalExceeded(path, limits) }
        crc = Inflater.crc32(crc, bytes)
        return consumer(bytes)
    }

    /// Checks a part read to its end: its size and CRC-32 are the ones its entry declares.
    func finish(path: String) throws(RegionKitError) {
        guard produced == entry.uncompressedSize else {
            throw RegionKitError(
                .unreadable,
                "\(path): the part \(entry.shownName) is damaged: it inflates to \(produced) bytes, not the \(entry.uncompressedSize) its entry declares; save the workbook again from Excel or LibreOffice"
            )
        }
        guard crc == entry.crc32 else {
            throw RegionKitError(
                .unreadable,
                "\(path): the part \(entry.shownName) is damaged: its CRC-32 does not match; save the workbook again from Excel or LibreOffice"
            )
        }
    }

    /// The error for parts that together inflate past the package's limit.
    static func totalExceeded(_ path: String, _ limits: PackageLimits) -> RegionKitError {
        RegionKitError(
            .unsupported,
            "\(path): the parts of the workbook inflate to more than \(ZIPArchive.size(limits.maximumTotalSize)) together; it is refused as a likely zip bomb"
        )
    }
}
