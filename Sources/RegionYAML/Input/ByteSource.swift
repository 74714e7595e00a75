/// Where a parser takes its bytes from, a chunk at a time.
protocol ByteSource: AnyObject {
    /// Copies the next bytes of the input into `buffer`; returns how many, 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(YAMLError) -> Int

    /// Copies bytes from a byte offset of the input into `buffer`, to quote a line in an error; returns how many
    /// (0 past the end), or nil when the input cannot be read again (a pipe).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int?

    /// The size of the whole input in bytes, when it is known (a regular file, bytes in memory), for progress.
    var totalBytes: Int? { get }
}
