/// Where a parser takes its bytes from, a chunk at a time.
protocol ByteSource: AnyObject {
    /// Copies the next bytes of the input into `buffer`; returns how many, 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(YAMLError) -> Int

    /// Copies bytes from a byte offset of the input into `buffer`, to quote a line in an error; returns how many
    /// (0 past the end), or nil when the input cannot be read again (a pipe).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int?
}
