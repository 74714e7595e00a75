import RegionKit
import Testing

/// The reader every tabular format shares: a header row resolved the same way, cells read the same way.
@Suite struct TableReaderTests {
    let memberships = DatasetSchema.table(.memberships)
    func at(_ column: Int) -> Location { Location(file: "m.csv", line: 1, column: column) }
    func header(_ texts: [String], naming: TableHeader.Naming = .keys, keys: [Int: String] = [:], exported: [Int: String] = [:])
        -> TableHeader
    {
        let cells = texts.enumerated().map { TableHeader.Cell(column: $0.offset + 1, text: $0.element, key: keys[$0.offset + 1]) }
        return TableHeader(
            table: memberships, cells: cells, options: .init(naming: naming, exportedKeys: exported, fileName: "m.csv"),
            locate: at)
    }
    func codes(_ findings: [Finding]) -> [String] { findings.map { "\($0.severity.rawValue) \($0.code)" } }

    @Test func columnsAreFoundByKeyTitleAttachedKeyAndExportedPosition() throws {
        let keys = memberships.keys
        var texts = keys
        texts[1] = "Country"  // a title in a file of keys
        texts[2] = "Org"  // an edited title, its attached key kept
        texts[3] = "State"  // an edited title: the field its column held at export
        let resolved = header(texts, keys: [3: "organization"], exported: [4: "status"])
        #expect(resolved.hasKeyColumn)
        for (index, key) in keys.enumerated() {
            #expect(resolved.field(at: index + 1)?.key == key, "\(key)")
        }
        #expect(codes(resolved.findings) == ["note table.renamed-column", "note table.column-title"])
    }

    @Test func aMissingColumnIsAnErrorAndAnUnknownOneAWarning() throws {
        var texts = memberships.keys.filter { $0 != "to" }
        texts.append("comment")
        texts.append("from")
        let resolved = header(texts)
        #expect(
            codes(resolved.findings) == [
                "error table.duplicate-column", "warning table.unknown-column", "error table.missing-column",
            ])
        #expect(resolved.findings.last?.message.contains("has no column for the field 'to'") == true)
        #expect(resolved.columns[texts.count] == .ignored)
    }

    @Test func noKeyColumnAndAHeaderOverwrittenByData() throws {
        #expect(codes(header(["country", "status"]).findings) == ["error table.missing-key"])
        let pasted = header(["kaz-eaeu", "KAZ", "eaeu"], naming: .titles, keys: [1: "id", 2: "country", 3: "organization"])
        #expect(codes(pasted.findings).first == "error table.header-overwritten")
    }

    let text = CellText()
    func field(_ table: TableID, _ key: String) throws -> FieldSpec { try #require(DatasetSchema.table(table).field(key)) }
    let place = Location(file: "m.csv", line: 2, column: 3)

    @Test func spacesAroundAValueAreRemovedAndSpacesInsideCodesNormalised() throws {
        let id = text.read("\u{FEFF}house\u{00A0}of-representatives ", field: try field(.organizations, "id"), location: place)
        #expect(id.value == .text("house of-representatives"))
        #expect(codes(id.findings) == ["warning cell.whitespace"])
        let prose = text.read("71\u{00A0}000 troops", field: try field(.cooperation, "summary"), location: place)
        #expect(prose.value == .text("71\u{00A0}000 troops") && prose.findings.isEmpty)
    }

    @Test func lineBreaksBecomeLineFeeds() throws {
        let note = text.read("one\r\ntwo\rthree", field: try field(.indicators, "note"), location: place)
        #expect(note.value == .text("one\ntwo\nthree"))
        #expect(note.findings.isEmpty)
    }

    @Test func listsNumbersAndDates() throws {
        let goods = text.read("food products\\; chemicals; x\\\\y", field: try field(.trade, "goods"), location: place)
        #expect(goods.value == .list(["food products; chemicals", "x\\y"]))
        let empty = text.read("a;;b", field: try field(.trade, "goods"), location: place)
        #expect(empty.unreadable && codes(empty.findings) == ["error cell.list"])
        let comma = CellText(decimalMark: ",").read("51,5", field: try field(.countries, "capital_latitude"), location: place)
        #expect(comma.value == .number(51.5))
        let point = CellText(decimalMark: ",").read("51.5", field: try field(.countries, "capital_latitude"), location: place)
        #expect(point.unreadable && point.findings.first?.message.contains("the decimal mark here is ','") == true)
        let date = text.read("2019-7", field: try field(.events, "date"), location: place)
        #expect(date.unreadable && codes(date.findings) == ["error schema.date"])
        #expect(date.findings.first?.location == place)
    }

    @Test func everyFormatsLineBreaksReadBackAsTheDatasetsOne() {
        var dataset = Dataset()
        dataset[.indicators] = [Record(["id": .text("x"), "note": .text("a\r\nb\rc")])]
        dataset[.trade] = [Record(["goods": .list(["d\re"])])]
        let fed = dataset.withLineFeeds()
        #expect(fed[.indicators][0]["note"] == .text("a\nb\nc"))
        #expect(fed[.trade][0]["goods"] == .list(["d\ne"]))
    }
}
