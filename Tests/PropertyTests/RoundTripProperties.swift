import Foundation
import PropertySupport
import RegionKitFormats
import TestSupport
import Testing

/// Export, then import, changes nothing: for generated datasets full of awkward values, in every format that imports.
@Suite struct RoundTripProperties {
    /// Writes the case as the canonical file, exports it in `format`, imports `file(exportFolder)` against it.
    static func roundTrip(
        _ generated: GeneratedDataset, _ format: any DatasetExporter, options: [String: String] = [:],
        file: (String) -> String
    ) throws -> String? {
        let scratch = try CaseFolder(generated)
        let output = try scratch.export(format, options: options)
        let failure = CaseFolder.unexpected(try scratch.importing(file(output)))
        if failure == nil { scratch.remove() }
        return failure
    }

    @Test func yamlExportThenImportChangesNothing() throws {
        try checkProperty(
            "YAML: export, then import, changes nothing", filter: "RoundTripProperties/yamlExportThenImportChangesNothing",
            cases: 80,
            eachCase { try Self.roundTrip($0, YAMLFormat()) { $0 + "/export.yaml" } })
    }

    @Test(arguments: CSVDialect.allCases)
    func csvExportThenImportChangesNothing(_ dialect: CSVDialect) throws {
        try checkProperty(
            "CSV \(dialect): export, then import, changes nothing", filter: "RoundTripProperties/csvExportThenImportChangesNothing",
            cases: 60,
            eachCase { try Self.roundTrip($0, CSVFormat(), options: [CSVFormat.dialectOption: dialect.name]) { $0 } })
    }

    @Test func workbookExportThenImportChangesNothing() throws {
        try checkProperty(
            "workbook: export, then import, changes nothing",
            filter: "RoundTripProperties/workbookExportThenImportChangesNothing", cases: 80,
            eachCase { try Self.roundTrip($0, XLSXFormat()) { $0 + "/export.xlsx" } })
    }

    /// Each conversion starts LibreOffice (seconds), so fewer, larger cases, converted together in one run.
    @Test func workbookResavedByLibreOfficeImportsWithoutChanges() throws {
        try checkProperty(
            "workbook re-saved by LibreOffice: export, then import, changes nothing",
            filter: "RoundTripProperties/workbookResavedByLibreOfficeImportsWithoutChanges", cases: 4, scale: 25,
            generator: DatasetCaseGenerator(maxRows: 6), batchSize: 8, shrinkBudget: 80, shrinkSeconds: 45
        ) { batch in
            var folders: [CaseFolder] = []
            var inputs: [String] = []
            for (index, generated) in batch.enumerated() {
                let scratch = try CaseFolder(generated)
                folders.append(scratch)
                inputs.append(try scratch.export(XLSXFormat(), name: "case-\(index)") + "/case-\(index).xlsx")
            }
            let converted = try LibreOffice.convert(inputs)
            return zip(folders, converted).map { scratch, workbook in
                do {
                    let failure = CaseFolder.unexpected(try scratch.importing(workbook))
                    if failure == nil { scratch.remove() }
                    return failure
                } catch {
                    return "\(error)"
                }
            }
        }
    }
}
