import RegionKitFormats
import Testing

/// The strict JSON reader: what it accepts, and where and why it refuses the rest.
@Suite struct JSONReaderTests {
    let reader = JSONReader()

    func refusal(_ text: String, reader: JSONReader = JSONReader()) -> JSONSyntaxError? {
        do {
            _ = try reader.read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsValuesKeepingMemberOrder() throws {
        let value = try reader.read(#" {"b": [1, -2.5e3, true, false, null], "a": "x\u00e9\ud83d\ude00\n\"", "c": {}} "#)
        #expect(value.objectMembers?.map(\.0) == ["b", "a", "c"])
        #expect(value["b"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(value["a"] == .string("xé😀\n\""))
        #expect(value["c"] == .object([]))
        #expect(try reader.read("0") == .number(0))
        #expect(try reader.read("\u{FEFF}[]") == .array([]))
    }

    @Test(arguments: [
        ("[1,]", "trailing comma before ']'", 1, 4),
        ("{\"a\":1,}", "trailing comma before '}'", 1, 8),
        ("[01]", "a number cannot have a leading zero", 1, 2),
        ("[NaN]", "NaN and Infinity are not JSON numbers", 1, 2),
        ("[-Infinity]", "NaN and Infinity are not JSON numbers", 1, 2),
        ("[1e400]", "the number 1e400 is out of range", 1, 2),
        ("[1.]", "a number needs a digit after '.'", 1, 4),
        ("[\"a\tb\"]", "a string holds a raw control character (U+0009); escape it", 1, 4),
        ("[\"\\ud800\"]", "\\uD800 is a lone surrogate", 1, 3),
        ("[\"\\x\"]", "'\\x' is not a JSON escape", 1, 3),
        ("{\"a\":1,\n \"a\":2}", "duplicate member name \"a\"", 2, 2),
        ("[1] [2]", "unexpected '[' after the end of the JSON value", 1, 5),
        ("", "the document is empty; expected a JSON value", 1, 1),
        ("[1, // no comments\n2]", "expected a JSON value, found '/'", 1, 5),
        ("{'a': 1}", "expected a quoted member name, found '''", 1, 2),
        ("[\"é\", tru]", "expected a JSON value, found 't'", 1, 7),
    ])
    func refusesWithLineColumnAndMessage(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        let error = refusal(text)
        #expect(error?.message == message, "\(text)")
        #expect(error?.line == line, "\(text)")
        #expect(error?.column == column, "\(text)")
    }

    @Test func refusesBytesThatAreNotUTF8() {
        var error: JSONSyntaxError?
        do {
            _ = try reader.read([UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")])
        } catch let caught {
            error = caught
        }
        #expect(error?.message == "a string holds bytes that are not UTF-8")
    }

    @Test func errorsNameThePathOfTheValueBeingRead() {
        let error = refusal(#"{"features": [{"type": "Feature"}, {"geometry": {"coordinates": [1, NaN]}}]}"#)
        #expect(error?.path.description == "features[1].geometry.coordinates[1]")
        #expect(error?.description.hasSuffix("NaN and Infinity are not JSON numbers (at features[1].geometry.coordinates[1])") == true)
    }

    @Test func locatedErrorsReadLikeACompilersWithACaret() {
        let error = refusal("{\n  \"a\": [1, 2,]\n}")?.located(in: "bad.geojson")
        #expect(error?.kind == .syntax)
        #expect(error?.message == "bad.geojson:2:14: error: trailing comma before ']' (at a)\n  \"a\": [1, 2,]\n             ^")
    }

    @Test func depthIsLimited() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(
            refusal(deep, reader: JSONReader(limits: .init(maxDepth: 32)))?.message == "arrays and objects are nested deeper than 32 levels"
        )
        #expect(refusal(deep) == nil)
        let hostile = String(repeating: "[", count: 100_000)
        #expect(refusal(hostile)?.message == "arrays and objects are nested deeper than 256 levels")
    }

    @Test func duplicateKeysCanBeAllowed() throws {
        let value = try JSONReader(allowsDuplicateKeys: true).read(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value == .object([("b", .number(2)), ("a", .number(3))]))
    }

    @Test func pathsQuoteKeysThatAreNotPlainWords() {
        let path = JSONPath.root.appending("features").appending(3).appending("properties").appending("iso a3")
        #expect(path.description == #"features[3].properties["iso a3"]"#)
        #expect(JSONPath.root.description == "$")
        #expect(JSONPath.root.appending(0).appending("2x").description == #"[0]["2x"]"#)
    }
}
