import Foundation
import RegionKitFormats
import RegionYAML
import TestSupport
import Testing

/// Datasets read from a file in chunks are the datasets read from the same bytes in memory.
@Suite struct StreamingDatasetTests {
    static let files =
        ["Fixtures/central-asia/dataset.yaml"]
        + Repository.files(under: Repository.path("Fixtures/invalid")).filter { $0.hasSuffix(".yaml") }.map { "Fixtures/invalid/" + $0 }

    /// A record with everything the reader sets, so that locations are compared too.
    struct ReadRecord: Equatable {
        var values: [String: Value]
        var location: Location?
        var fieldLocations: [String: Location]
        var unreadable: Set<String>

        init(_ record: Record) {
            values = record.values
            location = record.location
            fieldLocations = record.fieldLocations
            unreadable = record.unreadable
        }
    }

    static func rows(_ dataset: Dataset) -> [TableID: [ReadRecord]] {
        Dictionary(uniqueKeysWithValues: TableID.allCases.map { ($0, dataset[$0].map(ReadRecord.init)) })
    }

    @Test(arguments: files)
    func fileDecodesLikeItsBytes(_ relative: String) throws {
        let path = Repository.path(relative)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let fromBytes = try DatasetYAMLCodec.decode(bytes, file: path)
        for chunkSize in [7, YAMLInput.defaultChunkSize] {
            let fromFile = try DatasetYAMLCodec.decode(.file(path, chunkSize: chunkSize))
            #expect(fromFile.dataset == fromBytes.dataset, "chunk size \(chunkSize)")
            #expect(fromFile.dataset.schemaVersion == fromBytes.dataset.schemaVersion)
            #expect(Self.rows(fromFile.dataset) == Self.rows(fromBytes.dataset), "chunk size \(chunkSize)")
            #expect(fromFile.findings == fromBytes.findings, "chunk size \(chunkSize)")
        }
    }

    @Test(arguments: files)
    func loadingAFileValidatesLikeLoadingItsBytes(_ relative: String) throws {
        let path = Repository.path(relative)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let fromFile = try DatasetLoader().load(path)
        let fromBytes = try DatasetLoader().load(bytes: bytes, path: path)
        #expect(fromFile.dataset == fromBytes.dataset)
        #expect(fromFile.findings == fromBytes.findings)
        #expect(!fromFile.findings.isEmpty == relative.hasPrefix("Fixtures/invalid/"))
    }

    /// The rules run side by side, and find what they find one after the other, in the same order.
    @Test(arguments: files)
    func rulesSideBySideFindWhatTheyFindInTurn(_ relative: String) throws {
        let path = Repository.path(relative)
        let loaded = try DatasetLoader().load(path)
        let context = ValidationContext(sourceTexts: loaded.sourceTexts, file: path)
        let inTurn = Finding.sorted(DatasetRules.all.flatMap { $0.check(loaded.dataset, in: context) })
        #expect(DatasetValidator().validate(loaded.dataset, in: context) == inTurn)
    }

    /// The digest a loader takes while it reads is the SHA-256 of the file, whatever the chunk size, and also when a
    /// file with findings is read a second time for their locations.
    @Test(arguments: files)
    func loadingAFileCanHashItInTheSamePass(_ relative: String) throws {
        let path = Repository.path(relative)
        var hash = SHA256()
        hash.update(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let expected = hash.hexDigest()
        for chunkSize in [7, YAMLInput.defaultChunkSize] {
            let loaded = try DatasetLoader(chunkSize: chunkSize, hashesFile: true).load(path)
            #expect(loaded.fileDigest == expected, "chunk size \(chunkSize)")
        }
        #expect(try DatasetLoader().load(path).fileDigest == nil)
    }

    @Test func yamlFormatReadsTheFileInChunksToo() throws {
        let imported = try YAMLFormat().read(Repository.dataset)
        #expect(imported.dataset == (try DatasetLoader().load(Repository.dataset)).dataset)
        #expect(imported.findings == [])
    }

    @Test func aScalarOverTheLimitIsRefusedWhileTheFileStreams() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/huge.yaml"
        let limits = YAMLLimits(maxScalarBytes: 4096)
        let text = "regionkit: \"1\"\nsources:\n- id: s\n  title: \"" + String(repeating: "Ж", count: 200_000) + "\"\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try DatasetLoader(limits: limits).load(path)
            Issue.record("a 400 kB scalar passed a 4 KiB limit")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.message.hasPrefix("\(path):4:8: error: scalar longer than the limit of 4096 bytes"), "\(error.message)")
            #expect(error.message.contains("\n  title: \"ЖЖЖ"))
        }
    }

    @Test func unreadableInputsAreNamed() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: RegionKitError.self) { try DatasetLoader().load(folder + "/missing.yaml") }
        do {
            _ = try DatasetLoader().load(folder)
            Issue.record("a folder loaded as a dataset")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.message == "\(folder): is a folder, not a file")
        }
    }
}
