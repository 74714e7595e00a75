import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// An importer that hands back a prepared dataset, to drive `ImportJob` through its stale-file cases.
struct PreparedImporter: DatasetImporter {
    let imported: ImportedDataset

    var descriptor: FormatDescriptor {
        FormatDescriptor(id: "prepared", name: "Prepared", summary: "test input", fileExtensions: ["prepared"], capabilities: [.import])
    }

    func read(_ path: String) throws(RegionKitError) -> ImportedDataset { imported }
}

@Suite struct ImportJobTests {
    let folder: String
    let datasetPath: String
    let exported: Dataset

    init() throws {
        folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        datasetPath = folder + "/central-asia/dataset.yaml"
        exported = try DatasetLoader().load(datasetPath).dataset
        try "".write(toFile: folder + "/edited.prepared", atomically: true, encoding: .utf8)
    }

    /// Changes the canonical dataset on disk, as a colleague's commit would after the export.
    func changeCanonical(_ body: (inout Dataset) -> Void) throws {
        var dataset = exported
        body(&dataset)
        try DatasetYAMLText.of(dataset).write(toFile: datasetPath, atomically: true, encoding: .utf8)
    }

    func run(_ imported: ImportedDataset, _ options: ImportJob.Options = .init()) throws -> ImportJob.Outcome {
        try ImportJob(registry: FormatRegistry([PreparedImporter(imported: imported)]), datasetPath: datasetPath, options: options)
            .run(folder + "/edited.prepared")
    }

    func index(_ id: String, in table: TableID) throws -> Int {
        try #require(exported[table].firstIndex { $0.id == id })
    }

    @Test func staleFileWithItsBaseMergesThreeWays() throws {
        let row = try index("tjk-eaeu-prospective", in: .memberships)
        let from = try #require(PartialDate(iso: "2019"))
        try changeCanonical { $0[.memberships][row]["from"] = .date(from) }
        var edited = exported
        edited[.memberships][row]["status"] = .text("member")
        let outcome = try run(
            ImportedDataset(dataset: edited, findings: [], base: exported, baseFingerprint: try DatasetFingerprint.of(exported)),
            .init(apply: true))
        #expect(outcome.mode == .threeWay)
        #expect(outcome.isClean, "\(outcome.findings)")
        #expect(outcome.applied)
        let merged = try DatasetLoader().load(datasetPath).dataset[.memberships][row]
        #expect(merged["status"] == .text("member"))
        #expect(merged["from"] == .date(from))
    }

    @Test func staleFileEditingTheSameCellIsAConflictAndNothingIsWritten() throws {
        let row = try index("tjk-eaeu-prospective", in: .memberships)
        try changeCanonical { $0[.memberships][row]["status"] = .text("observer") }
        let before = try Data(contentsOf: URL(fileURLWithPath: datasetPath))
        var edited = exported
        edited[.memberships][row]["status"] = .text("member")
        let outcome = try run(
            ImportedDataset(dataset: edited, findings: [], base: exported, baseFingerprint: try DatasetFingerprint.of(exported)),
            .init(apply: true))
        #expect(outcome.changes.conflicts.map(\.field) == ["status"])
        #expect(!outcome.applied)
        #expect(try Data(contentsOf: URL(fileURLWithPath: datasetPath)) == before)
    }

    @Test func staleFileWithoutItsBaseIsRefusedUnlessTwoWayIsAsked() throws {
        let row = try index("tjk-eaeu-prospective", in: .memberships)
        try changeCanonical { $0[.memberships][row]["status"] = .text("observer") }
        let imported = ImportedDataset(dataset: exported, findings: [], baseFingerprint: try DatasetFingerprint.of(exported))
        let refused = try run(imported, .init(apply: true))
        #expect(refused.findings.contains { $0.code == "import.stale" && $0.severity == .error })
        #expect(!refused.applied)
        let forced = try run(imported, .init(apply: true, twoWay: true))
        #expect(forced.findings.contains { $0.code == "import.stale" && $0.severity == .warning })
        #expect(forced.applied)
    }

    /// A deferred base is read only for a stale file: a fresh file imports even when its base cannot be read, and
    /// a stale one merges three ways against the base its importer reads on demand.
    @Test func aDeferredBaseIsReadOnlyForAStaleFile() throws {
        let fingerprint = try DatasetFingerprint.of(exported)
        let unreadable = ImportedDataset(dataset: exported, findings: [], baseFingerprint: fingerprint) { () throws(RegionKitError) in
            throw RegionKitError(.unreadable, "the base was read")
        }
        let fresh = try run(unreadable)
        #expect(fresh.mode == .twoWay && fresh.isClean, "\(fresh.findings)")

        let row = try index("tjk-eaeu-prospective", in: .memberships)
        let from = try #require(PartialDate(iso: "2019"))
        try changeCanonical { $0[.memberships][row]["from"] = .date(from) }
        #expect(throws: RegionKitError.self) { try run(unreadable) }
        let base = exported
        var edited = exported
        edited[.memberships][row]["status"] = .text("member")
        let stale = try run(
            ImportedDataset(dataset: edited, findings: [], baseFingerprint: fingerprint) { () throws(RegionKitError) in base })
        #expect(stale.mode == .threeWay && stale.isClean, "\(stale.findings)")
        #expect(stale.changes.changes.map(\.id) == ["tjk-eaeu-prospective"])
    }

    /// A canonical file that holds the exported dataset but is not, byte for byte, the YAML it was exported as (here
    /// with a comment added by hand) is still found to be the exported dataset: the import is fresh, not stale.
    @Test func aCanonicalFileWrittenDifferentlyIsStillTheExportedDataset() throws {
        let text = try String(contentsOfFile: datasetPath, encoding: .utf8)
        try ("# checked by hand\n" + text).write(toFile: datasetPath, atomically: true, encoding: .utf8)
        #expect(try DatasetLoader().load(datasetPath).dataset == exported)
        let fingerprint = try DatasetFingerprint.of(exported)
        let imported = ImportedDataset(dataset: exported, findings: [], baseFingerprint: fingerprint) { () throws(RegionKitError) in
            throw RegionKitError(.unreadable, "the base was read")
        }
        let outcome = try run(imported)
        #expect(outcome.mode == .twoWay && outcome.isClean, "\(outcome.findings)")
        #expect(!outcome.findings.contains { $0.code.hasPrefix("import.") })
    }

    /// The canonical dataset and the file are read side by side, but an invalid canonical dataset is reported first,
    /// as when they were read in turn.
    @Test func anInvalidCanonicalDatasetIsReportedBeforeTheFile() throws {
        let text = try String(contentsOfFile: datasetPath, encoding: .utf8)
        try text.replacingOccurrences(of: "status: member\n", with: "status: memeber\n")
            .write(toFile: datasetPath, atomically: true, encoding: .utf8)
        struct FailingImporter: DatasetImporter {
            var descriptor: FormatDescriptor {
                FormatDescriptor(
                    id: "failing", name: "Failing", summary: "test input", fileExtensions: ["prepared"], capabilities: [.import])
            }
            func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
                throw RegionKitError(.unreadable, "\(path): the file cannot be read")
            }
        }
        let job = ImportJob(registry: FormatRegistry([FailingImporter()]), datasetPath: datasetPath)
        let error = try #require(throws: RegionKitError.self) { try job.run(folder + "/edited.prepared") }
        #expect(error.message.contains("the canonical dataset is invalid"), "\(error.message)")
    }

    /// A file valid on its own can merge into an invalid dataset: here it adds a membership of an organization the
    /// dataset removed since the export. The merged dataset's errors are reported and nothing is written.
    @Test func aMergeThatBreaksAReferenceIsRefused() throws {
        try changeCanonical { dataset in
            for table in TableID.allCases {
                dataset[table].removeAll { row in
                    row.id == "eurasec" || row.values.values.contains { $0 == .text("eurasec") || $0.list?.contains("eurasec") == true }
                }
            }
        }
        #expect(try DatasetLoader().load(datasetPath).isValid, "the dataset without the organization is valid")
        let before = try Data(contentsOf: URL(fileURLWithPath: datasetPath))
        var edited = exported
        var added = try #require(edited[.memberships].first { $0["organization"] == .text("eurasec") })
        added["id"] = .text("kaz-eurasec-member")
        added["country"] = .text("KAZ")
        edited[.memberships].append(added)
        let outcome = try run(
            ImportedDataset(dataset: edited, findings: [], base: exported, baseFingerprint: try DatasetFingerprint.of(exported)),
            .init(apply: true))
        #expect(outcome.mode == .threeWay)
        #expect(outcome.findings.contains { $0.code == "ref.unknown" && $0.severity == .error }, "\(outcome.findings)")
        #expect(!outcome.applied)
        #expect(try Data(contentsOf: URL(fileURLWithPath: datasetPath)) == before)
    }

    @Test func alteredBaseCopyIsAnError() throws {
        let row = try index("tjk-eaeu-prospective", in: .memberships)
        try changeCanonical { $0[.memberships][row]["status"] = .text("observer") }
        var base = exported
        base[.memberships][row]["status"] = .text("party")
        let outcome = try run(
            ImportedDataset(dataset: exported, findings: [], base: base, baseFingerprint: try DatasetFingerprint.of(exported)))
        #expect(outcome.findings.contains { $0.code == "import.base-mismatch" })
        #expect(!outcome.isClean)
    }

    @Test func fileFindingsKeepTheirLocationsAndBlockTheApply() throws {
        var edited = exported
        let row = try index("tjk-eaeu-prospective", in: .memberships)
        edited[.memberships][row]["country"] = .text("TJX")
        edited[.memberships][row].fieldLocations["country"] = Location(file: "w.xlsx", cell: "Memberships!B9")
        let outcome = try run(ImportedDataset(dataset: edited, findings: []), .init(apply: true))
        let finding = try #require(outcome.findings.first { $0.code == "ref.unknown" })
        #expect(finding.location?.description == "w.xlsx:Memberships!B9")
        #expect(finding.hint == "did you mean 'TJK'?")
        #expect(!outcome.applied)
    }
}
