import Foundation
import RegionKitFormats
import TestSupport
import Testing

@Suite struct SchemaTests {
    @Test func committedSchemasEqualTheGeneratedOnes() throws {
        for file in SchemaJob.files() {
            let committed = try String(contentsOfFile: Repository.path("Schemas/\(file.name)"), encoding: .utf8)
            #expect(committed == file.text, "Schemas/\(file.name) is stale: run 'make schema'")
        }
        #expect(Repository.files(under: Repository.path("Schemas")) == SchemaJob.files().map(\.name).sorted())
    }

    @Test func schemaListsEveryTableFieldAndClosedList() throws {
        let schema = JSONSchemaGenerator.datasetSchema()
        for spec in DatasetSchema.tables {
            let row = try #require(schema["$defs"]?[spec.id.rawValue])
            let properties = try #require(row["properties"])
            for field in spec.fields { #expect(properties[field.key] != nil, "\(spec.id).\(field.key)") }
            guard case .array(let items)? = row["required"] else { Issue.record("no required list for \(spec.id)"); continue }
            let required = Set(
                items.compactMap { item -> String? in
                    if case .string(let key) = item { return key }
                    return nil
                })
            #expect(required == Set(spec.fields.filter(\.required).map(\.key)))
        }
        for domain in Domains.all { #expect(schema["$defs"]?[domain.name]?["enum"] == .array(domain.values.map(JSONValue.string))) }
    }

    /// check-jsonschema, an independent validator from PyPI, accepts the canonical dataset with the committed schema.
    @Test func independentValidatorAcceptsTheCanonicalDataset() throws {
        let run = try ProgramRun.tool(
            "check-jsonschema", ["--schemafile", "Schemas/dataset.schema.json", "Fixtures/central-asia/dataset.yaml"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// RegionKit and check-jsonschema count a text's length alike, in Unicode code points: a note of 400 family
    /// emoji (400 characters as a person sees them, 2 000 code points) is too long for both, and a note of exactly
    /// 400 code points made of letters with combining accents (200 as a person sees them) is fine for both.
    @Test func lengthsAreCodePointsForRegionKitAndCheckJSONSchema() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F466}"
        let cases: [(name: String, note: String, valid: Bool)] = [
            ("emoji.yaml", String(repeating: family, count: 400), false),
            ("combining.yaml", String(repeating: "e\u{301}", count: 200), true),
            ("combining-over.yaml", String(repeating: "e\u{301}", count: 200) + "e", false),
        ]
        for (name, note, valid) in cases {
            let path = folder + "/" + name
            try Self.datasetWithNote(note).write(toFile: path, atomically: true, encoding: .utf8)
            let checked = try ProgramRun.tool("check-jsonschema", ["--schemafile", "Schemas/dataset.schema.json", path])
            #expect((checked.status == 0) == valid, "check-jsonschema on \(name): \(checked.stdout)\(checked.stderr)")
            let validated = try RegionKitBinary.run(["validate", path])
            #expect(validated.status == (valid ? 0 : 1), "regionkit validate \(name): \(validated.stdout)\(validated.stderr)")
            if !valid {
                let length = note.unicodeScalars.count
                #expect(
                    validated.stdout.contains(
                        "\(name):20:9: error: note: the text has \(length) characters (Unicode code points); at most 400 are allowed [schema.length]"
                    ), "\(validated.stdout)")
            }
        }
    }

    /// A null is an empty field: fine for both validators in an optional field, refused by both in a required one;
    /// a number written without quotes in a text field is no text for either.
    @Test func nullsAndUnquotedNumbersGetTheSameVerdictFromBoth() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let valid = Self.datasetWithNote("x")
        let cases: [(name: String, text: String, valid: Bool)] = [
            ("null-note.yaml", valid.replacing("  note: \"x\"\n", with: "  note: ~\n"), true),
            ("empty-note.yaml", valid.replacing("  note: \"x\"\n", with: "  note:\n"), true),
            ("null-unit.yaml", valid.replacing("  unit: USD\n", with: "  unit: null\n"), false),
            ("number-name.yaml", valid.replacing("  name: Kazakhstan\n", with: "  name: 5\n"), false),
            ("boolean-unit.yaml", valid.replacing("  unit: USD\n", with: "  unit: true\n"), false),
        ]
        for (name, text, valid) in cases {
            let path = folder + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let checked = try ProgramRun.tool("check-jsonschema", ["--schemafile", "Schemas/dataset.schema.json", path])
            #expect((checked.status == 0) == valid, "check-jsonschema on \(name): \(checked.stdout)\(checked.stderr)")
            let validated = try RegionKitBinary.run(["validate", path])
            #expect(validated.status == (valid ? 0 : 1), "regionkit validate \(name): \(validated.stdout)\(validated.stderr)")
        }
    }

    /// A small valid dataset whose one indicator has `note`.
    static func datasetWithNote(_ note: String) -> String {
        """
        regionkit: "1"
        sources:
        - id: src
          title: T
          author: A
          publisher: P
          published: "2019"
        countries:
        - id: KAZ
          alpha2: KZ
          name: Kazakhstan
          role: central asian state
          source: src
          quote: "Q"
        indicators:
        - id: kaz-x
          country: KAZ
          indicator: x
          unit: USD
          note: "\(note)"
          source: src
          quote: "Q"

        """
    }
}

/// Each file in Fixtures/invalid breaks one rule, named on its first line as `# expect: CODE`.
@Suite struct InvalidFixtureTests {
    static let folder = Repository.path("Fixtures/invalid")
    static let names = Repository.files(under: folder).filter { $0.hasSuffix(".yaml") }

    static func expectedCode(_ name: String) throws -> String {
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        let first = text.prefix { $0 != "\n" }
        guard first.hasPrefix("# expect: ") else { throw MissingTool(name: "an '# expect: CODE' line in \(name)") }
        return String(first.dropFirst("# expect: ".count))
    }

    @Test func thereIsAFixtureForEveryRule() throws {
        let codes = Set(try Self.names.map(Self.expectedCode))
        let ruleNames = DatasetRules.all.map { type(of: $0).name }
        for name in ruleNames {
            #expect(codes.contains { $0 == name || $0.hasPrefix(name + ".") }, "no invalid fixture for rule \(name)")
        }
    }

    @Test(arguments: names)
    func regionKitRejectsWithALocatedFinding(_ name: String) throws {
        let path = "Fixtures/invalid/" + name
        let loaded = try DatasetLoader().load(Repository.path(path))
        let code = try Self.expectedCode(name)
        let finding = try #require(loaded.findings.first { $0.code == code && $0.severity == .error }, "\(loaded.findings)")
        #expect(finding.location?.line != nil && finding.location?.column != nil)
    }

    /// Rules JSON Schema can express (files named schema-* and yaml-*) are rejected by check-jsonschema too;
    /// the semantic-* ones are beyond JSON Schema, so it accepts them and only RegionKit catches them.
    @Test(arguments: names)
    func independentValidatorAgrees(_ name: String) throws {
        let run = try ProgramRun.tool("check-jsonschema", ["--schemafile", "Schemas/dataset.schema.json", "Fixtures/invalid/" + name])
        if name.hasPrefix("semantic-") {
            #expect(run.status == 0, "\(name): \(run.stdout)")
        } else {
            #expect(run.status != 0, "\(name) passed check-jsonschema")
        }
    }
}
