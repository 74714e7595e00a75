/// Sees the bytes of an input as a reader reads them, each once and in order, so that work over the raw bytes (a
/// hash of the file, for example) needs no second pass.
public protocol InputObserver: AnyObject, Sendable {
    /// The next bytes the reader took from the input.
    func observe(_ bytes: UnsafeRawBufferPointer)
    /// The reader reached the end of the input: every byte has been observed.
    func observeEnd()
}

/// A byte source that shows what it hands out to an observer.
final class ObservedByteSource: ByteSource {
    private let base: any ByteSource
    private let observer: any InputObserver

    init(_ base: any ByteSource, observer: any InputObserver) {
        self.base = base
        self.observer = observer
    }

    var totalBytes: Int? { base.totalBytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(YAMLError) -> Int {
        let count = try base.read(into: buffer)
        if count > 0 {
            observer.observe(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        } else {
            observer.observeEnd()
        }
        return count
    }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        base.read(at: offset, into: buffer)
    }
}
