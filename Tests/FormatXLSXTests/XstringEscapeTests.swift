import Foundation
import RegionKitFormats
import TestSupport
import Testing

@testable import FormatXLSX

/// Text with control characters or with `_xHHHH_` of its own reads back as it was written, and escapes that Excel
/// and libxlsxwriter write are undone.
@Suite struct XstringEscapeTests {
    @Test func escapesAreUndone() {
        #expect(XstringEscape.decoded("Kazakh_x000D_stan") == "Kazakh\rstan")
        #expect(XstringEscape.decoded("_x000d__x0001_") == "\r\u{1}")
        #expect(XstringEscape.decoded("_x005F_x0041_") == "_x0041_")
        #expect(XstringEscape.decoded("_xD83C__xDF0D_ Earth") == "🌍 Earth")
        #expect(XstringEscape.decoded("plain _x12_ _xZZZZ_ _X0041_") == "plain _x12_ _xZZZZ_ _X0041_")
        // A lone surrogate stands for no character: its escape stays as it is.
        #expect(XstringEscape.decoded("_xD83C_!") == "_xD83C_!")
    }

    @Test func aTextsOwnEscapesAreWrittenToReadBack() {
        #expect(XstringEscape.encoded("no escapes_x") == "no escapes_x")
        #expect(XstringEscape.encoded("_x0041_") == "_x005F_x0041_")
        for text in ["_x0041_", "a_x000D\u{1}", "__x0041__x0042_", "_x005F_", "Қазақ_xABCD"] {
            #expect(XstringEscape.decoded(XstringEscape.encoded(text)) == text, "\(text)")
        }
    }

    /// Found by fuzzing the workbook reader: a carriage return in a cell came back as `_x000D_` after an export.
    @Test func textWithControlCharactersAndEscapesSurvivesAnExportAndImport() throws {
        var dataset = try DatasetLoader().load(Repository.dataset).dataset
        let names = ["Ka\rza\u{1}kh", "Kyrgyz_x0041_stan", "Tajik_x000D\u{1}istan", "Turkmen_x005F_istan"]
        for (index, name) in names.enumerated() {
            dataset[.countries][index]["name"] = .text(name)
        }
        let path = try Repository.temporaryFolder() + "/escapes.xlsx"
        try WorkbookExporter().write(dataset, name: "escapes", to: path)
        let imported = try XLSXFormat().read(path)
        #expect(imported.dataset[.countries].prefix(names.count).map { $0["name"] } == names.map { .text($0) })
        #expect(imported.dataset == dataset)
        #expect(imported.base == dataset)
    }
}
