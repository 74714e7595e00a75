import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// The exports as GDAL reads them: `ogrinfo` finds the layer, its features, fields and CRS, and `ogr2ogr` converts
/// it to a GeoPackage without a warning.
@Suite struct GDALTests {
    /// The country layer's fields as `ogrinfo` lists them: name and GDAL type. GDAL adds `id` from the feature ids.
    static let countryFields =
        ["id: String"]
        + GeoJSONExportTests.countryColumns.map { name in
            let type: String
            switch name {
            case "csto_since", "eurasec_since", "pamir_since": type = "Integer"
            case _ where GeoJSONExportTests.countryColumns.firstIndex(of: name).map({ (13...21).contains($0) }) == true: type = "Real"
            default: type = "String"
            }
            return "\(name): \(type)"
        }

    /// `ogrinfo -ro -al -so` of a file: the layer name, feature count, geometry, whether it is EPSG:4326, the fields.
    struct Summary {
        var layer = ""
        var featureCount = -1
        var geometry = ""
        var isEPSG4326 = false
        var fields: [String] = []

        init(_ output: String) {
            for line in output.split(separator: "\n").map(String.init) {
                if line.hasPrefix("Layer name: ") { layer = String(line.dropFirst(12)) }
                if line.hasPrefix("Feature Count: ") { featureCount = Int(line.dropFirst(15)) ?? -1 }
                if line.hasPrefix("Geometry: ") { geometry = String(line.dropFirst(10)) }
                if line.contains("ID[\"EPSG\",4326]") { isEPSG4326 = true }
                if let range = line.range(of: " ("), !line.hasPrefix(" "), line.contains(": "), line.hasSuffix(")"),
                    ["String", "Integer", "Real", "Integer64"].contains(where: { line.contains(": \($0) (") })
                {
                    fields.append(String(line[..<range.lowerBound]))
                }
            }
        }
    }

    func summary(_ path: String) throws -> (Summary, ProgramRun) {
        let run = try ProgramRun.tool("ogrinfo", ["-ro", "-al", "-so", path])
        return (Summary(run.stdout), run)
    }

    @Test func ogrinfoReadsTheCountryLayer() throws {
        let export = try GIS.export("geojson")
        let (info, run) = try summary(export.folder + "/central-asia-countries.geojson")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(info.layer == "countries")
        #expect(info.featureCount == 9)
        #expect(info.geometry == "Multi Polygon")
        #expect(info.isEPSG4326)
        #expect(info.fields == Self.countryFields)
    }

    @Test func ogrinfoReadsTheCapitalsAndTheSequence() throws {
        let export = try GIS.export("geojson")
        let (capitals, _) = try summary(export.folder + "/central-asia-capitals.geojson")
        #expect(capitals.layer == "capitals")
        #expect(capitals.featureCount == 8)
        #expect(capitals.geometry == "Point")
        #expect(capitals.isEPSG4326)
        #expect(capitals.fields == ["id: String", "iso_a3: String", "name: String", "country: String", "role: String", "kind: String"])

        let sequence = try GIS.export("geojsonseq")
        let (countries, run) = try summary(sequence.folder + "/central-asia-countries.geojsons")
        #expect(run.stdout.contains("using driver `GeoJSONSeq' successful"), "\(run.stdout)")
        #expect(countries.featureCount == 9)
        #expect(countries.isEPSG4326)
        #expect(countries.fields == Self.countryFields)
    }

    /// The indicator layer: one point per indicator row whose country has a capital, typed as a GIS filters on it.
    @Test func ogrinfoReadsTheIndicatorLayer() throws {
        let export = try GIS.export("geojson", ["layer=indicators"])
        #expect(export.run.status == 0, "\(export.run.stderr)")
        #expect(Repository.files(under: export.folder) == ["central-asia-indicators.geojson"])
        let (indicators, run) = try summary(export.folder + "/central-asia-indicators.geojson")
        #expect(run.status == 0 && run.stderr == "", "\(run.stderr)")
        let dataset = try DatasetLoader().load(Repository.dataset).dataset
        let placed = dataset.indicatorRows.filter { row in
            dataset.countryRows.contains { $0.id == row.country && $0.capitalLongitude != nil && $0.capitalLatitude != nil }
        }
        #expect(!placed.isEmpty)
        #expect(indicators.layer == "indicators")
        #expect(indicators.featureCount == placed.count)
        #expect(indicators.geometry == "Point")
        #expect(indicators.isEPSG4326)
        #expect(
            indicators.fields == [
                "id: String", "country: String", "partner: String", "indicator: String", "value: Real", "unit: String",
                "qualifier: String", "date: String", "year: Integer", "note: String", "source: String",
            ])
        // A figure, as GDAL reads it back: at its country's capital, with its value and year.
        let row = try #require(placed.first { $0.value != nil && $0.date != nil })
        let capital = try #require(dataset.countryRows.first { $0.id == row.country })
        let features = try ProgramRun.tool(
            "ogrinfo", ["-ro", "-al", "-q", "-where", "id = '\(row.id)'", export.folder + "/central-asia-indicators.geojson"])
        #expect(features.stdout.contains("value (Real) = \(Value.format(try #require(row.value)))"), "\(features.stdout)")
        #expect(features.stdout.contains("year (Integer) = \(try #require(row.date).year)"), "\(features.stdout)")
        #expect(
            features.stdout.contains(
                "POINT (\(Value.format(try #require(capital.capitalLongitude))) \(Value.format(try #require(capital.capitalLatitude))))"),
            "\(features.stdout)")
    }

    @Test func ogr2ogrConvertsToAGeoPackageWithoutWarnings() throws {
        let export = try GIS.export("geojson")
        let folder = try Repository.temporaryFolder()
        for layer in ["countries", "capitals"] {
            let target = folder + "/\(layer).gpkg"
            let run = try ProgramRun.tool("ogr2ogr", ["-f", "GPKG", target, export.folder + "/central-asia-\(layer).geojson"])
            #expect(run.status == 0)
            #expect(run.stderr == "", "ogr2ogr warned: \(run.stderr)")
            let (info, _) = try summary(target)
            #expect(info.layer == layer)
            #expect(info.featureCount == (layer == "countries" ? 9 : 8))
            #expect(info.isEPSG4326)
        }
    }
}
