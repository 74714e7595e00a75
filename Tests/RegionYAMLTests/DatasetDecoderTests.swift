import RegionSchema
import Testing

@testable import RegionYAML

/// The dataset decoder reads rows straight from events: what it reports, where, and what it keeps.
@Suite("Dataset decoder")
struct DatasetDecoderTests {
    static func decode(_ text: String, chunkSize: Int = YAMLInput.defaultChunkSize) throws(YAMLError) -> DatasetYAMLCodec.Decoded {
        try DatasetYAMLCodec.decode(.bytes(Array(text.utf8), name: "d.yaml", chunkSize: chunkSize))
    }

    /// Each finding as `code@line:column`.
    static func codes(_ decoded: DatasetYAMLCodec.Decoded) -> [String] {
        decoded.findings.map { "\($0.code)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    }

    @Test("keys that are not texts, duplicate keys and unknown fields are reported and skipped with their values")
    func keys() throws {
        let text = """
            regionkit: "1"
            [a, b]: 1
            {x: 1}: 2
            regionkit: "2"
            countries:
            - id: KAZ
              id: KGZ
              [k]: v
              name: Kazakhstan
              nmae: {deep: [x, [y]]}
              capital_longitude: "71.4"
              capital_latitude: [1, 2]
              role: {a: b}

            """
        for chunkSize in [1, 5, YAMLInput.defaultChunkSize] {
            let decoded = try Self.decode(text, chunkSize: chunkSize)
            #expect(
                Self.codes(decoded) == [
                    "yaml.key@2:1", "yaml.key@3:1", "yaml.duplicate-key@4:1", "yaml.duplicate-key@7:3", "yaml.key@8:3",
                    "schema.unknown-field@10:3", "schema.type@11:22", "schema.type@12:21", "schema.type@13:9",
                ])
            #expect(decoded.dataset.schemaVersion == "1")
            let row = try #require(decoded.dataset[.countries].first)
            #expect(row.id == "KAZ")
            #expect(row["name"] == .text("Kazakhstan"))
            #expect(row.unreadable == ["capital_longitude", "capital_latitude", "role"])
            #expect(row.location == Location(file: "d.yaml", line: 6, column: 3))
            #expect(row.fieldLocations["capital_latitude"] == Location(file: "d.yaml", line: 12, column: 21))
            #expect(row.fieldLocations["nmae"] == nil)
        }
    }

    @Test("tables and values of the wrong shape, nulls, lists and unquoted dates")
    func values() throws {
        let text = """
            regionkit: "1"
            widgets:
              - a: [1, [2, {b: c}]]
            countries: {a: 1}
            events:
            - 5
            - [a]
            - id: e1
              date: 2019-10-03
              end: 2019
              countries: KAZ
            - id: e2
              date: "2019"
              countries: [KAZ, ~, [x], {a: b}, "", null, !!str null]
              organization:
            - id: e3
              countries: {a: b}
              date: ~
              summary: !!str 12
            countries:
            - id: X

            """
        let decoded = try Self.decode(text, chunkSize: 3)
        #expect(
            Self.codes(decoded) == [
                "schema.unknown-table@2:1", "schema.type@4:12", "schema.type@6:3", "schema.type@7:3",
                "yaml.unquoted-date@9:9", "yaml.unquoted-date@10:8", "schema.type@11:14", "schema.type@14:20",
                "schema.type@14:23", "schema.type@14:28", "schema.type@14:40", "schema.type@17:14",
                "yaml.duplicate-key@20:1",
            ])
        #expect(decoded.dataset[.countries].isEmpty)
        let events = decoded.dataset[.events]
        #expect(events.map(\.id) == ["e1", "e2", "e3"])
        #expect(events[0]["date"] == .date(try #require(PartialDate(iso: "2019-10-03"))))
        #expect(events[0].unreadable == ["countries"])
        #expect(events[1]["countries"] == .list(["KAZ", "", "null"]))
        #expect(events[1].has("organization") == false)
        #expect(events[1].fieldLocations["organization"] == Location(file: "d.yaml", line: 15, column: 16))
        #expect(events[2]["summary"] == .text("12"))
        #expect(events[2].has("date") == false)
    }

    @Test("a document that is no mapping, an empty stream and a missing version")
    func documentShape() throws {
        #expect(Self.codes(try Self.decode("- a\n- b\n")) == ["schema.type@1:1"])
        #expect(Self.codes(try Self.decode("# nothing\n")) == ["yaml.empty@0:0"])
        #expect(Self.codes(try Self.decode("sources:\n- id: s\n")) == ["schema.version@1:1"])
        #expect(Self.codes(try Self.decode("regionkit: {a: 1}\nsources: ~\n")) == ["schema.version@1:12"])
        #expect(Self.codes(try Self.decode("regionkit: 2\n")) == ["schema.version@1:12"])
    }

    @Test("what is skipped is still read: depth, anchors, aliases and a second document are refused")
    func refusalsInsideSkippedNodes() throws {
        let deep = "regionkit: \"1\"\nwidgets: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        let cases: [(String, YAMLError.Kind, YAMLMark)] = [
            (deep, .tooDeep, YAMLMark(line: 2, column: 209, offset: 223)),
            ("regionkit: \"1\"\nwidgets: {a: &x 1}\n", .aliasNotAllowed, YAMLMark(line: 2, column: 14, offset: 28)),
            ("regionkit: \"1\"\nsources: *a\n", .aliasNotAllowed, YAMLMark(line: 2, column: 10, offset: 24)),
            ("regionkit: \"1\"\n---\nregionkit: \"1\"\n", .multipleDocuments, YAMLMark(line: 2, column: 1, offset: 15)),
        ]
        for (text, kind, mark) in cases {
            do {
                _ = try Self.decode(text)
                Issue.record("no error for \(text.prefix(40))")
            } catch {
                #expect(error.kind == kind)
                #expect(error.mark == mark)
            }
        }
    }

    @Test("a node limit bounds the tree only: decoding a dataset counts no nodes")
    func noNodeLimitWhenDecoding() throws {
        let text = "regionkit: \"1\"\nevents:\n" + String(repeating: "- id: e\n  countries: [KAZ, KGZ]\n", count: 20)
        let decoded = try DatasetYAMLCodec.decode(.bytes(Array(text.utf8), name: "d.yaml"), limits: YAMLLimits(maxNodes: 10))
        #expect(decoded.dataset[.events].count == 20)
        #expect(parseError(text, limits: YAMLLimits(maxNodes: 10))?.kind == .tooManyNodes)
    }
}

/// A text written without quotes that YAML readers take for a number, a boolean or null is not a text: JSON Schema
/// validators reading the YAML refuse it, so RegionKit does too.
@Suite("Plain scalars in text fields")
struct PlainScalarTests {
    @Test(arguments: ["5", "-0.5", "1e5", "1_000", "0x1F", "0o17", ".inf", "-.INF", ".nan", "true", "FALSE"])
    func refused(_ plain: String) throws {
        let decoded = try DatasetDecoderTests.decode("regionkit: \"1\"\ncountries:\n- id: KAZ\n  name: \(plain)\n")
        #expect(DatasetDecoderTests.codes(decoded) == ["schema.type@4:9"], "\(plain)")
        #expect(decoded.findings.first?.hint == "write it in quotes: \"\(plain)\"")
        #expect(decoded.dataset[.countries].first?["name"] == nil)
    }

    @Test(arguments: ["yes", "on", "2019-10-03", "1.2.3", "!!str 5", ".", "5 km", "e5", "Inf"])
    func accepted(_ plain: String) throws {
        let decoded = try DatasetDecoderTests.decode("regionkit: \"1\"\ncountries:\n- id: KAZ\n  name: \(plain)\n")
        #expect(decoded.findings.isEmpty, "\(plain)")
        #expect(decoded.dataset[.countries].first?["name"] == .text(plain.replacing("!!str ", with: "")))
    }

    @Test func listItemsToo() throws {
        let decoded = try DatasetDecoderTests.decode("regionkit: \"1\"\ntrade:\n- id: t\n  goods: [cotton, 5, \"6\"]\n")
        #expect(DatasetDecoderTests.codes(decoded) == ["schema.type@4:19"])
        #expect(decoded.dataset[.trade].first?["goods"] == .list(["cotton", "6"]))
    }
}
