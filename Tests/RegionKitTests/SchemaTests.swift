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
