import RegionKit

/// Writes layers as RFC 7946 GeoJSON text: compact, one feature per line, members in a fixed order, coordinates
/// with the precision's decimals and no exponent, the same bytes on every run.
public struct GeoJSONWriter: Sendable {
    public var precision: CoordinatePrecision

    /// The record separator that starts each record of a GeoJSON text sequence (RFC 8142).
    public static let recordSeparator = "\u{1E}"

    public init(precision: CoordinatePrecision) {
        self.precision = precision
    }

    /// A FeatureCollection with the layer's name, description and box, each feature on its own line.
    public func collection(_ layer: Layer) -> String {
        var text = ""
        writeCollection(layer) { text += $0 }
        return text
    }

    /// Writes the FeatureCollection of `collection(_:)` to a file feature by feature, never whole in memory.
    public func writeCollection(_ layer: Layer, to file: StagedFileWriter) throws(RegionKitError) {
        try writeCollection(layer) { piece throws(RegionKitError) in try file.write(piece) }
    }

    /// A GeoJSON text sequence: each feature as one record, a record separator before it and a line feed after.
    public func sequence(_ layer: Layer) -> String {
        var text = ""
        writeSequence(layer) { text += $0 }
        return text
    }

    /// Writes the text sequence of `sequence(_:)` to a file record by record, never whole in memory.
    public func writeSequence(_ layer: Layer, to file: StagedFileWriter) throws(RegionKitError) {
        try writeSequence(layer) { piece throws(RegionKitError) in try file.write(piece) }
    }

    private func writeCollection<Failure>(_ layer: Layer, _ emit: (String) throws(Failure) -> Void) throws(Failure) {
        var head = "{\"type\":\"FeatureCollection\",\"name\":"
        JSONText.string(layer.name, to: &head)
        head += ",\"description\":"
        JSONText.string(layer.description, to: &head)
        if let bbox = layer.bbox { head += ",\"bbox\":" + box(bbox) }
        head += ",\"features\":["
        try emit(head)
        for (index, feature) in layer.features.enumerated() {
            try emit((index == 0 ? "\n" : ",\n") + self.feature(feature, columns: layer.columns))
            reportProgress(layer, written: index + 1)
        }
        try emit("\n]}\n")
        JobProgress.end()
    }

    private func writeSequence<Failure>(_ layer: Layer, _ emit: (String) throws(Failure) -> Void) throws(Failure) {
        for (index, feature) in layer.features.enumerated() {
            try emit(Self.recordSeparator + self.feature(feature, columns: layer.columns) + "\n")
            reportProgress(layer, written: index + 1)
        }
        JobProgress.end()
    }

    private func reportProgress(_ layer: Layer, written: Int) {
        guard JobProgress.isDue(written) else { return }
        JobProgress.report("writing the \(layer.name) layer", rows: written, done: written, total: layer.features.count)
    }

    /// One Feature: type, id, bbox, properties in column order, geometry.
    public func feature(_ feature: LayerFeature, columns: [AttributeColumn]) -> String {
        var text = "{\"type\":\"Feature\",\"id\":"
        JSONText.string(feature.id, to: &text)
        if let bbox = feature.bbox { text += ",\"bbox\":" + box(bbox) }
        text += ",\"properties\":{"
        for (index, column) in columns.enumerated() {
            if index > 0 { text += "," }
            JSONText.string(column.name, to: &text)
            text += ":"
            text += value(index < feature.values.count ? feature.values[index] : .null)
        }
        text += "},\"geometry\":" + geometry(feature.geometry) + "}"
        return text
    }

    func geometry(_ geometry: LayerGeometry) -> String {
        switch geometry {
        case .point(let position):
            return "{\"type\":\"Point\",\"coordinates\":" + self.position(position) + "}"
        case .multiPolygon(let polygons):
            let body = polygons.map { polygon in
                "[" + polygon.rings.map { ring in "[" + ring.positions.map(position).joined(separator: ",") + "]" }.joined(separator: ",")
                    + "]"
            }
            return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + body.joined(separator: ",") + "]}"
        }
    }

    func position(_ position: Position) -> String {
        "[" + precision.text(position.longitude) + "," + precision.text(position.latitude) + "]"
    }

    func box(_ box: BoundingBox) -> String {
        "[" + box.values.map(precision.text).joined(separator: ",") + "]"
    }

    /// A property value: integers without a fraction, reals always with one, so GDAL reads their types the same
    /// whatever the values.
    func value(_ value: AttributeValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let number): return String(number)
        case .real(let number): return JSONText.real(number)
        case .text(let text):
            var output = ""
            JSONText.string(text, to: &output)
            return output
        }
    }
}
