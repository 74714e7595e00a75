import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// `regionkit validate FILE.geojson`: findings that name the feature and the JSON path.
@Suite struct GeoJSONValidatorTests {
    let square = "[[0,0],[1,0],[1,1],[0,1],[0,0]]"
    let clockwiseSquare = "[[0,0],[0,1],[1,1],[1,0],[0,0]]"

    func feature(_ id: String, _ geometry: String, properties: String = #"{"iso_a3":"ID"}"#, extra: String = "") -> String {
        #"{"type":"Feature","id":"\#(id)"\#(extra),"properties":\#(properties.replacingOccurrences(of: "\"ID\"", with: "\"\(id)\""))"#
            + #","geometry":\#(geometry)}"#
    }

    func polygon(_ rings: String...) -> String {
        #"{"type":"Polygon","coordinates":[\#(rings.joined(separator: ","))]}"#
    }

    func collection(_ features: String..., extra: String = "") -> String {
        #"{"type":"FeatureCollection"\#(extra),"features":[\#(features.joined(separator: ",\n"))]}"#
    }

    func findings(_ text: String, name: String = "layer.geojson") throws -> [Finding] {
        try GeoJSONValidator().validate(Array(text.utf8), file: name).findings
    }

    func lines(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.location?.path ?? ""): \($0.message) [\($0.code)]" }
    }

    @Test func aValidLayerHasNoFindings() throws {
        let text = collection(feature("KAZ", polygon(square)), feature("KGZ", polygon(square)), extra: #","bbox":[0,0,1,1]"#)
        #expect(try findings(text) == [])
    }

    @Test func aClockwiseExteriorIsNamedByFeatureAndPath() throws {
        let text = collection(
            feature("KAZ", polygon(square)), feature("KGZ", polygon(square)), feature("TJK", polygon(square)),
            feature("UZB", polygon(clockwiseSquare, "[[0.2,0.2],[0.8,0.2],[0.8,0.8],[0.2,0.8],[0.2,0.2]]")))
        #expect(
            lines(try findings(text)) == [
                "features[3].geometry.coordinates[0]: exterior ring is clockwise (feature 'UZB') [geojson.winding]",
                "features[3].geometry.coordinates[1]: hole is counter-clockwise (feature 'UZB') [geojson.winding]",
            ])
        let run = try RegionKitBinary.run(["validate", try GIS.file("layer.geojson", text)])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "layer.geojson:features[3].geometry.coordinates[0]: error: exterior ring is clockwise (feature 'UZB') [geojson.winding]\n"))
        #expect(run.stdout.hasSuffix("layer.geojson: invalid: 2 errors\n"))
    }

    @Test func ringsMustBeClosedWithFourPositions() throws {
        let text = collection(
            feature("KAZ", polygon("[[0,0],[1,0],[1,1],[0,1]]")), feature("KGZ", polygon("[[0,0],[1,0],[0,0]]")))
        #expect(
            lines(try findings(text)) == [
                "features[0].geometry.coordinates[0]: exterior ring is not closed: its last position differs from its first (feature 'KAZ') [geojson.ring]",
                "features[1].geometry.coordinates[0]: exterior ring has 3 positions; a linear ring needs at least four (feature 'KGZ') [geojson.ring]",
            ])
    }

    @Test func rangesTheAntimeridianAndBoxesAreChecked() throws {
        let text = collection(
            feature("KAZ", polygon("[[0,0],[1,0],[1,91],[0,0]]")),
            feature("RUS", polygon("[[170,60],[-170,60],[-170,70],[170,70],[170,60]]")),
            feature("CHN", polygon(square), extra: #","bbox":[0,0,0.5,1]"#),
            feature("AFG", polygon(square), extra: #","bbox":[-1,-1,2,2]"#))
        #expect(
            lines(try findings(text)) == [
                "features[0].geometry.coordinates[0][2]: position [1.0, 91.0] is out of range: longitude must be within -180…180 and latitude within -90…90 (feature 'KAZ') [geojson.range]",
                "features[1].geometry.coordinates[0]: ring crosses the antimeridian between positions 0 and 1 without being cut (feature 'RUS') [geojson.antimeridian]",
                "features[2].bbox: the bbox of feature 'CHN' does not contain the position [1.0, 0.0] [geojson.bbox]",
                "features[3].bbox: the bbox of feature 'AFG' is larger than its positions need [geojson.bbox]",
            ])
    }

    @Test func aCollectionBoxAcrossTheAntimeridianIsRight() throws {
        let west = "[[170,60],[180,60],[180,70],[170,70],[170,60]]"
        let east = "[[-180,60],[-170,60],[-170,70],[-180,70],[-180,60]]"
        let multi = #"{"type":"MultiPolygon","coordinates":[[\#(west)],[\#(east)]]}"#
        let good = collection(feature("RUS", multi, extra: #","bbox":[170,60,-170,70]"#), extra: #","bbox":[170,60,-170,70]"#)
        #expect(try findings(good) == [])
        let wide = collection(feature("RUS", multi, extra: #","bbox":[-180,60,180,70]"#))
        #expect(
            lines(try findings(wide)) == ["features[0].bbox: the bbox of feature 'RUS' is larger than its positions need [geojson.bbox]"])
    }

    @Test func crsIdsAndPropertiesFollowTheRFCAndTheSchema() throws {
        let text = collection(
            feature(
                "KAZ", polygon(square), properties: #"{"iso_a3":"KAZ","eaeu_status":"memeber","csto_since":"2012","areas":["energy"]}"#),
            feature("kaz", polygon(square), properties: #"{"iso_a3":"KGZ","Name":"x","continent":"Asia"}"#),
            feature("KAZ", polygon(square)),
            #"{"type":"Feature","properties":null,"geometry":null}"#,
            extra: #","crs":{"type":"name","properties":{"name":"EPSG:4326"}}"#)
        #expect(
            lines(try findings(text)) == [
                "crs: a 'crs' member is not allowed: RFC 7946 coordinates are always WGS 84 longitude, latitude [geojson.crs]",
                "features[1].id: id 'kaz' is not an ISO 3166-1 alpha-3 code such as KAZ [feature.id]",
                "features[1].id: id 'kaz' differs from the iso_a3 property 'KGZ' [feature.id]",
                "features[2].id: id 'KAZ' is already used by features[0] [feature.duplicate-id]",
                "features[3]: feature 3 has no id; RegionKit layers use the country's ISO alpha-3 code [feature.id]",
                "features[0].properties.eaeu_status: 'eaeu_status': 'memeber' is not one of member, prospective, suspended, withdrawn, participant, party, observer (feature 'KAZ') [properties.type]",
                "features[0].properties.csto_since: 'csto_since': expected a year (a whole number), found '2012' (feature 'KAZ') [properties.type]",
                "features[0].properties.areas: 'areas' is an array; GIS columns hold one scalar each (feature 'KAZ') [properties.nested]",
                "features[1].properties.Name: column name 'Name' is not short lowercase ASCII (a letter, then letters, digits or underscores, at most 63 characters) [properties.name]",
                "features[1].properties.Name: 'Name' is not a RegionKit column (indicator columns hold numbers) (feature 'kaz') [properties.unknown]",
                "features[1].properties.continent: 'continent' is not a RegionKit column (indicator columns hold numbers) (feature 'kaz') [properties.unknown]",
                "features[3].properties: feature 3 has no properties; RegionKit layers carry the dataset's columns [properties.missing]",
            ])
    }

    @Test func structureProblemsAreFindings() throws {
        let text =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"KAZ","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,"a"]]]}},{"type":"Featur"},{"type":"Feature","id":"KGZ","properties":{}}]}"#
        #expect(
            lines(try findings(text)) == [
                "features[0].geometry.coordinates[0][0]: a position must be an array of two or three numbers (longitude, latitude, altitude) [geojson.structure]",
                "features[1].type: expected a Feature, found type 'Featur' [geojson.structure]",
                "features[2]: a Feature needs a 'geometry' member (a geometry or null) [geojson.structure]",
            ])
    }

    @Test func theNaturalEarthFileIsFlaggedForItsClockwiseRings() throws {
        let run = try RegionKitBinary.run(["validate", "Fixtures/natural-earth/admin0-110m-central-asia.geojson"])
        #expect(run.status == 1)
        #expect(
            run.stdout.hasPrefix(
                "Fixtures/natural-earth/admin0-110m-central-asia.geojson:features[0].geometry.coordinates[0]: error: exterior ring is clockwise (feature 0, 'AFG') [geojson.winding]\n"
            ))
    }

    @Test func aFileThatIsNotJSONExitsTwoWithLineAndColumn() throws {
        let path = try GIS.file("broken.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[NaN]}")
        let run = try RegionKitBinary.run(["validate", path])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("\(path):2:13: error: NaN and Infinity are not JSON numbers (at features[0])\n"), "\(run.stderr)")
    }

    @Test func sequencesAreReadRecordByRecord() throws {
        let good = feature("KAZ", polygon(square))
        let text = "\u{1E}" + good + "\n\u{1E}{\"type\":\"Feature\",\n\u{1E}" + feature("KGZ", polygon(clockwiseSquare)) + "\n"
        #expect(
            lines(try findings(text, name: "layer.geojsons")) == [
                "records[1]: record is not JSON: expected a quoted member name, found the end of the document (line 2 of the record) [geojsonseq.record]",
                "records[2].geometry.coordinates[0]: exterior ring is clockwise (feature 'KGZ') [geojson.winding]",
            ])
        let lined = good + "\n" + feature("KGZ", polygon(square)) + "\n"
        #expect(try findings(lined, name: "layer.geojsonl") == [])
    }
}
