import Foundation
import PropertySupport
import RegionKitFormats
import TestSupport
import Testing

/// `regionkit validate` and `check-jsonschema --schemafile Schemas/dataset.schema.json` give the same verdict on
/// generated datasets: valid ones, and ones each broken by one rule JSON Schema can express.
@Suite struct ValidatorAgreementProperty {
    /// One rule JSON Schema can express, broken once.
    enum Break: String, CaseIterable {
        case requiredRemoved = "a required field removed"
        case wrongType = "a value of the wrong type"
        case enumMisspelled = "a closed-list value misspelled"
        case patternBroken = "a pattern broken"
        case outOfRange = "a number out of range"
        case overMaxLength = "a text over its maximum length"
        case unknownField = "an unknown field"
        case controlCharacter = "a forbidden control character"
    }

    /// A file to judge: what it is, and its YAML.
    struct Instance {
        var name: String
        var what: String
        var yaml: String
    }

    /// The valid dataset and one broken copy per rule, as YAML, chosen by the case's seed.
    static func instances(of generated: GeneratedDataset) throws -> [Instance] {
        var rng = SplitMix64(seed: generated.seed ^ 0xB0_7E4)
        var result = [Instance(name: "valid", what: "the valid dataset", yaml: try DatasetYAMLText.of(generated.dataset))]
        for kind in Break.allCases {
            var dataset = generated.dataset
            let what: String
            var yaml: String?
            func pick(_ filter: (FieldSpec) -> Bool) -> (TableID, Int, FieldSpec)? {
                var places: [(TableID, Int, FieldSpec)] = []
                for spec in DatasetSchema.tables {
                    for (index, record) in dataset[spec.id].enumerated() {
                        for field in spec.fields where filter(field) && record[field.key] != nil { places.append((spec.id, index, field)) }
                    }
                }
                return places.isEmpty ? nil : rng.pick(places)
            }
            switch kind {
            case .requiredRemoved:
                guard let (table, row, field) = pick({ $0.required }) else { continue }
                dataset[table][row][field.key] = nil
                what = "\(table)[\(row)].\(field.key) removed"
            case .wrongType:
                guard let (table, row, field) = pick({ _ in true }) else { continue }
                let value = dataset[table][row][field.key]
                let wrong: Value
                switch field.type {
                case .number: wrong = .text(value.map { Value.format($0.number ?? 12) } ?? "12")
                case .date: wrong = .list([value?.date?.description ?? "2019"])
                case .list: wrong = .text(value?.list?.first ?? "x")
                default: wrong = .number(5)
                }
                dataset[table][row][field.key] = wrong
                what = "\(table)[\(row)].\(field.key) = \(PropertyText.show(wrong))"
            case .enumMisspelled:
                guard let (table, row, field) = pick({ $0.domain != nil }) else { continue }
                let misspelled: Value
                if let items = dataset[table][row][field.key]?.list {
                    misspelled = .list(items.dropLast() + [(items.last ?? "x") + "x"])
                } else {
                    misspelled = .text((dataset[table][row][field.key]?.text ?? "") + "e")
                }
                dataset[table][row][field.key] = misspelled
                what = "\(table)[\(row)].\(field.key) = \(PropertyText.show(misspelled))"
            case .patternBroken:
                guard let (table, row, field) = pick({ $0.pattern != nil && !$0.type.isList }) else { continue }
                let text = dataset[table][row][field.key]?.text ?? "x"
                let broken = field.pattern == .url ? "ftp://" + text : text.lowercased() + " X"
                dataset[table][row][field.key] = .text(broken)
                what = "\(table)[\(row)].\(field.key) = \(PropertyText.quoted(broken))"
            case .outOfRange:
                guard let row = dataset[.countries].indices.first else { continue }
                let longitude = rng.pick([180.5, -181, 1e21])
                dataset[.countries][row]["capital"] = dataset[.countries][row]["capital"] ?? .text("Capital")
                dataset[.countries][row]["capital_longitude"] = .number(longitude)
                dataset[.countries][row]["capital_latitude"] = dataset[.countries][row]["capital_latitude"] ?? .number(0)
                what = "countries[\(row)].capital_longitude = \(longitude)"
            case .overMaxLength:
                guard let (table, row, field) = pick({ $0.maxLength != nil && $0.pattern == nil }) else { continue }
                let long = String(repeating: "x", count: (field.maxLength ?? 0) + 1)
                dataset[table][row][field.key] = .text(long)
                what = "\(table)[\(row)].\(field.key) = \(long.count) × 'x'"
            case .unknownField:
                let tables = TableID.allCases.filter { !dataset[$0].isEmpty }
                guard let table = tables.isEmpty ? nil : rng.pick(tables) else { continue }
                var lines = try DatasetYAMLText.of(dataset).components(separatedBy: "\n")
                guard let header = lines.firstIndex(of: "\(table.rawValue):"), lines[header + 1].hasPrefix("- id:") else { continue }
                lines.insert("  colour: red", at: header + 2)
                yaml = lines.joined(separator: "\n")
                what = "\(table)[0].colour = \"red\""
            case .controlCharacter:
                guard let (table, row, field) = pick({ $0.type == .text && $0.pattern == nil && $0.key != "text" }) else { continue }
                let text = dataset[table][row][field.key]?.text ?? "x"
                let broken = String(text.prefix(1)) + "\u{1}" + String(text.dropFirst())
                dataset[table][row][field.key] = .text(broken)
                what = "\(table)[\(row)].\(field.key) holds U+0001"
            }
            result.append(
                Instance(name: String(describing: kind), what: "\(kind.rawValue): \(what)", yaml: try yaml ?? DatasetYAMLText.of(dataset)))
        }
        return result
    }

    @Test func regionKitAndCheckJSONSchemaAgree() throws {
        try checkProperty(
            "regionkit validate and check-jsonschema give the same verdict",
            filter: "ValidatorAgreementProperty", cases: 30, batchSize: 30, shrinkBatchSize: 4, shrinkBudget: 120, shrinkSeconds: 20
        ) { batch in
            var files: [(case: Int, path: String, instance: Instance, folder: String)] = []
            var folders: [String] = []
            for (index, generated) in batch.enumerated() {
                let folder = try Scratch.folder()
                folders.append(folder)
                try generated.writeSourceTexts(to: folder)
                for instance in try Self.instances(of: generated) {
                    let path = folder + "/\(instance.name).yaml"
                    try instance.yaml.write(toFile: path, atomically: false, encoding: .utf8)
                    files.append((index, path, instance, folder))
                }
            }
            let rejected = try CheckJSONSchema.rejected(files.map(\.path))
            var failures = [String?](repeating: nil, count: batch.count)
            for file in files {
                let loaded = try? DatasetLoader().load(file.path)
                let regionKitValid = loaded?.isValid ?? false
                let schemaValid = rejected[file.path] == nil
                if file.instance.name != "valid" && regionKitValid && schemaValid {
                    failures[file.case] =
                        (failures[file.case].map { $0 + "\n" } ?? "")
                        + "\(file.instance.what): both validators accept it, so the break broke nothing (a defect of the test)"
                    continue
                }
                guard regionKitValid != schemaValid else { continue }
                let errors = loaded?.findings.filter { $0.severity == .error }.map { "    \($0)" } ?? ["    (not YAML)"]
                let line =
                    "\(file.instance.what): regionkit validate says \(regionKitValid ? "valid" : "invalid"), check-jsonschema says \(schemaValid ? "valid" : "invalid")"
                    + (regionKitValid ? "" : "\n  regionkit:\n" + errors.joined(separator: "\n"))
                    + (rejected[file.path].map { "\n  check-jsonschema:\n    " + $0.joined(separator: "\n    ") } ?? "")
                failures[file.case] = (failures[file.case].map { $0 + "\n" } ?? "") + line
            }
            for (index, folder) in folders.enumerated() where failures[index] == nil { Scratch.remove(folder) }
            return failures
        }
    }
}

/// check-jsonschema on many files in one run.
enum CheckJSONSchema {
    /// The files check-jsonschema rejects, with its messages.
    static func rejected(_ paths: [String]) throws -> [String: [String]] {
        let run = try ProgramRun.tool(
            "check-jsonschema", ["-o", "json", "--schemafile", Repository.path("Schemas/dataset.schema.json")] + paths)
        guard let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] else {
            throw PropertyFailure("check-jsonschema printed no JSON (status \(run.status)):\n\(run.stdout)\n\(run.stderr)")
        }
        var rejected: [String: [String]] = [:]
        for error in (object["errors"] as? [[String: Any]] ?? []) + (object["parse_errors"] as? [[String: Any]] ?? []) {
            let file = error["filename"] as? String ?? ""
            let message = "\(error["path"] as? String ?? ""): \(error["message"] as? String ?? "\(error)")"
            rejected[file, default: []].append(String(message.prefix(300)))
        }
        return rejected
    }
}
