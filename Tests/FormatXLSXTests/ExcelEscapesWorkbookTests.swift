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
        #expect(imported.dataset[.countries].prefix(names.count).map { $0["name"] } == names.map { .text($0) })
        let same = try imported.dataset == dataset && imported.base == dataset
        #expect(same, "the dataset or the export record's copy of it reads back otherwise")
    }
}
