public import FormatGeoJSON
public import RegionKit

/// A map of the region as SVG: the dataset's countries filled by the value of one text column (a membership status
/// by default), neighbours from the boundary file in grey for context, labels, capitals, a legend, a title and the
/// source credit, in a conic projection centred on Central Asia. The same input gives the same bytes.
public struct SVGMap: Sendable {
    /// The column the countries are filled by.
    public let column: AttributeColumn
    public let layout: MapLayout
    let shapes: [Shape]
    let capitals: [MapPoint]
    let legend: [(label: String, colour: String)]
    let legendTitle: String
    let title: String
    let subtitle: String
    let credits: [String]

    /// One country as drawn: its rings in pixels, fill, and label.
    struct Shape {
        var id: String
        var fill: String
        var rings: [[MapPoint]]
        var label: String?
        var labelPoint: MapPoint?
        var isFocus: Bool
    }

    /// The smallest visible area, in square pixels, that gets a label.
    static let smallestLabelledArea = 150.0

    /// Lays the map out. Errors: a column that does not exist or does not hold text, missing polygons, facts that
    /// cannot be flattened.
    public init(
        dataset: Dataset, datasetName: String, boundaries: BoundaryFile, property: String,
        projection: MapProjection.Kind
    ) throws(RegionKitError) {
        let layer = CountryLayer(dataset: dataset, boundaries: boundaries, options: GeoJSONOptions())
        let ids = try layer.countryIDs()
        let table = try CountryAttributes(dataset: dataset, countries: ids).table()
        let textColumns = table.columns.filter { $0.type == .text }.map(\.name)
        guard let column = table.column(named: property) else {
            let hint = Suggestion.hint(for: property, in: textColumns).map { " (\($0))" } ?? ""
            throw RegionKitError(
                .invalidOption,
                "property=\(property): no such column\(hint); the map can fill countries by \(textColumns.joined(separator: ", "))")
        }
        guard column.type == .text else {
            throw RegionKitError(
                .invalidOption,
                "property=\(property): the column holds numbers; the map fills countries by a text column: \(textColumns.joined(separator: ", "))"
            )
        }
        try table.selecting([property], option: "property").checkFlattened()
        self.column = column

        let normalizer = GeometryNormalizer()
        func polygons(_ id: String) throws(RegionKitError) -> [Polygon] {
            do {
                return try normalizer.normalize(boundaries.countries[id] ?? []).polygons
            } catch {
                throw RegionKitError(.unsupported, "\(boundaries.path): \(id): \(error.message)")
            }
        }
        let countries = Dictionary(dataset.countryRows.map { ($0.id, $0) }) { first, _ in first }
        var focus: [Polygon] = []
        for id in ids where countries[id]?.role == "central asian state" { focus += try polygons(id) }
        let layout = MapLayout(projection: MapProjection(projection), focus: focus)
        self.layout = layout

        // Only what shows in the frame counts for the legend.
        var drawn: [(id: String, rings: [[MapPoint]])] = []
        for id in ids {
            let rings = Self.clippedRings(try polygons(id), layout)
            if !rings.isEmpty { drawn.append((id, rings)) }
        }
        var values: [String: String] = [:]
        for (id, _) in drawn {
            if case .text(let text) = table.value(id, property) { values[id] = text }
        }
        let colours = MapPalette.colours(for: Set(values.values), column: property)
        let colourOf = Dictionary(colours.map { ($0.value, $0.colour) }) { first, _ in first }

        var shapes: [Shape] = []
        for id in boundaries.codes where !ids.contains(id) {
            let rings = Self.clippedRings(try polygons(id), layout)
            if !rings.isEmpty { shapes.append(Shape(id: id, fill: MapPalette.context, rings: rings, isFocus: false)) }
        }
        var hasContext = !shapes.isEmpty
        var hasNoValue = false
        for (id, rings) in drawn {
            let fill = values[id].flatMap { colourOf[$0] } ?? MapPalette.noValue
            if values[id] == nil { hasNoValue = true }
            var shape = Shape(
                id: id, fill: fill, rings: rings, label: countries[id]?.name, isFocus: countries[id]?.role == "central asian state")
            shape.labelPoint = Self.labelPoint(rings)
            shapes.append(shape)
        }
        hasContext = hasContext && shapes.contains { !$0.isFocus && $0.label == nil }
        self.shapes = shapes

        let frame = layout.clipper
        capitals = ids.compactMap { id -> MapPoint? in
            guard let country = countries[id], let longitude = country.capitalLongitude, let latitude = country.capitalLatitude else {
                return nil
            }
            let point = layout.pixel(Position(longitude, latitude))
            return (frame.minX...frame.maxX).contains(point.x) && (frame.minY...frame.maxY).contains(point.y) ? point : nil
        }

        let organization = dataset.organizationRows.first { organization in
            ColumnNaming.organizationStem(id: organization.id, abbreviation: organization.abbreviation) + "_status" == property
        }
        var legend = colours.map { (label: $0.value, colour: $0.colour) }
        if hasNoValue { legend.append((column.name.hasSuffix("_status") ? "not stated in the source" : "no value", MapPalette.noValue)) }
        if hasContext { legend.append(("not in the dataset", MapPalette.context)) }
        self.legend = legend
        if let organization {
            let short = organization.abbreviation ?? organization.name
            legendTitle = "\(short) status"
            title = "\(organization.name)\(organization.abbreviation.map { " (\($0))" } ?? ""): status of each country"
            subtitle = "Current status as the source states it; grey where it states none."
        } else {
            legendTitle = property
            title = "\(datasetName): \(property)"
            subtitle = column.summary.prefix(1).uppercased() + column.summary.dropFirst() + "."
        }
        let sources = dataset.sourceRows.map { source in
            "\(source.author), “\(source.title)”, \(source.publisher)\(source.published.map { ", \($0)" } ?? "")"
        }
        credits = [
            (sources.count == 1 ? "Source: " : "Sources: ") + sources.joined(separator: "; ") + ".",
            "Boundaries: Made with Natural Earth (1:110m). Projection: \(layout.projection.description). Made with RegionKit.",
        ]
    }

    /// The name of the file a map of `property` is written to: `central-asia-eaeu-status.svg`.
    public static func fileName(datasetName: String, property: String) -> String {
        datasetName + "-" + property.replacingUnderscores + ".svg"
    }

    /// The SVG document, ending with a newline.
    public func svg() -> String {
        let width = MapLayout.width, height = layout.height
        let frame = layout.clipper
        var lines: [String] = []
        lines.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        lines.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"DejaVu Sans, Verdana, sans-serif\">"
        )
        lines.append("<title>\(e(title))</title>")
        lines.append("<desc>\(e(subtitle + " " + credits.joined(separator: " ")))</desc>")
        lines.append("<rect width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>")
        lines.append("<text x=\"16\" y=\"30\" font-size=\"20\" font-weight=\"bold\" fill=\"#222222\">\(e(title))</text>")
        lines.append("<text x=\"16\" y=\"52\" font-size=\"13\" fill=\"#444444\">\(e(subtitle))</text>")
        lines.append(
            "<rect x=\"\(n(frame.minX))\" y=\"\(n(frame.minY))\" width=\"\(n(frame.maxX - frame.minX))\" height=\"\(n(frame.maxY - frame.minY))\" fill=\"\(MapPalette.background)\"/>"
        )
        lines.append("<g id=\"countries\" stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">")
        for shape in shapes {
            let data = shape.rings.map { ring in
                "M" + ring.map { "\(n($0.x)) \(n($0.y))" }.joined(separator: " ") + "Z"
            }.joined()
            lines.append("<path id=\"\(e(shape.id))\" fill=\"\(shape.fill)\" d=\"\(data)\"/>")
        }
        lines.append("</g>")
        lines.append("<g id=\"capitals\" fill=\"#222222\" stroke=\"#ffffff\" stroke-width=\"1\">")
        for point in capitals {
            lines.append("<circle cx=\"\(n(point.x))\" cy=\"\(n(point.y))\" r=\"3\"/>")
        }
        lines.append("</g>")
        lines.append(
            "<g id=\"labels\" text-anchor=\"middle\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">"
        )
        for shape in shapes {
            guard let label = shape.label, let point = shape.labelPoint else { continue }
            let size = shape.isFocus ? 14 : 12
            let weight = shape.isFocus ? " font-weight=\"bold\"" : ""
            lines.append(
                "<text x=\"\(n(point.x))\" y=\"\(n(point.y + Double(size) / 3))\" font-size=\"\(size)\"\(weight)>\(e(label))</text>")
        }
        lines.append("</g>")
        lines.append(
            "<rect x=\"\(n(frame.minX))\" y=\"\(n(frame.minY))\" width=\"\(n(frame.maxX - frame.minX))\" height=\"\(n(frame.maxY - frame.minY))\" fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"1\"/>"
        )
        let legendX = MapLayout.mapWidth + 20
        var y = MapLayout.headerHeight + 24
        lines.append("<g id=\"legend\" font-size=\"13\" fill=\"#222222\">")
        lines.append("<text x=\"\(n(legendX))\" y=\"\(n(y))\" font-weight=\"bold\">\(e(legendTitle))</text>")
        y += 14
        for entry in legend {
            lines.append(
                "<rect x=\"\(n(legendX))\" y=\"\(n(y))\" width=\"20\" height=\"14\" fill=\"\(entry.colour)\" stroke=\"#8a8a8a\" stroke-width=\"0.5\"/>"
            )
            lines.append("<text x=\"\(n(legendX + 28))\" y=\"\(n(y + 11.5))\">\(e(entry.label))</text>")
            y += 22
        }
        if !capitals.isEmpty {
            lines.append("<circle cx=\"\(n(legendX + 10))\" cy=\"\(n(y + 7))\" r=\"3\" fill=\"#222222\"/>")
            lines.append("<text x=\"\(n(legendX + 28))\" y=\"\(n(y + 11.5))\">capital</text>")
        }
        lines.append("</g>")
        var creditY = frame.maxY + 18
        for credit in credits {
            lines.append("<text x=\"16\" y=\"\(n(creditY))\" font-size=\"10.5\" fill=\"#555555\">\(e(credit))</text>")
            creditY += 15
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rings of polygons in pixels, clipped to the frame; holes of a polygon whose exterior shows come along.
    static func clippedRings(_ polygons: [Polygon], _ layout: MapLayout) -> [[MapPoint]] {
        let clipper = layout.clipper
        var rings: [[MapPoint]] = []
        for polygon in polygons {
            guard let exterior = clipper.clip(polygon.exterior.positions.map(layout.pixel)) else { continue }
            rings.append(exterior)
            rings += polygon.holes.compactMap { clipper.clip($0.positions.map(layout.pixel)) }
        }
        return rings
    }

    /// A point inside the largest ring, for its label: the middle of the widest span across the ring at the height
    /// of its centroid. Nil when the largest ring is too small to label.
    static func labelPoint(_ rings: [[MapPoint]]) -> MapPoint? {
        guard let ring = rings.max(by: { abs(area($0)) < abs(area($1)) }), abs(area(ring)) >= smallestLabelledArea else { return nil }
        let centroid = self.centroid(ring)
        var crossings: [Double] = []
        for (index, a) in ring.enumerated() {
            let b = ring[(index + 1) % ring.count]
            if (a.y > centroid.y) != (b.y > centroid.y) {
                crossings.append(a.x + (centroid.y - a.y) / (b.y - a.y) * (b.x - a.x))
            }
        }
        crossings.sort()
        var best: (Double, Double)?
        var index = 0
        while index + 1 < crossings.count {
            let span = (crossings[index], crossings[index + 1])
            if best == nil || span.1 - span.0 > (best?.1 ?? 0) - (best?.0 ?? 0) { best = span }
            index += 2
        }
        guard let best else { return centroid }
        return MapPoint(x: (best.0 + best.1) / 2, y: centroid.y)
    }

    static func area(_ ring: [MapPoint]) -> Double {
        var sum = 0.0
        for (index, a) in ring.enumerated() {
            let b = ring[(index + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    static func centroid(_ ring: [MapPoint]) -> MapPoint {
        let total = area(ring)
        guard total != 0 else {
            let count = Double(max(1, ring.count))
            return MapPoint(x: ring.map(\.x).reduce(0, +) / count, y: ring.map(\.y).reduce(0, +) / count)
        }
        var x = 0.0, y = 0.0
        for (index, a) in ring.enumerated() {
            let b = ring[(index + 1) % ring.count]
            let cross = a.x * b.y - b.x * a.y
            x += (a.x + b.x) * cross
            y += (a.y + b.y) * cross
        }
        return MapPoint(x: x / (6 * total), y: y / (6 * total))
    }

    private func n(_ value: Double) -> String { SVGText.number(value) }
    private func e(_ text: String) -> String { SVGText.escaped(text) }
}

extension String {
    var replacingUnderscores: String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
