import Foundation
import RegionKitFormats
import TestSupport
import Testing

@testable import RegionKit

/// How a merge matches rows (by position, then by key) and compares them (by hash, confirmed by the values), and
/// when it builds the merged dataset.
@Suite struct RowMatchingTests {
    func row(_ id: String, _ status: String = "member") -> Record {
        Record(["id": .text(id), "country": .text("UZB"), "organization": .text("csto"), "status": .text(status)])
    }

    func dataset(_ rows: [Record]) -> Dataset {
        var dataset = Dataset()
        dataset[.memberships] = rows
        return dataset
    }

    func summary(_ result: DatasetMerge.Result) -> [String] {
        result.changes.changes.map { "\($0.kind) \($0.id)" } + result.changes.conflicts.map { "conflict \($0.id)" }
    }

    @Test func aMovedRowIsMatchedByItsId() {
        let current = dataset([row("a"), row("b"), row("c"), row("d")])
        let moved = DatasetMerge().merge(base: nil, current: current, edited: dataset([row("a"), row("c"), row("d"), row("b")]))
        #expect(moved.changes.isEmpty)
        #expect(moved.changedTables.isEmpty)

        let edited = dataset([row("b", "suspended"), row("a"), row("d"), row("c")])
        let result = DatasetMerge().merge(base: nil, current: current, edited: edited)
        #expect(summary(result) == ["changed b"])
        #expect(result.changes.changes[0].fields == [.init(field: "status", old: .text("member"), new: .text("suspended"))])
        // The dataset's order stays.
        #expect(result.merged == dataset([row("a"), row("b", "suspended"), row("c"), row("d")]))
    }

    @Test func rowsRemovedAndAddedBetweenOthersAreFound() {
        let current = dataset([row("a"), row("b"), row("c"), row("d"), row("e")])
        let edited = dataset([row("a"), row("x"), row("c"), row("d", "withdrawn"), row("y"), row("e")])
        let result = DatasetMerge().merge(base: nil, current: current, edited: edited)
        #expect(summary(result) == ["removed b", "changed d", "added x", "added y"])
        #expect(
            result.merged == dataset([row("a"), row("c"), row("d", "withdrawn"), row("e"), row("x"), row("y")]))
    }

    @Test func threeWayMatchesTheBaseByPositionAndKeyToo() {
        let base = dataset([row("a"), row("b"), row("c"), row("gone")])
        let current = dataset([row("c"), row("a", "withdrawn"), row("b"), row("new")])
        let edited = dataset([row("a"), row("gone", "suspended"), row("b", "suspended"), row("c")])
        let result = DatasetMerge().merge(base: base, current: current, edited: edited)
        #expect(summary(result) == ["changed b", "conflict gone"])
        #expect(result.merged == dataset([row("c"), row("a", "withdrawn"), row("b", "suspended"), row("new")]))
    }

    /// With every row given the same hash, every row is compared by its values: the result is the same.
    @Test func rowsWithTheSameHashAreComparedByTheirValues() {
        let current = [row("a"), row("b"), row("c")]
        let edited = [row("a"), row("b", "suspended"), row("c"), row("d")]
        let spec = DatasetSchema.table(.memberships)
        var colliding = TableMerge(spec: spec, base: nil, current: current, edited: edited)
        colliding.rowHash = { _ in 42 }
        let output = colliding.run()
        #expect(output.changes.map { "\($0.kind) \($0.id)" } == ["changed b", "added d"])
        #expect(output.changes[0].fields == [.init(field: "status", old: .text("member"), new: .text("suspended"))])
        #expect(output.edits.rows(from: current) == [row("a"), row("b", "suspended"), row("c"), row("d")])

        var threeWay = TableMerge(
            spec: spec, base: [row("a"), row("b"), row("c")], current: [row("a"), row("b", "withdrawn"), row("c")], edited: edited)
        threeWay.rowHash = { _ in 42 }
        #expect(threeWay.run().conflicts.map(\.field) == ["status"])
    }

    @Test func theRowHashIsStableAndCoversEveryValue() {
        #expect(RowHash.of(row("a")) == RowHash.of(row("a")))
        #expect(RowHash.of(row("a")) != RowHash.of(row("a", "members")))
        #expect(RowHash.of(Record(["a": .text("b"), "c": .text("")])) != RowHash.of(Record(["a": .text("bc")])))
        #expect(RowHash.of(Record(["x": .list(["a", "b"])])) != RowHash.of(Record(["x": .list(["ab"])])))
        #expect(RowHash.of(Record(["x": .number(-0.0)])) == RowHash.of(Record(["x": .number(0)])))
        #expect(RowHash.of(Record(["x": .number(1)])) != RowHash.of(Record(["x": .text("1")])))
        // Seedless: the same in every run.
        #expect(RowHash.key("kaz") == 7_373_627_863_823_825_093)
        #expect(RowHash.of(row("a")) == 7_539_881_126_350_772_401)
    }

    @Test func rowsWhoseIdsWereEditedAreMatchedByTheExportedId() {
        let current = dataset([row("a"), row("b"), row("c"), row("d")])
        var renamedA = row("a2")
        renamedA.baseID = "a"
        var renamedC = row("c2", "observer")
        renamedC.baseID = "c"
        var keptD = row("d")
        keptD.baseID = "d"
        // b removed, c renamed and changed, a renamed and moved after it.
        let result = DatasetMerge().merge(base: nil, current: current, edited: dataset([renamedC, keptD, renamedA]))
        #expect(summary(result) == ["changed a2", "removed b", "changed c2"])
        #expect(result.changes.changes[0].fields.map(\.field) == ["id"])
        #expect(result.changes.changes[2].fields.map(\.field) == ["id", "status"])
        #expect(result.merged == dataset([row("a2"), row("c2", "observer"), row("d")]))
    }

    /// On random tables and edits (rows moved, removed, added, changed, ids edited or repeated, on both sides of a
    /// three-way merge), matching by position gives what the key index gives, whenever it decides.
    @Test func positionalMatchingAgreesWithTheKeyIndex() {
        var decided = 0
        for seed in 0..<500 {
            decided += agreement(seed: UInt64(seed))
        }
        // Most cases have no repeated id: matching by position decides them.
        #expect(decided > 600)
    }

    /// How many of a random case's two merges (two-way, three-way) matching by position decides, each checked.
    func agreement(seed: UInt64) -> Int {
        var random = SplitMix64(seed: seed)
        let statuses = ["member", "observer", "suspended"]
        func draw(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        func edit(_ rows: [Record], prefix: String) -> [Record] {
            var rows = rows
            for step in 0..<draw(5) {
                guard !rows.isEmpty else { break }
                let at = draw(rows.count)
                switch draw(7) {
                case 0: rows.insert(rows.remove(at: at), at: draw(rows.count + 1))
                case 1: rows.remove(at: at)
                case 2: rows.insert(row("\(prefix)\(step)", statuses[draw(3)]), at: draw(rows.count + 1))
                case 3: rows[at]["status"] = .text(statuses[draw(3)])
                case 4:
                    rows[at].baseID = rows[at].baseID ?? rows[at].id
                    rows[at]["id"] = .text("\(prefix)r\(step)")
                case 5: if draw(4) == 0 { rows.append(rows[at]) }
                default: rows[at].unreadable.insert("status")
                }
            }
            return rows
        }
        let base = (0..<draw(8)).map { row("k\($0)", statuses[draw(3)]) }
        let current = draw(2) == 0 ? base : edit(base, prefix: "c")
        let edited = edit(base, prefix: "e")
        let spec = DatasetSchema.table(.memberships)
        var decided = 0
        for merge in [
            TableMerge(spec: spec, base: nil, current: current, edited: edited),
            TableMerge(spec: spec, base: base, current: current, edited: edited),
        ] {
            guard let positional = merge.byPosition() else { continue }
            decided += 1
            let indexed = merge.byKeyIndex()
            #expect(positional.changes == indexed.changes, "seed \(seed)")
            #expect(positional.conflicts == indexed.conflicts, "seed \(seed)")
            #expect(positional.edits.rows(from: current) == indexed.edits.rows(from: current), "seed \(seed)")
        }
        return decided
    }

    /// A repeated id leaves the matching to the key index, where the first row of an id stands for it.
    @Test func aRepeatedIdIsMatchedByKeyIndex() {
        let spec = DatasetSchema.table(.memberships)
        #expect(TableMerge(spec: spec, base: nil, current: [row("a"), row("a")], edited: [row("a"), row("a")]).byPosition() == nil)
        #expect(
            TableMerge(spec: spec, base: nil, current: [row("a"), row("b")], edited: [row("a"), row("b"), row("a")]).byPosition() == nil)
        let output = TableMerge(spec: spec, base: nil, current: [row("a"), row("b")], edited: [row("a"), row("b"), row("a", "x")]).run()
        #expect(output.changes.isEmpty)
        #expect(output.edits.isEmpty)
    }

    /// The fixture exported as CSV and read back: nothing changes and no merged row is built.
    @Test func anUnchangedImportBuildsNoMergedDataset() throws {
        let loaded = try DatasetLoader().load(Repository.path("Fixtures/central-asia/dataset.yaml"))
        let folder = try Repository.temporaryFolder()
        let csv = try #require(FormatRegistry.builtIn.importer(id: "csv") as? any DatasetExporter)
        let written = try ExportJob(exporters: [csv], output: folder).run(loaded)
        let package = try #require(
            written.first { !$0.hasSuffix(".yaml") }.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
        let imported = try #require(FormatRegistry.builtIn.importer(id: "csv")).read(package, options: [:])
        let result = DatasetMerge().merge(base: nil, current: loaded.dataset, edited: imported.dataset.withLineFeeds())
        #expect(result.changes.isEmpty)
        #expect(result.changedTables.isEmpty)
        #expect(result.edits.isEmpty)

        var edited = imported.dataset.withLineFeeds()
        edited[.memberships][0]["status"] = .text("suspended")
        let changed = DatasetMerge().merge(base: nil, current: loaded.dataset, edited: edited)
        #expect(changed.changedTables == [.memberships])
        #expect(changed.merged[.memberships][0]["status"] == .text("suspended"))
        #expect(changed.merged[.countries] == loaded.dataset[.countries])
    }
}
