import RegionSchema
import Testing

@testable import FormatXLSX

/// Excel's habits, cell by cell: each normalised with a warning or rejected with an error, never absorbed silently.
@Suite struct CellInterpreterTests {
    let interpreter = CellInterpreter(dateSystem: .base1900)

    func field(_ table: TableID, _ key: String) throws -> FieldSpec {
        try #require(DatasetSchema.table(table).field(key))
    }

    func read(
        _ content: CellContent, _ table: TableID, _ key: String, dateStyled: Bool = false, formula: String? = nil,
        exported: Value? = nil, system: DateSerial.System = .base1900
    ) throws -> CellInterpreter.Outcome {
        let cell = SheetCell(address: CellAddress(row: 7, column: 4), content: content, isDateStyled: dateStyled, formula: formula)
        return CellInterpreter(dateSystem: system)
            .read(cell, field: try field(table, key), location: Location(file: "book.xlsx", cell: "Memberships!D7"), exported: exported)
    }

    func codes(_ outcome: CellInterpreter.Outcome) -> [String] {
        outcome.findings.map { "\($0.severity.rawValue) \($0.code)" }
    }

    @Test func findingsNameTheCellAndTheField() throws {
        let outcome = try read(.text("member "), .memberships, "status")
        #expect(outcome.value == .text("member"))
        let finding = try #require(outcome.findings.first)
        #expect(finding.location?.cell == "Memberships!D7")
        #expect(finding.message == "status: 'member ' has trailing spaces; read as 'member'")
    }

    @Test func numbersWhereTextIsExpected() throws {
        let id = try read(.number(12345.0), .memberships, "id")
        #expect(id.value == .text("12345"))
        #expect(codes(id) == ["warning xlsx.number-as-text"])
        let zeros = try read(.number(7), .memberships, "id", exported: .text("007"))
        #expect(zeros.value == .text("007"))
        #expect(codes(zeros) == ["warning xlsx.leading-zeros"])
        let list = try read(.number(3), .trade, "goods")
        #expect(list.value == .list(["3"]))
    }

    @Test func numbersStoredAsText() throws {
        let number = try read(.text("51.18"), .countries, "capital_latitude")
        #expect(number.value == .number(51.18))
        #expect(codes(number) == ["warning xlsx.text-as-number"])
        let bad = try read(.text("1,500"), .countries, "capital_latitude")
        #expect(bad.value == nil && bad.unreadable)
        #expect(codes(bad) == ["error schema.type"])
    }

    @Test func numbersKeepTheExportedValueAtSpreadsheetPrecision() throws {
        let exported = Value.number(2.7199999999999998)
        let same = try read(.number(2.72), .indicators, "value", exported: exported)
        #expect(same.value == exported)
        #expect(codes(same) == [])
        let changed = try read(.number(2.73), .indicators, "value", exported: exported)
        #expect(changed.value == .number(2.73))
        #expect(CellInterpreter.sameInSpreadsheets(71.427774, 71.42777400000001))
        #expect(!CellInterpreter.sameInSpreadsheets(1, 1.0000001))
    }

    @Test func datesInEveryForm() throws {
        let cell = try read(.number(43741), .memberships, "from", dateStyled: true)
        #expect(cell.value == .date(try #require(PartialDate(iso: "2019-10-03"))))
        #expect(codes(cell) == [])
        let mac = try read(.number(42279), .memberships, "from", dateStyled: true, system: .base1904)
        #expect(mac.value == cell.value)
        let year = try read(.number(2019), .memberships, "from")
        #expect(year.value == .date(try #require(PartialDate(iso: "2019"))))
        #expect(codes(year) == ["warning xlsx.year-as-number"])
        let serial = try read(.number(43741), .memberships, "from")
        #expect(serial.value == cell.value)
        #expect(codes(serial) == ["warning xlsx.date-serial"])
        let time = try read(.number(43741.25), .memberships, "from", dateStyled: true)
        #expect(codes(time) == ["warning xlsx.time-ignored"])
        let text = try read(.text("2019-07"), .memberships, "from")
        #expect(text.value == .date(try #require(PartialDate(iso: "2019-07"))))
        let iso = try read(.isoDate("2019-10-03T00:00:00"), .memberships, "from")
        #expect(iso.value == cell.value)
        let prose = try read(.text("03.10.2019"), .memberships, "from")
        #expect(codes(prose) == ["error schema.date"])
    }

    @Test func aDateWhereTextIsExpectedIsRejected() throws {
        let outcome = try read(.number(43741), .memberships, "quote", dateStyled: true)
        #expect(outcome.value == nil && outcome.unreadable)
        #expect(codes(outcome) == ["error xlsx.date-in-text"])
    }

    @Test func spacesAndQuotes() throws {
        // Inside free text a non-breaking space is kept as typed; inside a code it is a space.
        let prose = try read(.text("71\u{00A0}000 troops"), .cooperation, "summary")
        #expect(prose.value == .text("71\u{00A0}000 troops"))
        #expect(codes(prose) == [])
        let nbsp = try read(.text("oil\u{00A0}and gas; energy\u{00A0}"), .cooperation, "areas")
        #expect(nbsp.value == .list(["oil and gas", "energy"]))
        #expect(codes(nbsp) == ["warning cell.whitespace"])
        let blank = try read(.text("  "), .countries, "name")
        #expect(blank.value == nil && !blank.unreadable)
        let reference = try read(.text("\u{2018}KAZ\u{2019}"), .memberships, "country")
        #expect(reference.value == .text("'KAZ'"))
        #expect(codes(reference) == ["warning cell.smart-quotes"])
        let retyped = try read(.text("the region\u{2019}s forces"), .cooperation, "summary", exported: .text("the region's forces"))
        #expect(retyped.value == .text("the region's forces"))
        #expect(codes(retyped) == ["warning cell.smart-quotes"])
        let verbatim = try read(.text("Russia\u{2019}s role"), .cooperation, "quote")
        #expect(verbatim.value == .text("Russia\u{2019}s role"))
        #expect(codes(verbatim) == [])
    }

    /// LibreOffice writes a text holding `_x005F_xHHHH_` back as `_xHHHH_`; the exported value is kept.
    @Test func anEscapeLevelLostByLibreOfficeKeepsTheExportedText() throws {
        let text = try read(.text("a _x0041_ b"), .cooperation, "summary", exported: .text("a _x005F_x0041_ b"))
        #expect(text.value == .text("a _x005F_x0041_ b"))
        #expect(codes(text) == ["warning xlsx.escape-lost"])
        let list = try read(.text("x; _x0041_"), .trade, "goods", exported: .list(["x", "_x005F_x0041_"]))
        #expect(list.value == .list(["x", "_x005F_x0041_"]))
        let edited = try read(.text("a _x0041_ c"), .cooperation, "summary", exported: .text("a _x005F_x0041_ b"))
        #expect(edited.value == .text("a _x0041_ c") && codes(edited) == [])
    }

    @Test func listsSplitOnSemicolonsAsInEveryFormat() throws {
        let outcome = try read(.text("energy;  trade "), .cooperation, "areas")
        #expect(outcome.value == .list(["energy", "trade"]))
        #expect(codes(outcome) == ["warning cell.whitespace"])
        let escaped = try read(.text("food products\\; chemicals; x\\\\y"), .trade, "goods")
        #expect(escaped.value == .list(["food products; chemicals", "x\\y"]))
        #expect(codes(escaped) == [])
        let empty = try read(.text("energy;; trade"), .cooperation, "areas")
        #expect(empty.value == nil && empty.unreadable)
        #expect(codes(empty) == ["error cell.list"])
    }

    @Test func formulasErrorsAndBooleans() throws {
        let cached = try read(.text("Kazakhstan"), .countries, "name", formula: "\"Kazakh\"&\"stan\"")
        #expect(cached.value == .text("Kazakhstan"))
        #expect(codes(cached) == ["warning xlsx.formula"])
        let uncomputed = try read(.text(""), .countries, "name", formula: "A1")
        #expect(uncomputed.unreadable)
        #expect(codes(uncomputed) == ["error xlsx.formula"])
        #expect(codes(try read(.error("#N/A"), .countries, "name")) == ["error xlsx.error-value"])
        #expect(codes(try read(.boolean(true), .countries, "name")) == ["error schema.type"])
    }
}
