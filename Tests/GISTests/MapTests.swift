import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// `regionkit map` and the `map` export: the SVG renders, and the five states have the expected colours.
@Suite struct MapTests {
    /// A point well inside each state, away from its label, capital and borders.
    static let interiorPoints: [(id: String, position: Position)] = [
        ("KAZ", Position(75.5, 48.5)), ("KGZ", Position(77.5, 41.6)), ("TJK", Position(72.8, 38.0)),
        ("TKM", Position(61.5, 39.8)), ("UZB", Position(59.0, 43.3)),
    ]

    /// The colours of the five states on the EAEU and CSTO maps, from what the dataset says.
    static let expected: [String: [String: String]] = [
        "eaeu_status": [
            "KAZ": MapPalette.statuses["member"] ?? "", "KGZ": MapPalette.statuses["member"] ?? "",
            "TJK": MapPalette.statuses["prospective"] ?? "", "TKM": MapPalette.noValue, "UZB": MapPalette.noValue,
        ],
        "csto_status": [
            "KAZ": MapPalette.noValue, "KGZ": MapPalette.noValue, "TJK": MapPalette.noValue,
            "TKM": MapPalette.noValue, "UZB": MapPalette.statuses["withdrawn"] ?? "",
        ],
    ]

    /// The pixels of the interior points on the map of a column.
    func pixels(for property: String) throws -> [String] {
        let loaded = try DatasetLoader().load(Repository.dataset)
        let boundaries = try BoundaryFile(path: Repository.path(BoundaryLocator.checkoutPath))
        let map = try SVGMap(
            dataset: loaded.dataset, datasetName: loaded.name, boundaries: boundaries, property: property, projection: .albers)
        return Self.interiorPoints.map { point in
            let pixel = map.layout.pixel(point.position)
            return "\(Int(pixel.x.rounded())),\(Int(pixel.y.rounded()))"
        }
    }

    @Test func theExportWritesTheEAEUAndCSTOMapsAsCommitted() throws {
        let export = try GIS.export("map")
        #expect(export.run.status == 0, "\(export.run.stderr)")
        #expect(Repository.files(under: export.folder) == ["central-asia-csto-status.svg", "central-asia-eaeu-status.svg"])
        for name in Repository.files(under: export.folder) {
            let written = try String(contentsOfFile: export.folder + "/" + name, encoding: .utf8)
            #expect(written == (try String(contentsOfFile: Repository.path("Exports/map/" + name), encoding: .utf8)), "\(name)")
            #expect(written.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(written.contains("Made with Natural Earth"))
            #expect(written.contains("Source: Leonid Gusev"))
            #expect(written.contains("<g id=\"legend\""))
        }
    }

    @Test(arguments: ["eaeu_status", "csto_status"])
    func theRenderingShowsEachStateInItsColour(_ property: String) throws {
        let folder = try Repository.temporaryFolder()
        let svg = folder + "/map.svg"
        let png = folder + "/map.png"
        let run = try RegionKitBinary.run(["map", "--property", property, "--output", svg])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(svg)\n")
        let render = try ProgramRun.tool("rsvg-convert", ["--format", "png", "--output", png, svg])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stderr == "", "rsvg-convert: \(render.stderr)")
        let read = try ProgramRun.tool("python3", [Repository.path("Tests/Tools/png_pixels.py"), png] + (try pixels(for: property)))
        #expect(read.status == 0, "\(read.stderr)")
        let colours = read.stdout.split(separator: "\n").map(String.init)
        let wanted = Self.interiorPoints.map { Self.expected[property]?[$0.id] ?? "?" }
        #expect(colours == wanted, "\(zip(Self.interiorPoints.map(\.id), colours).map { "\($0) \($1)" })")
    }

    @Test func theConicProjectionAndOtherColumnsWork() throws {
        let folder = try Repository.temporaryFolder()
        let run = try RegionKitBinary.run(["map", "--property", "role", "--projection", "conic", "--output", folder + "/role.svg"])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try String(contentsOfFile: folder + "/role.svg", encoding: .utf8)
        #expect(svg.contains("equidistant conic"))
        #expect(svg.contains(">central asian state</text>"))
    }

    @Test(arguments: [
        (
            ["--property", "eaeu_stats"],
            "error: property=eaeu_stats: no such column (did you mean 'eaeu_status'?); the map can fill countries by "
        ),
        (["--property", "students_in_russia_persons"], "error: property=students_in_russia_persons: the column holds numbers;"),
        (["--projection", "mercator"], "error: projection=mercator: unknown; use albers or conic\n"),
    ])
    func badOptionsExitTwoAndWriteNothing(_ arguments: [String], _ message: String) throws {
        let folder = try Repository.temporaryFolder()
        let run = try RegionKitBinary.run(["map", "--output", folder + "/map.svg"] + arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(Repository.files(under: folder) == [])
    }
}
