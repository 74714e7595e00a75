import Foundation
import TestSupport
import Testing

@testable import RegionKit

/// Listing a folder, as removing what killed runs left does: every name, whatever its length.
@Suite struct FolderNamesTests {
    /// The workbook fuzzer, built with AddressSanitizer, found the listing reading past the end of `readdir`'s
    /// buffer: it copied each entry's whole 256-byte name field, though an entry is only as long as its name.
    @Test func namesOfEveryLengthAreListedExactly() throws {
        let folder = try Repository.temporaryFolder()
        let names = (1...255).map { length in String(repeating: "ж", count: length / 2) + String(repeating: "a", count: length % 2) }
        for name in names {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: nil), "\(name.utf8.count) bytes")
        }
        #expect(OutputCalls.names(in: folder).sorted() == names.sorted())
        #expect(OutputCalls.names(in: folder + "/missing") == [])
    }
}
