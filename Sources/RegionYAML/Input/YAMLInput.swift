/// What a YAML reader reads: bytes already in memory, or a file read in chunks so that only a small part of it is
/// in memory at a time.
public struct YAMLInput: Sendable {
    enum Origin: Sendable {
        case bytes([UInt8])
        case file(String)
    }

    let origin: Origin
    /// The name of the input in errors and findings.
    public var name: String
    /// The most bytes read from a file at a time, and handed to libyaml at a time.
    public var chunkSize: Int
    /// Sees every byte a reader takes from the input, when set.
    public var observer: (any InputObserver)?

    /// 1 MiB.
    public static let defaultChunkSize = 1 << 20

    /// Bytes in memory, UTF-8 (a leading byte-order mark is allowed), named `name` in errors.
    public static func bytes(_ bytes: [UInt8], name: String, chunkSize: Int = defaultChunkSize) -> YAMLInput {
        YAMLInput(origin: .bytes(bytes), name: name, chunkSize: chunkSize)
    }

    /// The file at `path`, UTF-8, read in chunks of `chunkSize` bytes; named `name` in errors, by default its path.
    public static func file(_ path: String, name: String? = nil, chunkSize: Int = defaultChunkSize) -> YAMLInput {
        YAMLInput(origin: .file(path), name: name ?? path, chunkSize: chunkSize)
    }

    /// Opens the input for one pass of a parser.
    func open() throws(YAMLError) -> any ByteSource {
        let source: any ByteSource
        switch origin {
        case .bytes(let bytes):
            source = MemoryByteSource(bytes, chunkSize: chunkSize)
        case .file(let path):
            source = try FileByteSource(path: path, name: name, chunkSize: chunkSize)
        }
        guard let observer else { return source }
        return ObservedByteSource(source, observer: observer)
    }
}
