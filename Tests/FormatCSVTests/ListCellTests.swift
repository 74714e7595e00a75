import FormatCSV
import RegionKitFormats
import Testing

@Suite struct ListCellTests {
    @Test(arguments: [
        ["security"],
        ["security", "military-technical"],
        ["a; b", "c"],
        ["back\\slash", "semi;colon;", "\\;"],
        ["ends with \\"],
        ["machinery, equipment and vehicles", "food products"],
    ])
    func everyListReadsBackExactly(_ items: [String]) throws {
        let text = ListCell.encode(items)
        #expect(try ListCell.decode(text).get() == items, "\(text)")
    }

    @Test func theEncodingIsReadable() {
        #expect(ListCell.encode(["oil and gas", "energy"]) == "oil and gas; energy")
        #expect(ListCell.encode(["a; b", "c\\d"]) == "a\\; b; c\\\\d")
    }

    @Test func handTypedVariantsRead() throws {
        #expect(try ListCell.decode("energy;hydropower").get() == ["energy", "hydropower"])
        #expect(try ListCell.decode("  energy ;  hydropower ").get() == ["energy", "hydropower"])
        #expect(try ListCell.decode("C:\\path").get() == ["C:\\path"])
    }

    @Test(arguments: [("energy;", 2), ("; energy", 1), ("energy;; trade", 2), (" ", 1)])
    func emptyItemsAreRefused(_ text: String, _ position: Int) {
        #expect(throws: ListCellError(position: position)) { try ListCell.decode(text).get() }
    }

    @Test func thePatternAcceptsEncodedListsOnly() throws {
        let pattern = try Regex(ListCell.pattern(item: "energy|oil and gas"))
        #expect("energy; oil and gas".wholeMatch(of: pattern) != nil)
        #expect("energy".wholeMatch(of: pattern) != nil)
        #expect("energy;oil and gas".wholeMatch(of: pattern) == nil)
        #expect("energy; coal".wholeMatch(of: pattern) == nil)
        let any = try Regex(ListCell.pattern(item: ListCell.anyItem))
        #expect(ListCell.encode(["a; b", "c\\d"]).wholeMatch(of: any) != nil)
    }
}

@Suite struct FormulaGuardTests {
    @Test(arguments: ["=SUM(A1)", "+7", "-x", "@cmd", "\tTab", "\rCR", "'quoted", "''", "'", "plain", "", "1-2", "Кириллица"])
    func guardedTextReadsBackExactly(_ text: String) {
        let cell = FormulaGuard.guarded(text)
        #expect(FormulaGuard.unguarded(cell) == text)
        if FormulaGuard.needsGuard(text) {
            #expect(cell == "'" + text)
        } else {
            #expect(cell == text)
        }
    }

    @Test func numbersAreNeverGuardedAndTextIsOnlyInTheExcelDialects() {
        let number = FieldSpec("value", "Value", .number, description: "")
        let text = FieldSpec("note", "Note", .text, description: "")
        #expect(CellCodec(dialect: .excel).text(of: .number(-5), field: number) == "-5")
        #expect(CellCodec(dialect: .excelSemicolon).text(of: .number(-0.5), field: number) == "-0,5")
        #expect(CellCodec(dialect: .excel).text(of: .text("=1+2"), field: text) == "'=1+2")
        #expect(CellCodec(dialect: .rfc4180).text(of: .text("=1+2"), field: text) == "=1+2")
        #expect(CellCodec(dialect: .rfc4180).read("'=1+2", field: text, location: at).value == .text("'=1+2"))
        #expect(CellCodec(dialect: .excel).read("'=1+2", field: text, location: at).value == .text("=1+2"))
    }

    let at = Location(file: "t.csv", line: 2, column: 3)

    @Test func theDecimalMarkIsTheDialects() {
        let number = FieldSpec("value", "Value", .number, description: "")
        #expect(CellCodec(dialect: .excelSemicolon).read("71,427774", field: number, location: at).value == .number(71.427774))
        #expect(CellCodec(dialect: .rfc4180).read("71.427774", field: number, location: at).value == .number(71.427774))
        #expect(CellCodec(dialect: .excelSemicolon).read("1,2E+10", field: number, location: at).value == .number(12_000_000_000))
        let wrong = CellCodec(dialect: .excelSemicolon).read("71.5", field: number, location: at)
        #expect(wrong.value == nil && wrong.unreadable)
        #expect(
            wrong.findings.map(\.message) == ["value: '71.5' is not a number: the decimal mark here is ',', not '.'"])
        #expect(wrong.findings.map(\.location) == [at])
    }
}
