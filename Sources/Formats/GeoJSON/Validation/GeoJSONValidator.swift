public import RegionKit

/// Checks a GeoJSON file (`.geojson`) or GeoJSON text sequence (`.geojsons`, `.geojsonl`) against RFC 7946 and
/// RFC 8142 (structure, closed rings, winding, ranges, the antimeridian, boxes) and against the dataset schema
/// (feature ids and properties). Findings name the feature and the JSON path, such as
/// `features[3].geometry.coordinates[0]: exterior ring is clockwise (feature 'KAZ')`.
public struct GeoJSONValidator: Sendable {
    /// The file name extensions it reads: GeoJSON and GeoJSON text sequences.
    public static let fileExtensions = ["geojson", "geojsons", "geojsonl"]
    /// The code of a sequence record that is not JSON.
    public static let recordCode = "geojsonseq.record"
    /// The largest file read: 32 MiB. A file is read whole and parsed into a tree many times its size (about 12
    /// times for a polygon's coordinates), so a larger one is refused by its size, before it is read; the Natural
    /// Earth extract RegionKit uses is 34 KB.
    public static let maximumFileBytes = 32 << 20

    /// What a check found.
    public struct Report: Sendable {
        public var findings: [Finding]
        /// The number of features (or records) read.
        public var featureCount: Int
    }

    public var rules: [any GeoJSONRule]
    public var reader: JSONReader

    public init(rules: [any GeoJSONRule] = GeoJSONRules.all, reader: JSONReader = JSONReader()) {
        self.rules = rules
        self.reader = reader
    }

    /// Whether a path names a GeoJSON file by its extension.
    public static func recognizes(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return fileExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Checks the file at `path`. An unreadable file, one larger than `maximumFileBytes` (refused before it is
    /// read), or a `.geojson` file that is not JSON, throws.
    public func validate(path: String) throws(RegionKitError) -> Report {
        let bytes = try FileAccess.read(path, maximumBytes: min(Self.maximumFileBytes, reader.limits.maxBytes))
        return try validate(bytes, file: path)
    }

    /// Checks bytes as the file `file`; its extension says whether they are a sequence.
    public func validate(_ bytes: [UInt8], file: String) throws(RegionKitError) -> Report {
        let lowered = file.lowercased()
        if lowered.hasSuffix(".geojsons") || lowered.hasSuffix(".geojsonl") || bytes.contains(0x1E) {
            return validateSequence(bytes, file: file)
        }
        let value: JSONValue
        do {
            value = try reader.read(bytes)
        } catch {
            throw error.located(in: file)
        }
        let structure = GeoJSONStructureReader(file: file).read(value)
        return Report(findings: structure.findings + run(structure.input), featureCount: structure.input.features.count)
    }

    /// Checks a sequence: records split at record separators (RFC 8142), else at line feeds; each record is one
    /// GeoJSON text, located as `records[N]`. A record that is not JSON is a finding, and the others are still read.
    func validateSequence(_ bytes: [UInt8], file: String) -> Report {
        let separator: UInt8 = bytes.contains(0x1E) ? 0x1E : 0x0A
        var findings: [Finding] = []
        var input = GeoJSONInput(file: file)
        var records = bytes.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
        if separator == 0x1E {
            if let first = records.first, first.allSatisfy(Self.isWhitespace) {
                records.removeFirst()
            } else {
                findings.append(
                    Finding(
                        code: Self.recordCode, message: "the sequence does not begin with a record separator (0x1E)",
                        location: Location(file: file, path: "records[0]"), hint: "RFC 8142: each record begins with 0x1E"))
            }
        }
        var count = 0
        for record in records where !record.allSatisfy(Self.isWhitespace) {
            let root = JSONPath.root.appending("records").appending(count)
            count += 1
            do {
                let value = try reader.read(record)
                let structure = GeoJSONStructureReader(file: file).read(value, at: root)
                findings += structure.findings
                input.features += structure.input.features
                if structure.input.bbox != nil || value["type"]?.stringValue == "FeatureCollection" {
                    findings.append(
                        Finding(
                            code: Self.recordCode, severity: .warning,
                            message: "a record holds a whole FeatureCollection; sequences hold one feature per record",
                            location: input.location(root)))
                }
            } catch {
                findings.append(
                    Finding(
                        code: Self.recordCode, message: "record is not JSON: \(error.message) (line \(error.line) of the record)",
                        location: input.location(root)))
            }
        }
        return Report(findings: findings + run(input), featureCount: count)
    }

    func run(_ input: GeoJSONInput) -> [Finding] {
        rules.flatMap { $0.check(input) }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
