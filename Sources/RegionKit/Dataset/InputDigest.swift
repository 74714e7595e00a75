import Foundation
import RegionYAML

/// The SHA-256 of an input, taken while a reader reads it.
///
/// Sendable because its state is only touched under its lock.
final class InputDigest: InputObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var hash = SHA256()
    private var reachedEnd = false

    func observe(_ bytes: UnsafeRawBufferPointer) {
        lock.withLock { hash.update(bytes) }
    }

    func observeEnd() {
        lock.withLock { reachedEnd = true }
    }

    /// The digest as 64 lowercase hexadecimal digits, or nil when the input was not read to its end.
    func hexDigest() -> String? {
        lock.withLock {
            guard reachedEnd else { return nil }
            return hash.hexDigest()
        }
    }
}
