import Crypto

/// SHA-256 (FIPS 180-4), used for dataset fingerprints and for hashing the canonical file as it is read. Not a
/// security boundary: it tells datasets apart.
///
/// The digest is computed by swift-crypto (BoringSSL on Linux, which uses the processor's SHA instructions where it
/// has them).
public struct SHA256 {
    private var hash = Crypto.SHA256()

    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// Adds the bytes of a buffer to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hash.update(bufferPointer: bytes)
    }

    /// The digest of the message so far, as 64 lowercase hexadecimal digits; more bytes may be added afterwards.
    public func hexDigest() -> String {
        let digits: StaticString = "0123456789abcdef"
        let digest = hash.finalize()
        return String(unsafeUninitializedCapacity: 64) { text in
            var count = 0
            for byte in digest {
                text[count] = digits.utf8Start[Int(byte >> 4)]
                text[count + 1] = digits.utf8Start[Int(byte & 0x0f)]
                count += 2
            }
            return count
        }
    }

    /// The hexadecimal digest of a text's UTF-8 bytes.
    public static func hex(_ text: String) -> String {
        var hash = SHA256()
        hash.update(text.utf8)
        return hash.hexDigest()
    }
}
