import Foundation
import TestSupport
import Testing

/// CSV package imports that fail change no byte: `--apply --allow-deletions` of a damaged or invalid package
/// leaves every file of the dataset's folder as it was (no temporary file, no lock file), exits 1 or 2 and says
/// where.
@Suite struct FailedCSVImportTests {
    /// Exports the scratch dataset as a CSV package, lets `spoil` change the package's folder, imports it with
    /// `--apply --allow-deletions` and checks that nothing in the dataset's folder changed.
    func failed(status: Int32, _ spoil: (String) throws -> Void) throws -> ProgramRun {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        let export = try RegionKitBinary.run(
            ["export", "--format", "csv", "--output", "out", "--dataset", "central-asia/dataset.yaml", "--quiet"], in: folder)
        try #require(export.status == 0, "\(export.stderr)")
        try spoil(folder + "/out/csv")
        let before = Repository.contents(under: folder + "/central-asia")
        let run = try RegionKitBinary.run(
            ["import", "out/csv", "--dataset", "central-asia/dataset.yaml", "--apply", "--allow-deletions"], in: folder)
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        let after = Repository.contents(under: folder + "/central-asia")
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after == before)
        if status == 1 {
            #expect(run.stdout.contains(": not applied ("), "\(run.stdout)")
            #expect(run.stdout.hasSuffix("nothing was written\n"))
        }
        return run
    }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func write(_ bytes: some Sequence<UInt8>, to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The file cut just before the first place `text` is found (plus `keeping` bytes of it).
    func cut(_ path: String, before text: String, keeping: Int = 0) throws {
        let data = try bytes(path)
        let needle = Array(text.utf8)
        let offset = try #require(data.indices.first { data[$0...].starts(with: needle) }, "'\(text)' is not in \(path)")
        try write(data[..<(offset + keeping)], to: path)
    }

    @Test func aRemovedFile() throws {
        let run = try failed(status: 2) { package in
            try FileManager.default.removeItem(atPath: package + "/trade.csv")
        }
        #expect(run.stderr == "error: out/csv/trade.csv: no such file\n")
    }

    @Test func aHeaderRowOverwrittenByData() throws {
        let run = try failed(status: 1) { package in
            let path = package + "/memberships.csv"
            var lines = String(decoding: try bytes(path), as: UTF8.self).components(separatedBy: "\n")
            lines[0] = lines[1]
            try write(Array(lines.joined(separator: "\n").utf8), to: path)
        }
        #expect(
            run.stdout.contains(
                "out/csv/memberships.csv:1:1: error: memberships: memberships.csv has no column for the key field 'id' (ID), so its rows cannot be matched; none is read [table.missing-key]"
            ), "\(run.stdout)")
    }

    @Test func aFileCutInTheMiddleOfARow() throws {
        let run = try failed(status: 1) { package in
            try cut(package + "/bases.csv", before: ",ispi-2019-gusev,the construction")
        }
        #expect(run.stdout.contains("out/csv/bases.csv:2:4: error: bases: the row has 4 fields; the header has 6 [csv.field-count]"))
    }

    @Test func aFileCutInsideAQuotedCell() throws {
        let run = try failed(status: 2) { package in
            try cut(package + "/bases.csv", before: "more than a thousand specialists")
        }
        #expect(
            run.stderr
                == "out/csv/bases.csv:3:6: error: the quoted cell that starts here has no closing quote before the end of the file\n",
            "\(run.stderr)")
    }

    /// A good edit and an invalid cell: nothing of it is applied.
    @Test func anErrorFindingAmongGoodEdits() throws {
        let run = try failed(status: 1) { package in
            let path = package + "/memberships.csv"
            let text = String(decoding: try bytes(path), as: UTF8.self)
                .replacingOccurrences(of: "\nkaz-eaeu-member,KAZ,eaeu,member,", with: "\nkaz-eaeu-member,KAZ,eaeu,memeber,")
                .replacingOccurrences(of: "\nrus-csto-member,RUS,csto,member,", with: "\nrus-csto-member,RUS,csto,observer,")
            try write(Array(text.utf8), to: path)
        }
        #expect(run.stdout.contains("out/csv/memberships.csv:4:4: error: status: 'memeber' is not one of"))
        #expect(run.stdout.contains("status: 'member' → 'observer'"))
    }

    /// A removed row that other rows still refer to: the broken references block the apply, removals allowed or not.
    @Test func aRemovedRowThatIsStillReferredTo() throws {
        let run = try failed(status: 1) { package in
            let path = package + "/countries.csv"
            let lines = String(decoding: try bytes(path), as: UTF8.self).components(separatedBy: "\n")
            try write(Array(lines.filter { !$0.hasPrefix("KGZ,") }.joined(separator: "\n").utf8), to: path)
        }
        #expect(run.stdout.contains("- countries KGZ"))
        #expect(run.stdout.contains("error:"))
    }
}
