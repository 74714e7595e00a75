import Foundation
import RegionKitFormats
import TestSupport
import Testing

@Suite struct OutputTransactionTests {
    @Test func nothingIsVisibleUntilTheCommit() throws {
        let folder = try Repository.temporaryFolder()
        let target = folder + "/a.txt"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        let transaction = OutputTransaction()
        try transaction.write("new", to: target)
        try transaction.write("b", to: folder + "/sub/b.txt")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: folder + "/sub/b.txt"))
        try transaction.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(Repository.files(under: folder) == ["a.txt", "sub/b.txt"])
    }

    @Test func droppedTransactionLeavesOldFilesAndNoTemporaries() throws {
        let folder = try Repository.temporaryFolder()
        try "old".write(toFile: folder + "/a.txt", atomically: false, encoding: .utf8)
        do {
            let transaction = OutputTransaction()
            try transaction.write("new", to: folder + "/a.txt")
        }
        #expect(Repository.files(under: folder) == ["a.txt"])
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "old")
    }

    @Test func streamedFilesAreStagedLikeWholeOnes() throws {
        let folder = try Repository.temporaryFolder()
        let transaction = OutputTransaction()
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 100_000)
        try transaction.write(to: folder + "/big.txt") { file throws(RegionKitError) in
            for _ in 0..<3 { try file.write(chunk) }
            try file.write("end")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/big.txt"))
        try transaction.commit()
        #expect(Repository.files(under: folder) == ["big.txt"])
        let data = try #require(FileManager.default.contents(atPath: folder + "/big.txt"))
        #expect(data.count == 300_003)
        #expect(data.suffix(3) == Data("end".utf8))
    }

    @Test func aStreamThatFailsLeavesNothing() throws {
        let folder = try Repository.temporaryFolder()
        do {
            let transaction = OutputTransaction()
            #expect(throws: RegionKitError.self) {
                try transaction.write(to: folder + "/a.txt") { file throws(RegionKitError) in
                    try file.write("partial")
                    throw RegionKitError(.writeFailed, "stop")
                }
            }
        }
        #expect(Repository.files(under: folder).isEmpty)
    }

    /// A file written by its path (as a C library writes it) goes to the hidden temporary file beside its target,
    /// which exists with the old file's permissions, and appears at the target only at the commit. The library's
    /// work folder is private, beside the target, and gone with what it held when the writer returns.
    @Test func aFileWrittenByItsPathIsStagedBesideItsTarget() throws {
        let folder = try Repository.temporaryFolder()
        let target = folder + "/book.xlsx"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        let transaction = OutputTransaction()
        var given = ""
        var work = ""
        try transaction.withStagedPath(for: target) { stagedPath, workFolder throws(RegionKitError) in
            given = stagedPath
            work = workFolder
            #expect(FileManager.default.contents(atPath: stagedPath) == Data())
            #expect((try? FileManager.default.contentsOfDirectory(atPath: workFolder)) == [])
            #expect((try? FileManager.default.attributesOfItem(atPath: workFolder)[.posixPermissions]) as? Int == 0o700)
            // A library's intermediate file, and one it keeps in a folder of its own.
            try? FileManager.default.createDirectory(atPath: workFolder + "/parts", withIntermediateDirectories: false)
            try? "part".write(toFile: workFolder + "/parts/sheet1.xml", atomically: false, encoding: .utf8)
            // Like fopen(path, "wb"): truncate and write.
            guard let stream = fopen(stagedPath, "wb") else { throw RegionKitError(.writeFailed, "cannot open") }
            fputs("new", stream)
            fclose(stream)
        }
        let name = try #require(given.split(separator: "/").last)
        #expect(given.hasPrefix(folder + "/") && TemporaryFileName.isTemporary(String(name)) && name.hasSuffix("-book.xlsx"))
        let workName = try #require(work.split(separator: "/").last)
        #expect(work.hasPrefix(folder + "/") && TemporaryFileName.isTemporary(String(workName)) && workName.hasSuffix("-book.xlsx.work"))
        #expect(!FileManager.default.fileExists(atPath: work))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        try transaction.commit()
        #expect(Repository.files(under: folder) == ["book.xlsx"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    }

    /// A writer that fails part-way, or a file that is gone when it returns, leaves no temporary file and the old
    /// file as it was.
    @Test func aFileWrittenByItsPathThatFailsLeavesNothing() throws {
        let folder = try Repository.temporaryFolder()
        let target = folder + "/book.xlsx"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        do {
            let transaction = OutputTransaction()
            #expect(throws: RegionKitError.self) {
                try transaction.withStagedPath(for: target) { stagedPath, workFolder throws(RegionKitError) in
                    try? "partial".write(toFile: stagedPath, atomically: false, encoding: .utf8)
                    try? "part".write(toFile: workFolder + "/sheet1.xml", atomically: false, encoding: .utf8)
                    throw RegionKitError(.writeFailed, "stop")
                }
            }
            let gone = #expect(throws: RegionKitError.self) {
                try transaction.withStagedPath(for: folder + "/other.xlsx") { stagedPath, _ throws(RegionKitError) in
                    try? FileManager.default.removeItem(atPath: stagedPath)
                }
            }
            #expect(gone?.message.contains("other.xlsx: cannot flush to disk") == true)
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder)) == ["book.xlsx"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
    }

    @Test func unwritableFolderIsAClearError() throws {
        let transaction = OutputTransaction()
        #expect(throws: RegionKitError.self) { try transaction.write("x", to: "/proc/regionkit/x.txt") }
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let folder = try Repository.temporaryFolder()
        let target = folder + "/private.yaml"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        let transaction = OutputTransaction()
        try transaction.write("new", to: target)
        try transaction.commit()
        let permissions = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    /// A process killed mid-write leaves its temporary files; the next transaction that writes into the folder
    /// removes them, but not those of processes still running, nor anything else.
    @Test func staleTemporaryFilesOfEndedProcessesAreRemoved() throws {
        let folder = try Repository.temporaryFolder()
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = ".regionkit-tmp-\(ended.processIdentifier)-9f-a.txt"
        let running = ".regionkit-tmp-1-9f-a.txt"  // process 1 always runs
        let ours = ".regionkit-tmp-\(getpid())-9f-a.txt"
        for name in [stale, running, ours, ".regionkit-tmp-x-a.txt", ".hidden"] {
            try "x".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(
            atPath: folder + "/.regionkit-tmp-\(ended.processIdentifier)-0-dir", withIntermediateDirectories: false)
        let transaction = OutputTransaction()
        try transaction.write("new", to: folder + "/a.txt")
        try transaction.commit()
        #expect(Repository.files(under: folder) == [".hidden", running, ".regionkit-tmp-x-a.txt", ours, "a.txt"].sorted())
    }

    @Test func aFileInTheWayOfAFolderIsNamed() throws {
        let folder = try Repository.temporaryFolder()
        try "x".write(toFile: folder + "/out", atomically: false, encoding: .utf8)
        let transaction = OutputTransaction()
        let error = try #require(throws: RegionKitError.self) { try transaction.write("x", to: folder + "/out/yaml/a.yaml") }
        #expect(error.message == "\(folder)/out: cannot create the folder: file exists; nothing was written")
        let target = try #require(throws: RegionKitError.self) { try transaction.write("x", to: folder) }
        #expect(target.message == "\(folder): is a folder, so no file can be written there; nothing was written")
        #expect(throws: RegionKitError.self) { try transaction.write("x", to: folder + "/") }
        #expect(throws: RegionKitError.self) { try transaction.write("x", to: "") }
        #expect(Repository.files(under: folder) == ["out"])
    }

    @Test(arguments: ["../x", "/etc/passwd", "a/../../x", "", "a//b", "./x", "a\nb"])
    func exportFileNamesCannotLeaveTheFolder(_ name: String) throws {
        let output = ExportOutput(folder: try Repository.temporaryFolder(), transaction: OutputTransaction())
        #expect(throws: RegionKitError.self) { try output.write("x", named: name) }
    }

    @Test func exportOfAnInvalidDatasetWritesNothing() throws {
        let loaded = try DatasetLoader().load(Repository.path("Fixtures/invalid/schema-enum.yaml"))
        let folder = try Repository.temporaryFolder()
        #expect(throws: RegionKitError.self) { try ExportJob(exporters: FormatRegistry.builtIn.exporters, output: folder).run(loaded) }
        #expect(Repository.files(under: folder) == [])
    }
}

@Suite struct FindingReportTests {
    let findings = [
        Finding(
            code: "schema.enum", message: "status: 'x' is not one of a, b", location: Location(file: "d.yaml", line: 3, column: 11),
            hint: "did you mean 'a'?"),
        Finding(code: "source.text-missing", severity: .warning, message: "50%, ok\nnext", location: Location(file: "d.yaml")),
    ]

    @Test func textIsCompilerStyle() {
        #expect(
            FindingReport(path: "d.yaml", findings: findings).rendered(.text) == """
                d.yaml:3:11: error: status: 'x' is not one of a, b [schema.enum]
                  hint: did you mean 'a'?
                d.yaml: warning: 50%, ok
                next [source.text-missing]
                d.yaml: invalid: 1 error, 1 warning

                """)
    }

    @Test func githubAnnotationsAreEscaped() {
        #expect(
            FindingReport(path: "d.yaml", findings: findings).rendered(.github) == """
                ::error file=d.yaml,line=3,col=11,title=schema.enum::status: 'x' is not one of a, b (did you mean 'a'?)
                ::warning file=d.yaml,title=source.text-missing::50%25, ok%0Anext
                d.yaml: invalid: 1 error, 1 warning

                """)
    }

    @Test func jsonHoldsEveryField() {
        #expect(
            FindingReport(path: "d.yaml", findings: [findings[0]]).rendered(.json) == """
                {
                  "path": "d.yaml",
                  "valid": false,
                  "errors": 1,
                  "warnings": 0,
                  "findings": [
                    {
                      "code": "schema.enum",
                      "severity": "error",
                      "message": "status: 'x' is not one of a, b",
                      "file": "d.yaml",
                      "line": 3,
                      "column": 11,
                      "hint": "did you mean 'a'?"
                    }
                  ]
                }

                """)
    }
}

@Suite struct FingerprintTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Bytes given in pieces, or as a sequence without contiguous storage, hash as the same bytes given at once; the
    /// digest can be read part-way and the message extended after it.
    @Test func sha256OfPiecesIsTheSHA256OfTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 3) }
        var whole = SHA256()
        whole.update(bytes)
        let expected = whole.hexDigest()
        var pieces = SHA256()
        pieces.update(bytes[0..<65])
        var head = SHA256()
        head.update(Array(bytes[0..<65]))
        #expect(pieces.hexDigest() == head.hexDigest())
        bytes[65...].withUnsafeBytes { pieces.update($0) }
        #expect(pieces.hexDigest() == expected)
        var lazy = SHA256()
        lazy.update(bytes.lazy.map { $0 })
        #expect(lazy.hexDigest() == expected, "a sequence without contiguous storage")
    }

    @Test func fingerprintChangesWithTheContent() throws {
        var dataset = try DatasetLoader().load(Repository.dataset).dataset
        let before = try DatasetFingerprint.of(dataset)
        #expect(before.hasPrefix("sha256:") && before.count == 71)
        #expect(try DatasetFingerprint.of(dataset) == before)
        dataset[.memberships][0]["status"] = .text("observer")
        #expect(try DatasetFingerprint.of(dataset) != before)
    }
}
