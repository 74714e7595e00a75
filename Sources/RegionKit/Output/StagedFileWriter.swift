/// Writes one staged file of an `OutputTransaction` piece by piece, so an exporter never holds a whole file.
///
/// Bytes are gathered in a small buffer and written out whenever it fills; the file is flushed to disk and closed
/// when the transaction finishes it. The writer owns its file descriptor and closes it when it goes away.
public final class StagedFileWriter {
    /// The file this writer's bytes are meant for, as named in messages.
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// How many bytes are gathered before they are written out.
    static let bufferSize = 64 * 1024

    /// Creates the temporary file `temporaryName` in `folder` for the file `path` (named `fileName` there);
    /// `permissions` are those of the file it will replace, if any.
    init(path: String, folder: String, fileName: String, temporaryName: String, permissions: UInt32?) throws(RegionKitError) {
        self.path = path
        do {
            descriptor = try OutputCalls.createNew(folder + "/" + temporaryName, permissions: 0o644)
        } catch {
            throw RegionKitError(
                .writeFailed, "\(folder): cannot write '\(fileName)' into this folder: \(error.reason); nothing was written")
        }
        if let permissions { OutputCalls.setPermissions(descriptor, permissions) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 { OutputCalls.closeQuietly(descriptor) }
    }

    /// Appends bytes to the file.
    public func write(_ bytes: some Collection<UInt8>) throws(RegionKitError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try drain() }
    }

    /// Appends the UTF-8 bytes of a text to the file.
    public func write(_ text: String) throws(RegionKitError) {
        try write(text.utf8)
    }

    /// Writes out what is buffered, flushes the file to disk and closes it.
    func finish() throws(RegionKitError) {
        try drain()
        do {
            try OutputCalls.synchronize(descriptor)
        } catch {
            throw failure("cannot flush to disk", error)
        }
        try close()
    }

    /// Closes the file without writing or flushing anything, for a file that another writer fills by its path.
    func close() throws(RegionKitError) {
        let closing = descriptor
        descriptor = -1
        do {
            try OutputCalls.close(closing)
        } catch {
            throw failure("cannot close", error)
        }
    }

    private func drain() throws(RegionKitError) {
        guard !buffer.isEmpty else { return }
        do {
            try OutputCalls.write(descriptor, buffer)
        } catch {
            throw failure("cannot write", error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure(_ what: String, _ error: OutputCalls.Failure) -> RegionKitError {
        RegionKitError(.writeFailed, "\(path): \(what): \(error.reason); nothing was written")
    }
}
