import Foundation
import RegionKit

/// A ZIP package read as a hostile file demands: its central directory checked whole before any part is read (no
/// duplicate names, even in another case, since part names are case-insensitive; no absolute names or `..`; no
/// overlapping entries; at most `PackageLimits.maximumEntries`), and each part inflated chunk by chunk within the
/// sizes its entry declares and the bounds of `PackageLimits`. Compressed input is never read past its entry, so a
/// stream cut short is an error, not a wait. ZIP64 sizes and offsets are read. A `\` in an entry name is read as
/// `/` (after the name is checked), as some Windows tools separate folders with it.
final class ZIPArchive {
    /// The file as the user named it, for messages.
    let path: String
    let limits: PackageLimits
    private let file: FileHandle
    /// Where the central directory starts: no entry's data may run into it.
    private let directoryOffset: UInt64
    /// The entries by their part name (`\` read as `/`) in lower case.
    private let entries: [String: ZIPEntry]
    /// Bytes inflated so far, from every part read.
    private var inflatedTotal: UInt64 = 0

    /// Bytes read from the file and inflated at a time.
    static let chunkSize = 64 * 1024

    private static let directoryEndSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let directoryEntrySignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50

    /// Opens the package and reads its central directory; a file that is no complete ZIP package, or whose
    /// directory breaks a rule above, is a `RegionKitError`.
    init(path: String, limits: PackageLimits = PackageLimits()) throws(RegionKitError) {
        self.path = path
        self.limits = limits
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RegionKitError(.unreadable, "\(path): cannot be read (check its permissions)")
        }
        file = handle
        let fileSize: UInt64
        do {
            fileSize = try handle.seekToEnd()
        } catch {
            throw RegionKitError(.unreadable, "\(path): cannot be read (\(error.localizedDescription))")
        }
        let directory = try Self.locateDirectory(handle, fileSize: fileSize, path: path, limits: limits)
        directoryOffset = directory.offset
        let bytes = try Self.read(handle, at: directory.offset, count: Int(directory.size), path: path)
        guard bytes.count == Int(directory.size) else { throw Self.incomplete(path) }
        entries = try Self.entries(in: bytes, count: directory.count, end: directory.offset, path: path)
    }

    deinit {
        try? file.close()
    }

    /// The entry whose part name is `name` (`xl/workbook.xml` finds an entry spelled `xl\workbook.xml` too),
    /// compared without case as part names are.
    func entry(named name: String) -> ZIPEntry? {
        entries[name.lowercased()]
    }

    /// Inflates an entry chunk by chunk into `consumer`, which returns false to stop reading. Throws when the entry
    /// cannot be read, its data is damaged, or it inflates past what it declares or what the limits allow; a part
    /// read to its end must match its declared size and CRC-32.
    func read(_ entry: ZIPEntry, into consumer: (UnsafeRawBufferPointer) -> Bool) throws(RegionKitError) {
        let method = try checkBeforeReading(entry)
        let header = try Self.read(file, at: entry.localHeaderOffset, count: 30, path: path)
        guard header.count == 30, Self.uint32(header, 0) == Self.localHeaderSignature else {
            throw damaged(entry, "its local header is missing")
        }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(Self.uint16(header, 26)) + UInt64(Self.uint16(header, 28))
        guard dataOffset <= directoryOffset, entry.compressedSize <= directoryOffset - dataOffset else {
            throw damaged(entry, "its data runs into the central directory")
        }
        do {
            try file.seek(toOffset: dataOffset)
        } catch {
            throw RegionKitError(.unreadable, "\(path): cannot be read (\(error.localizedDescription))")
        }
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer {
            input.deallocate()
            output.deallocate()
        }
        var stream = PartStream(entry: entry, limits: limits, inflatedBefore: inflatedTotal)
        defer { inflatedTotal += stream.produced }
        let inflater: Inflater?
        do {
            inflater = method == .deflated ? try Inflater() : nil
        } catch {
            throw RegionKitError(.unreadable, "\(path): \(error.message)")
        }
        var remaining = entry.compressedSize
        var ended = false
        while !ended {
            guard remaining > 0 else {
                if inflater == nil { break }
                throw damaged(entry, "its compressed data ends before the deflate stream does (the file is truncated or damaged)")
            }
            let count = try readChunk(into: input, atMost: remaining)
            guard count > 0 else { throw damaged(entry, "the file ends inside its data (it is truncated)") }
            remaining -= UInt64(count)
            let chunk = UnsafeRawBufferPointer(rebasing: input[0..<count])
            guard let inflater else {
                guard try stream.take(chunk, path: path, consumer: consumer) else { return }
                continue
            }
            var offset = 0
            while true {
                let step: Inflater.Step
                do {
                    step = try inflater.inflate(UnsafeRawBufferPointer(rebasing: chunk[offset...]), into: output)
                } catch {
                    throw damaged(entry, "its compressed data cannot be inflated (\(error.message))")
                }
                offset += step.consumed
                if step.produced > 0 {
                    let produced = UnsafeRawBufferPointer(rebasing: output[0..<step.produced])
                    guard try stream.take(produced, path: path, consumer: consumer) else { return }
                }
                if step.ended {
                    ended = true
                    break
                }
                // A full output buffer may leave more output waiting; otherwise zlib has used what it could.
                if step.produced == output.count { continue }
                if offset == count { break }
                guard step.consumed > 0 else { throw damaged(entry, "inflating its data makes no progress") }
            }
        }
        try stream.finish(path: path)
    }

    /// The method to read an entry with, once what it declares has been checked against the limits.
    private func checkBeforeReading(_ entry: ZIPEntry) throws(RegionKitError) -> ZIPEntry.Method {
        let part = entry.shownName
        guard !entry.isEncrypted else {
            throw RegionKitError(
                .unsupported,
                "\(path): the part \(part) is encrypted with a ZIP password, which workbooks never are; save the workbook again without a password"
            )
        }
        guard let method = ZIPEntry.Method(rawValue: entry.method) else {
            throw RegionKitError(
                .unsupported,
                "\(path): the part \(part) is compressed with method \(entry.method), which workbooks do not use (only stored and deflated); save it again from Excel or LibreOffice"
            )
        }
        let size = entry.uncompressedSize
        guard size <= limits.maximumPartSize else {
            throw RegionKitError(
                .unsupported,
                "\(path): the part \(part) would inflate to \(Self.size(size)), more than the \(Self.size(limits.maximumPartSize)) a part may; it is refused as a likely zip bomb"
            )
        }
        if size > limits.ratioExemptSize, size / max(entry.compressedSize, 1) > limits.maximumRatio {
            throw RegionKitError(
                .unsupported,
                "\(path): the part \(part) would inflate from \(Self.size(entry.compressedSize)) to \(Self.size(size)), \(size / max(entry.compressedSize, 1)) times its size; the parts of a workbook shrink at most \(limits.maximumRatio) times, so it is refused as a zip bomb"
            )
        }
        guard size <= limits.maximumTotalSize - min(inflatedTotal, limits.maximumTotalSize) else {
            throw PartStream.totalExceeded(path, limits)
        }
        if method == .stored && entry.compressedSize != size {
            throw damaged(entry, "it is stored uncompressed, yet its two sizes differ")
        }
        return method
    }

    private func readChunk(into buffer: UnsafeMutableRawBufferPointer, atMost remaining: UInt64) throws(RegionKitError) -> Int {
        let wanted = Int(min(UInt64(buffer.count), remaining))
        let data: Data?
        do {
            data = try file.read(upToCount: wanted)
        } catch {
            throw RegionKitError(.unreadable, "\(path): cannot be read (\(error.localizedDescription))")
        }
        guard let data, !data.isEmpty else { return 0 }
        return data.copyBytes(to: buffer.bindMemory(to: UInt8.self))
    }

    private func damaged(_ entry: ZIPEntry, _ what: String) -> RegionKitError {
        RegionKitError(
            .unreadable, "\(path): the part \(entry.shownName) is damaged: \(what); save the workbook again from Excel or LibreOffice")
    }

    // MARK: Central directory

    private struct Directory {
        var count: UInt64
        var offset: UInt64
        var size: UInt64
    }

    /// Finds the end of central directory record (and its ZIP64 form) in the last 64 KiB of the file.
    private static func locateDirectory(_ handle: FileHandle, fileSize: UInt64, path: String, limits: PackageLimits) throws(RegionKitError)
        -> Directory
    {
        let tailSize = min(fileSize, 22 + 0xFFFF)
        let tail = try read(handle, at: fileSize - tailSize, count: Int(tailSize), path: path)
        var position = tail.count - 22
        while position >= 0 {
            if uint32(tail, position) == directoryEndSignature, position + 22 + Int(uint16(tail, position + 20)) <= tail.count {
                break
            }
            position -= 1
        }
        guard position >= 0 else { throw incomplete(path) }
        let recordOffset = fileSize - tailSize + UInt64(position)
        guard uint16(tail, position + 4) == 0, uint16(tail, position + 6) == 0 else {
            throw RegionKitError(.unsupported, "\(path): is a ZIP package split across several files, which a workbook never is")
        }
        var directory = Directory(
            count: UInt64(uint16(tail, position + 10)), offset: UInt64(uint32(tail, position + 16)),
            size: UInt64(uint32(tail, position + 12)))
        if directory.count == 0xFFFF || directory.offset == 0xFFFF_FFFF || directory.size == 0xFFFF_FFFF {
            directory = try zip64Directory(handle, before: recordOffset, path: path)
        }
        guard directory.count <= UInt64(limits.maximumEntries) else {
            throw RegionKitError(
                .unsupported,
                "\(path): the package lists \(directory.count) entries, more than the \(limits.maximumEntries) a workbook may have; it is refused"
            )
        }
        guard directory.size <= UInt64(limits.maximumDirectorySize) else {
            throw RegionKitError(
                .unsupported,
                "\(path): the package's central directory is \(size(directory.size)), more than the \(size(UInt64(limits.maximumDirectorySize))) a workbook's may be; it is refused"
            )
        }
        guard directory.offset <= recordOffset, directory.size <= recordOffset - directory.offset else { throw incomplete(path) }
        return directory
    }

    private static func zip64Directory(_ handle: FileHandle, before recordOffset: UInt64, path: String) throws(RegionKitError)
        -> Directory
    {
        guard recordOffset >= 20 else { throw incomplete(path) }
        let locator = try read(handle, at: recordOffset - 20, count: 20, path: path)
        guard locator.count == 20, uint32(locator, 0) == zip64LocatorSignature else { throw incomplete(path) }
        let endOffset = uint64(locator, 8)
        let end = try read(handle, at: endOffset, count: 56, path: path)
        guard end.count == 56, uint32(end, 0) == zip64EndSignature, endOffset < recordOffset else { throw incomplete(path) }
        return Directory(count: uint64(end, 32), offset: uint64(end, 48), size: uint64(end, 40))
    }

    /// The entries of a central directory, checked one by one and against each other.
    private static func entries(in bytes: [UInt8], count: UInt64, end: UInt64, path: String) throws(RegionKitError) -> [String:
        ZIPEntry]
    {
        var entries: [String: ZIPEntry] = [:]
        var offset = 0
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, uint32(bytes, offset) == directoryEntrySignature else {
                throw RegionKitError(
                    .unreadable, "\(path): the package's central directory is damaged; save it again from Excel or LibreOffice")
            }
            let nameLength = Int(uint16(bytes, offset + 28))
            let extraLength = Int(uint16(bytes, offset + 30))
            let next = offset + 46 + nameLength + extraLength + Int(uint16(bytes, offset + 32))
            guard next <= bytes.count else {
                throw RegionKitError(
                    .unreadable, "\(path): the package's central directory is damaged; save it again from Excel or LibreOffice")
            }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            var sizes = (
                uncompressed: UInt64(uint32(bytes, offset + 24)), compressed: UInt64(uint32(bytes, offset + 20)),
                local: UInt64(uint32(bytes, offset + 42))
            )
            readZIP64(bytes, extra: (offset + 46 + nameLength)..<(offset + 46 + nameLength + extraLength), into: &sizes)
            if let problem = ZIPEntry.problem(with: name) {
                throw RegionKitError(.unsupported, "\(path): the package has \(problem); a workbook never has one, so the file is refused")
            }
            let entry = ZIPEntry(
                name: name, method: uint16(bytes, offset + 10), flags: uint16(bytes, offset + 8), crc32: uint32(bytes, offset + 16),
                compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed, localHeaderOffset: sizes.local)
            let key = entry.partName.lowercased()
            if let first = entries[key] {
                let names =
                    first.name == name
                    ? "two entries named '\(entry.shownName)'"
                    : "entries named '\(first.shownName)' and '\(entry.shownName)', one part for a reader"
                throw RegionKitError(.unsupported, "\(path): the package has \(names); a reader could take either, so the file is refused")
            }
            entries[key] = entry
            offset = next
        }
        let sorted = entries.values.sorted { ($0.localHeaderOffset, $0.name) < ($1.localHeaderOffset, $1.name) }
        try checkOverlaps(sorted, end: end, path: path)
        return entries
    }

    /// Reads the ZIP64 extended information field, which holds the sizes and offset its entry marks 0xFFFFFFFF.
    private static func readZIP64(
        _ bytes: [UInt8], extra: Range<Int>, into sizes: inout (uncompressed: UInt64, compressed: UInt64, local: UInt64)
    ) {
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = uint16(bytes, position)
            let length = Int(uint16(bytes, position + 2))
            let data = (position + 4)..<min(position + 4 + length, extra.upperBound)
            position += 4 + length
            guard id == 0x0001 else { continue }
            var field = data.lowerBound
            func next() -> UInt64? {
                guard field + 8 <= data.upperBound else { return nil }
                defer { field += 8 }
                return uint64(bytes, field)
            }
            if sizes.uncompressed == 0xFFFF_FFFF, let value = next() { sizes.uncompressed = value }
            if sizes.compressed == 0xFFFF_FFFF, let value = next() { sizes.compressed = value }
            if sizes.local == 0xFFFF_FFFF, let value = next() { sizes.local = value }
        }
    }

    /// Refuses entries whose data would run into the next entry's header, or into the directory: a package whose
    /// entries share their data inflates to many times its size (the overlapping zip bomb).
    private static func checkOverlaps(_ sorted: [ZIPEntry], end: UInt64, path: String) throws(RegionKitError) {
        for (index, entry) in sorted.enumerated() {
            let next = index + 1 < sorted.count ? sorted[index + 1].localHeaderOffset : end
            let (dataEnd, overflow) = entry.localHeaderOffset.addingReportingOverflow(30 &+ entry.compressedSize)
            guard !overflow, entry.compressedSize < UInt64.max - 30, dataEnd <= next else {
                let other = index + 1 < sorted.count ? "the entry '\(sorted[index + 1].shownName)'" : "the central directory"
                throw RegionKitError(
                    .unsupported,
                    "\(path): the entry '\(entry.shownName)' overlaps \(other) in the file, as the parts of a zip bomb do; the file is refused"
                )
            }
        }
    }

    // MARK: Bytes

    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int, path: String) throws(RegionKitError) -> [UInt8] {
        do {
            try handle.seek(toOffset: offset)
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            throw RegionKitError(.unreadable, "\(path): cannot be read (\(error.localizedDescription))")
        }
    }

    private static func incomplete(_ path: String) -> RegionKitError {
        RegionKitError(
            .unreadable, "\(path): is not a complete ZIP package (truncated or damaged); save it again from Excel or LibreOffice")
    }

    static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
    }

    static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
    }

    /// A size for a message: `17479 bytes`, `64 KiB`, `1.5 GiB`.
    static func size(_ bytes: UInt64) -> String {
        for (unit, name) in [(UInt64(1) << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] where bytes >= unit {
            let whole = bytes / unit
            let tenth = (bytes % unit) * 10 / unit
            return tenth == 0 ? "\(whole) \(name)" : "\(whole).\(tenth) \(name)"
        }
        return "\(bytes) bytes"
    }
}
