import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// `regionkit export --format geojson` and `geojsonseq`: RFC 7946 layers that pass `regionkit validate`, checked
/// here again with Foundation's JSON reader for winding, closure, the antimeridian and boxes.
@Suite struct GeoJSONExportTests {
    /// The country columns of the canonical dataset, in order. QGIS projects refer to them by name: a rename fails here.
    static let countryColumns = [
        "iso_a3", "iso_a2", "name", "role", "capital",
        "csto_status", "csto_since", "eaeu_status", "eurasec_status", "eurasec_since", "pamir_status", "pamir_since",
        "coop_areas",
        "trade_contracts_signed_usd", "investment_projects_signed_usd", "land_border_length_rank",
        "trade_economic_partner_rank", "trade_investment_volume_rank", "pushkin_school_russian_citizens_share_pct",
        "citizens_in_russian_mod_training_schools_persons", "specialists_trained_at_201st_base_persons_yr",
        "students_in_russia_persons",
        "bases", "base_operator", "sources",
    ]

    @Test func writesBothLayersDeterministicallyAndAsCommitted() throws {
        let first = try GIS.export("geojson")
        let second = try GIS.export("geojson")
        #expect(first.run.status == 0, "\(first.run.stderr)")
        #expect(Repository.files(under: first.folder) == ["central-asia-capitals.geojson", "central-asia-countries.geojson"])
        for name in Repository.files(under: first.folder) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: first.folder + "/" + name))
            #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second.folder + "/" + name))), "\(name)")
            #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: Repository.path("Exports/geojson/" + name)))), "\(name)")
        }
    }

    @Test func theExportPassesValidate() throws {
        let export = try GIS.export("geojson")
        for name in ["central-asia-countries.geojson", "central-asia-capitals.geojson"] {
            let run = try RegionKitBinary.run(["validate", export.folder + "/" + name])
            #expect(run.status == 0, "\(run.stdout)")
            #expect(run.stdout.hasSuffix(": valid (\(name.contains("countries") ? 9 : 8) features)\n"), "\(run.stdout)")
        }
        let sequence = try GIS.export("geojsonseq")
        let run = try RegionKitBinary.run(["validate", sequence.folder + "/central-asia-countries.geojsons"])
        #expect(run.status == 0, "\(run.stdout)")
    }

    @Test func countryFeaturesAreTheStatesAndActorsWithPolygonsWithFlatColumns() throws {
        let collection = try GIS.json(Repository.path("Exports/geojson/central-asia-countries.geojson"))
        #expect(collection["type"] as? String == "FeatureCollection")
        #expect(collection["crs"] == nil)
        #expect(collection["name"] as? String == "countries")
        let features = collection["features"] as? [[String: Any]] ?? []
        #expect(features.compactMap { $0["id"] as? String } == ["KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "CHN", "AFG", "GEO"])
        for feature in features {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            #expect(Set(properties.keys) == Set(Self.countryColumns))
            for (name, value) in properties {
                #expect(value is String || value is NSNumber || value is NSNull, "\(name) is not a scalar")
                #expect(name.count <= 63 && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(name)")
            }
            #expect(properties["iso_a3"] as? String == feature["id"] as? String)
            #expect((feature["geometry"] as? [String: Any])?["type"] as? String == "MultiPolygon")
        }
        let byID = Dictionary(uniqueKeysWithValues: features.map { ($0["id"] as? String ?? "", $0["properties"] as? [String: Any] ?? [:]) })
        #expect(byID["UZB"]?["csto_status"] as? String == "withdrawn")
        #expect(byID["UZB"]?["csto_since"] as? Int == 2012)
        #expect(byID["UZB"]?["eurasec_status"] as? String == "suspended")
        #expect(byID["KAZ"]?["eaeu_status"] as? String == "member")
        #expect(byID["TJK"]?["eaeu_status"] as? String == "prospective")
        #expect(byID["KAZ"]?["csto_status"] is NSNull)
        #expect(byID["TJK"]?["students_in_russia_persons"] as? Double == 24000)
        #expect(byID["TJK"]?["bases"] as? String == "201st Russian military base")
        #expect(byID["KGZ"]?["base_operator"] as? String == "RUS")
        #expect(byID["KAZ"]?["coop_areas"] as? String == "energy; integration; interregional; space; atomic energy; agriculture")
        #expect(byID["RUS"]?["sources"] as? String == "ispi-2019-gusev")
    }

    /// The tests' own check of RFC 7946 §3.1.6 and §3.1.9 on the written coordinates.
    @Test func everyRingIsClosedRightHandedAndCutAtTheAntimeridian() throws {
        let collection = try GIS.json(Repository.path("Exports/geojson/central-asia-countries.geojson"))
        var rings = 0
        for feature in collection["features"] as? [[String: Any]] ?? [] {
            let id = feature["id"] as? String ?? "?"
            for polygon in GIS.polygons(of: feature) {
                for (index, ring) in polygon.enumerated() {
                    rings += 1
                    #expect(ring.count >= 4, "\(id)")
                    #expect(ring.first == ring.last, "\(id) ring not closed")
                    let area = GIS.signedArea(ring)
                    #expect(index == 0 ? area > 0 : area < 0, "\(id) ring \(index) winds the wrong way")
                    for (a, b) in zip(ring, ring.dropFirst()) {
                        #expect(a != b, "\(id) repeats a position")
                        #expect(abs(b[0] - a[0]) <= 180, "\(id) crosses the antimeridian")
                        #expect((-180...180).contains(b[0]) && (-90...90).contains(b[1]), "\(id) out of range")
                    }
                }
            }
        }
        #expect(rings > 20)
    }

    @Test func russiaIsCutAtTheAntimeridianAndItsBoxCrossesIt() throws {
        let collection = try GIS.json(Repository.path("Exports/geojson/central-asia-countries.geojson"))
        let features = collection["features"] as? [[String: Any]] ?? []
        let russia = try #require(features.first { $0["id"] as? String == "RUS" })
        let exteriors = GIS.polygons(of: russia).compactMap(\.first)
        #expect(exteriors.contains { ring in ring.contains { $0[0] == 180 } && ring.allSatisfy { $0[0] > 0 } })
        #expect(exteriors.contains { ring in ring.contains { $0[0] == -180 } && ring.allSatisfy { $0[0] < 0 } })
        // West > east: the box runs from Kaliningrad eastwards across the antimeridian to Chukotka.
        #expect(russia["bbox"] as? [Double] == [19.66064, 41.151416, -169.89958, 81.2504])
        #expect(collection["bbox"] as? [Double] == [19.66064, 18.197701, -169.89958, 81.2504])
        let kazakhstan = try #require(features.first { $0["id"] as? String == "KAZ" })
        #expect(kazakhstan["bbox"] as? [Double] == [46.466446, 40.662325, 87.35997, 55.38525])
    }

    @Test func capitalsArePointsAndBasesStayOutForLackOfCoordinates() throws {
        let collection = try GIS.json(Repository.path("Exports/geojson/central-asia-capitals.geojson"))
        #expect(collection["name"] as? String == "capitals")
        let features = collection["features"] as? [[String: Any]] ?? []
        #expect(features.count == 8)
        let astana = try #require(features.first { $0["id"] as? String == "KAZ" })
        #expect((astana["geometry"] as? [String: Any])?["coordinates"] as? [Double] == [71.427774, 51.181125])
        #expect((astana["properties"] as? [String: Any])?["name"] as? String == "Nur-Sultan")
        #expect(features.allSatisfy { ($0["properties"] as? [String: Any])?["kind"] as? String == "capital" })
    }

    @Test func sequencesHoldOneFeaturePerRecord() throws {
        let export = try GIS.export("geojsonseq")
        #expect(export.run.status == 0, "\(export.run.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: export.folder + "/central-asia-countries.geojsons")))
        let records = bytes.split(separator: 0x1E).map(Array.init)
        #expect(bytes.first == 0x1E)
        #expect(records.count == 9)
        for record in records {
            #expect(record.last == 0x0A)
            let feature = try JSONSerialization.jsonObject(with: Data(record)) as? [String: Any]
            #expect(feature?["type"] as? String == "Feature")
        }
        #expect(
            bytes
                == [UInt8](
                    try Data(contentsOf: URL(fileURLWithPath: Repository.path("Exports/geojsonseq/central-asia-countries.geojsons")))))
    }

    @Test func optionsChoosePrecisionLayersAndColumns() throws {
        let export = try GIS.export("geojson", ["precision=2", "layer=countries", "properties=name,eaeu_status,eaeu_since"])
        #expect(export.run.status == 0, "\(export.run.stderr)")
        #expect(Repository.files(under: export.folder) == ["central-asia-countries.geojson"])
        let collection = try GIS.json(export.folder + "/central-asia-countries.geojson")
        let features = collection["features"] as? [[String: Any]] ?? []
        let properties = features.first?["properties"] as? [String: Any] ?? [:]
        #expect(Set(properties.keys) == ["name", "eaeu_status", "eaeu_since"])
        for polygon in features.flatMap(GIS.polygons) {
            for position in polygon.joined() {
                #expect(position.allSatisfy { abs($0 * 100 - ($0 * 100).rounded()) < 1e-6 }, "\(position)")
            }
        }
        let validated = try RegionKitBinary.run(["validate", export.folder + "/central-asia-countries.geojson"])
        #expect(validated.status == 0, "\(validated.stdout)")
    }

    @Test(arguments: [
        ("precision=16", "error: precision=16: precision 16 is out of range; use 0 to 15 decimals\n"),
        ("precision=six", "error: precision=six: expected a whole number of decimals, 0 to 15\n"),
        ("properties=name,eaeu_stats", "error: properties: no column 'eaeu_stats' (did you mean 'eaeu_status'?); the columns are "),
        (
            "layer=capital",
            "error: layer=capital: no layer 'capital' (did you mean 'capitals'?); the layers are countries, capitals, indicators\n"
        ),
    ])
    func badOptionsExitTwoAndWriteNothing(_ option: String, _ message: String) throws {
        let export = try GIS.export("geojson", [option])
        #expect(export.run.status == 2)
        #expect(export.run.stderr.hasPrefix(message), "\(export.run.stderr)")
        #expect(Repository.files(under: export.folder) == [])
    }

    @Test func aStateWithoutAPolygonExitsTwoAndWritesNothing() throws {
        let source = try String(contentsOfFile: Repository.path("Fixtures/natural-earth/admin0-110m-central-asia.geojson"), encoding: .utf8)
        let trimmed = source.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"iso_a3\":\"KAZ\"") }
        let boundaries = try GIS.file("boundaries.geojson", trimmed.joined(separator: "\n"))
        let export = try GIS.export("geojson", ["boundaries=\(boundaries)"])
        #expect(export.run.status == 2)
        #expect(
            export.run.stderr
                == "error: KAZ (Kazakhstan, central asian state) has no polygon in \(boundaries); add its feature there (iso_a3 KAZ) or name another file with --option boundaries=PATH\n"
        )
        #expect(Repository.files(under: export.folder) == [])
    }

    /// Numbers a double holds only in exponent form, or barely, and texts with line breaks, tabs, quotes, line
    /// separators and emoji are JSON that Python's `json` reads back as exactly the values of the dataset.
    @Test func edgeNumbersAndTextsReadBackExactlyInPython() throws {
        let values = [
            ("3800000000", "1.0e+21"), ("12000000000", "1.0e-07"), ("50", "-0.5"), ("600", "0.1"),
            ("1000", "1.2345678901234568e+17"), ("24000", "9007199254740992"),
        ]
        let note = #"tab\there, line\nbreak, CR LF, \"quote\", back\\slash, \u2028separator, 👨‍👩‍👦, Кириллица"#
        let dataset = try GIS.datasetCopy { text in
            var text = text
            for (old, new) in values { text = text.replacingOccurrences(of: "  value: \(old)\n", with: "  value: \(new)\n") }
            return text.replacingOccurrences(
                of:
                    "  note: Value of the trade contracts covered by the package of agreements signed during Mirziyoyev's visit to Moscow.\n",
                with: "  note: \"\(note)\"\n")
        }
        let export = try GIS.export("geojson", ["layer=indicators"], dataset: dataset)
        #expect(export.run.status == 0, "\(export.run.stderr)")
        let expected: [String: String] = [
            "uzb-rus-trade-contracts-2017": "1e21", "uzb-rus-investment-projects-2017": "1e-7",
            "tkm-pushkin-school-russian-citizens-share": "-0.5", "tjk-citizens-in-rus-mod-schools": "0.1",
            "tjk-specialists-trained-201st-base": "123456789012345678", "tjk-students-in-russia": "9007199254740993",
        ]
        let script = """
            import json, sys
            expected = json.loads(sys.argv[2])
            seen = {}
            for feature in json.load(open(sys.argv[1], encoding="utf-8"))["features"]:
                seen[feature["properties"]["id"]] = feature["properties"]
            for id, value in expected.items():
                if seen[id]["value"] != float(value):
                    print(id, repr(seen[id]["value"]), "is not", value)
            wanted = "tab\\there, line\\nbreak, CR LF, \\"quote\\", back\\\\slash, \\u2028separator, \\U0001F468\\u200D\\U0001F469\\u200D\\U0001F466, Кириллица"
            if seen["uzb-rus-trade-contracts-2017"]["note"] != wanted:
                print("note:", repr(seen["uzb-rus-trade-contracts-2017"]["note"]))
            """
        let data = try JSONSerialization.data(withJSONObject: expected)
        let run = try ProgramRun.tool(
            "python3", ["-c", script, export.folder + "/central-asia-indicators.geojson", String(decoding: data, as: UTF8.self)])
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stdout)\(run.stderr)")
    }

    @Test func factsThatCannotBeFlattenedExitTwoAndWriteNothing() throws {
        let dataset = try GIS.datasetCopy { text in
            text.replacingOccurrences(
                of: "- id: tjk-students-in-russia\n  country: TJK",
                with: """
                    - id: tjk-students-in-russia-again
                      country: TJK
                      partner: RUS
                      indicator: students_in_russia
                      value: 25000
                      unit: persons
                      source: ispi-2019-gusev
                      quote: "Furthermore, about 24,000 Tajik citizens are educated in higher and secondary educational institutions in Russia"
                    - id: tjk-students-in-russia
                      country: TJK
                    """)
        }
        let export = try GIS.export("geojson", [], dataset: dataset)
        #expect(export.run.status == 2)
        #expect(
            export.run.stderr.hasPrefix(
                "error: cannot flatten students_in_russia_persons for TJK: the dataset has 2 figures of students_in_russia"),
            "\(export.run.stderr)")
        #expect(Repository.files(under: export.folder) == [])

        let leaveOut = try GIS.export("geojson", ["properties=name,eaeu_status"], dataset: dataset)
        #expect(leaveOut.run.status == 0, "\(leaveOut.run.stderr)")
    }
}
