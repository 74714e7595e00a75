import Foundation
import RegionKitFormats
import TestSupport
import Testing

@testable import FormatXLSX

/// Text with a carriage return or with what looks like Excel's `_xHHHH_` escapes reads back exactly through a
/// workbook that libxlsxwriter wrote, which escapes carriage returns itself.
@Suite struct ExcelEscapesWorkbookTests {
    /// The workbook fuzzer's round-trip check found a carriage return coming back as `_x000D_`; the texts after it
    /// put an escape's digits right before a character libxlsxwriter escapes, so that its underscore ends them.
    @Test func textsReadBackThroughAnExportedWorkbook() throws {
        var dataset = try DatasetLoader().load(Repository.dataset).dataset
        let names = ["Kazakh\rstan", "Kyrgyz_x0041_stan", "Tajik_x000D\ristan", "Turkmen_x005F\r_x0041"]
        for (index, name) in names.enumerated() {
            dataset[.countries][index]["name"] = .text(name)
        }
        let path = try Repository.temporaryFolder() + "/escapes.xlsx"
        try WorkbookExporter().write(dataset, name: "escapes", to: path)
        let imported = try XLSXFormat().read(path)
        // Every escape reads back as written; the carriage returns, which the dataset refuses (a validation error),
        // come back as the dataset's one line break, as from every tabular format.
        let lineFeeds = names.map { Value.text($0.replacing("\r", with: "\n")) }
        #expect(imported.dataset[.countries].prefix(names.count).map { $0["name"] } == lineFeeds)
        #expect(try imported.base == dataset, "the export record's copy of the dataset reads back otherwise")
    }
}
