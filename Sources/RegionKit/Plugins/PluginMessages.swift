import Foundation

/// The executable plug-in protocol: RegionKit writes one `PluginRequest` as JSON on a plug-in's standard input and
/// reads one `PluginResponse` from its standard output. `docs/PLUGINS.md` describes it; `Schemas/plugin-*.schema.json`
/// are its JSON Schemas.
public enum PluginProtocol {
    /// The protocol version this RegionKit speaks.
    public static let version = 1
    /// The prefix of plug-in program names: `regionkit-format-NAME` is the format `NAME`.
    public static let programPrefix = "regionkit-format-"
}

/// What RegionKit asks a plug-in to do.
public enum PluginOperation: String, Sendable, CaseIterable {
    /// Say what the format is called and what it can do.
    case describe
    /// Write the dataset into the output folder.
    case export
    /// Read the input file and return the dataset.
    case `import`
}

/// A plug-in's description of its format, the answer to `describe`.
public struct PluginDescription: Sendable, Equatable {
    public var id: String
    public var name: String
    public var summary: String
    public var fileExtensions: [String]
    public var capabilities: [String]
    /// The options the format takes, as (key, summary).
    public var options: [FormatOption]

    public init(id: String, name: String, summary: String, fileExtensions: [String], capabilities: [String], options: [FormatOption] = []) {
        self.id = id
        self.name = name
        self.summary = summary
        self.fileExtensions = fileExtensions
        self.capabilities = capabilities
        self.options = options
    }
}

/// One request to a plug-in.
public struct PluginRequest: Sendable {
    public var protocolVersion: Int
    public var operation: PluginOperation
    /// `--option key=value` pairs from the command line.
    public var options: [String: String]
    /// For export: the stem of the files to write, such as `central-asia`.
    public var name: String?
    /// For export: the folder to write into; nothing may be written elsewhere.
    public var outputFolder: String?
    /// For import: the file or folder to read.
    public var input: String?
    /// For export: the validated dataset.
    public var dataset: Dataset?

    public init(
        protocolVersion: Int = PluginProtocol.version, operation: PluginOperation, options: [String: String] = [:], name: String? = nil,
        outputFolder: String? = nil, input: String? = nil, dataset: Dataset? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.operation = operation
        self.options = options
        self.name = name
        self.outputFolder = outputFolder
        self.input = input
        self.dataset = dataset
    }

    /// The request as JSON.
    public func json() -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("protocol_version", .number(Double(protocolVersion))),
            ("operation", .string(operation.rawValue)),
            ("options", .object(options.keys.sorted().map { ($0, .string(options[$0] ?? "")) })),
        ]
        if let name { pairs.append(("name", .string(name))) }
        if let outputFolder { pairs.append(("output_folder", .string(outputFolder))) }
        if let input { pairs.append(("input", .string(input))) }
        if let dataset { pairs.append(("dataset", DatasetJSON.encode(dataset))) }
        return .object(pairs)
    }

    /// Reads a request, as a plug-in written in Swift does with its standard input.
    public static func parse(_ bytes: [UInt8]) throws(PluginMessageError) -> PluginRequest {
        let object = try PluginMessageError.object(bytes, what: "request")
        guard let version = object["protocol_version"] as? Int else { throw PluginMessageError("the request has no protocol_version") }
        guard let name = object["operation"] as? String, let operation = PluginOperation(rawValue: name) else {
            throw PluginMessageError(
                "the request's operation is not one of \(PluginOperation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var request = PluginRequest(protocolVersion: version, operation: operation)
        request.options = (object["options"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
        request.name = object["name"] as? String
        request.outputFolder = object["output_folder"] as? String
        request.input = object["input"] as? String
        if let dataset = object["dataset"] {
            request.dataset = DatasetJSON.decode(dataset, file: "request").dataset
        }
        return request
    }
}

/// One answer from a plug-in.
public struct PluginResponse: Sendable {
    public var protocolVersion: Int
    /// For export: the files written, relative to the output folder.
    public var files: [String]
    /// Problems and remarks, in RegionKit's finding shape.
    public var findings: [Finding]
    /// For import: the dataset read.
    public var dataset: ImportedDataset?
    /// For describe: the format.
    public var format: PluginDescription?

    public init(
        protocolVersion: Int = PluginProtocol.version, files: [String] = [], findings: [Finding] = [], dataset: Dataset? = nil,
        format: PluginDescription? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.files = files
        self.findings = findings
        self.dataset = dataset.map { ImportedDataset(dataset: $0, findings: []) }
        self.format = format
    }

    /// The response as JSON.
    public func json() -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("protocol_version", .number(Double(protocolVersion))),
            ("files", .array(files.map(JSONValue.string))),
            ("findings", .array(findings.map(FindingReport.json))),
        ]
        if let dataset { pairs.append(("dataset", DatasetJSON.encode(dataset.dataset))) }
        if let format {
            pairs.append(
                (
                    "format",
                    .object([
                        ("id", .string(format.id)),
                        ("name", .string(format.name)),
                        ("summary", .string(format.summary)),
                        ("file_extensions", .array(format.fileExtensions.map(JSONValue.string))),
                        ("capabilities", .array(format.capabilities.map(JSONValue.string))),
                        ("options", .array(format.options.map { .object([("key", .string($0.key)), ("summary", .string($0.summary))]) })),
                    ])
                ))
        }
        return .object(pairs)
    }

    /// Reads a response; `input` names the file the returned dataset came from, for locating its findings.
    public static func parse(_ bytes: [UInt8], input: String = "plug-in output") throws(PluginMessageError) -> PluginResponse {
        let object = try PluginMessageError.object(bytes, what: "response")
        guard let version = object["protocol_version"] as? Int else { throw PluginMessageError("the response has no protocol_version") }
        var response = PluginResponse(protocolVersion: version)
        guard version == PluginProtocol.version else { return response }
        response.files = object["files"] as? [String] ?? []
        response.findings = (object["findings"] as? [[String: Any]] ?? []).map(Self.finding)
        if let dataset = object["dataset"] {
            response.dataset = DatasetJSON.decode(dataset, file: input)
        }
        if let format = object["format"] as? [String: Any] {
            guard let id = format["id"] as? String else { throw PluginMessageError("the format description has no id") }
            response.format = PluginDescription(
                id: id, name: format["name"] as? String ?? id, summary: format["summary"] as? String ?? "",
                fileExtensions: format["file_extensions"] as? [String] ?? [], capabilities: format["capabilities"] as? [String] ?? [],
                options: (format["options"] as? [[String: Any]] ?? []).compactMap { option in
                    (option["key"] as? String).map { FormatOption(key: $0, summary: option["summary"] as? String ?? "") }
                })
        }
        return response
    }

    static func finding(_ object: [String: Any]) -> Finding {
        let hasLocation = ["file", "line", "column", "cell", "path"].contains { object[$0] != nil }
        return Finding(
            code: object["code"] as? String ?? "plugin",
            severity: (object["severity"] as? String).flatMap(Finding.Severity.init(rawValue:)) ?? .error,
            message: object["message"] as? String ?? "(no message)",
            location: hasLocation
                ? Location(
                    file: object["file"] as? String, line: object["line"] as? Int, column: object["column"] as? Int,
                    cell: object["cell"] as? String, path: object["path"] as? String)
                : nil,
            hint: object["hint"] as? String)
    }
}

/// A plug-in message that is not what the protocol says.
public struct PluginMessageError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    static func object(_ bytes: [UInt8], what: String) throws(PluginMessageError) -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let start = String(decoding: bytes.prefix(80), as: UTF8.self).replacingAll("\n", "\\n")
            throw PluginMessageError("the \(what) is not JSON (it starts with '\(start)')")
        }
        guard let object = parsed as? [String: Any] else { throw PluginMessageError("the \(what) is not a JSON object") }
        return object
    }
}
