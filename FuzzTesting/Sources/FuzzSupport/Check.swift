import Foundation

/// Stops a fuzzer when a property of the code under test does not hold, or the harness cannot go on. The message is
/// printed in every build (a failed `precondition` prints nothing in an optimised one); the process then aborts,
/// which libFuzzer reports as a crash, saving the input.
public enum Check {
    /// Stops with `message` unless `condition` holds.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Stops with `message`.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz: \(message)\n".utf8))
        abort()
    }
}
