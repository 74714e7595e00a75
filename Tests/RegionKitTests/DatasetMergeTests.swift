import RegionKitFormats
import Testing

@Suite struct DatasetMergeTests {
    /// Two tables' worth of rows, keyed by id, with one field each that tests change.
    func dataset(_ statuses: [String: String]) -> Dataset {
        var dataset = Dataset()
        dataset[.memberships] = statuses.keys.sorted().map { id in
            Record(["id": .text(id), "country": .text("UZB"), "organization": .text("csto"), "status": .text(statuses[id] ?? "")])
        }
        return dataset
    }

    @Test func sameDataMeansNoChanges() {
        let data = dataset(["a": "member", "b": "withdrawn"])
        let result = DatasetMerge().merge(base: nil, current: data, edited: data)
        #expect(result.changes.isEmpty)
        #expect(result.merged == data)
    }

    @Test func twoWayFindsAddedRemovedAndChangedRows() {
        let current = dataset(["a": "member", "b": "withdrawn", "c": "member"])
        let edited = dataset(["a": "suspended", "c": "member", "d": "observer"])
        let result = DatasetMerge().merge(base: nil, current: current, edited: edited)
        #expect(result.changes.changes.map { "\($0.kind) \($0.id)" } == ["changed a", "removed b", "added d"])
        #expect(result.changes.changes[0].fields == [.init(field: "status", old: .text("member"), new: .text("suspended"))])
        #expect(result.merged == edited)
    }

    @Test func threeWayKeepsEditsOnBothSidesWhenTheyTouchDifferentCells() {
        let base = dataset(["a": "member", "b": "member"])
        let current = dataset(["a": "withdrawn", "b": "member", "c": "party"])
        let edited = dataset(["a": "member", "b": "suspended"])
        let result = DatasetMerge().merge(base: base, current: current, edited: edited)
        #expect(result.changes.conflicts.isEmpty)
        #expect(result.changes.changes.map { "\($0.kind) \($0.id)" } == ["changed b"])
        #expect(result.merged == dataset(["a": "withdrawn", "b": "suspended", "c": "party"]))
    }

    @Test func sameCellChangedOnBothSidesIsAConflictAndTheDatasetValueStays() throws {
        let base = dataset(["a": "member"])
        let current = dataset(["a": "withdrawn"])
        var edited = dataset(["a": "suspended"])
        edited[.memberships][0].fieldLocations["status"] = Location(file: "w.xlsx", cell: "Memberships!D2")
        let result = DatasetMerge().merge(base: base, current: current, edited: edited)
        let conflict = try #require(result.changes.conflicts.first)
        #expect(result.changes.conflicts.count == 1)
        #expect(conflict.field == "status")
        #expect(conflict.location?.description == "w.xlsx:Memberships!D2")
        #expect(conflict.reason == "the file has 'suspended', the dataset now has 'withdrawn'; both changed it from 'member'")
        #expect(result.merged == current)
    }

    @Test func deleteAgainstChangeIsAConflict() {
        let base = dataset(["a": "member", "b": "member"])
        let current = dataset(["a": "withdrawn", "b": "member"])
        let edited = dataset(["b": "suspended"])
        let result = DatasetMerge().merge(base: base, current: current, edited: edited)
        #expect(result.changes.conflicts.map(\.reason) == ["the file deletes the row, but the dataset changed it since the export"])
        #expect(result.merged == dataset(["a": "withdrawn", "b": "suspended"]))
    }

    @Test func changeAgainstUpstreamDeleteIsAConflict() {
        let base = dataset(["a": "member", "b": "member"])
        let current = dataset(["b": "member"])
        let edited = dataset(["a": "suspended", "b": "member"])
        let result = DatasetMerge().merge(base: base, current: current, edited: edited)
        #expect(result.changes.conflicts.map(\.reason) == ["the file changes the row, but the dataset deleted it since the export"])
        #expect(result.merged == current)
    }

    @Test func anEditedIdIsAChangeWhenTheFileTracksTheExportedId() {
        let current = dataset(["a": "member"])
        var edited = dataset(["a2": "member"])
        edited[.memberships][0].baseID = "a"
        let result = DatasetMerge().merge(base: nil, current: current, edited: edited)
        #expect(result.changes.changes.map { "\($0.kind) \($0.id)" } == ["changed a2"])
        #expect(result.changes.changes[0].fields.map(\.field) == ["id"])
    }
}
