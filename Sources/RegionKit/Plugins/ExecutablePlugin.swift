import Foundation

/// A format provided by a program `regionkit-format-NAME`, in any language, that speaks the plug-in protocol.
///
/// RegionKit gives it a private, empty output folder, stops it past the time limit, refuses files it lists outside
/// that folder, and copies what it wrote into the real output only when everything checks out.
public struct ExecutablePlugin: DatasetExporter, DatasetImporter {
    /// The format name, from the program's name.
    public let name: String
    /// Where the program was found.
    public let program: String
    /// What the program said of itself.
    public let description: PluginDescription
    /// How long one run may take, in seconds.
    public let timeout: Double

    public var descriptor: FormatDescriptor {
        var capabilities: FormatCapabilities = []
        if description.capabilities.contains("export") { capabilities.insert(.export) }
        if description.capabilities.contains("import") { capabilities.insert(.import) }
        if description.capabilities.contains("streaming") { capabilities.insert(.streaming) }
        return FormatDescriptor(
            id: name, name: description.name, summary: description.summary, fileExtensions: description.fileExtensions,
            capabilities: capabilities, options: description.options)
    }

    /// Asks the program to describe itself; the answer must name the same format as the program's name.
    public init(program: String, timeout: Double) throws(RegionKitError) {
        let file = URL(fileURLWithPath: program).lastPathComponent
        name = String(file.dropFirst(PluginProtocol.programPrefix.count))
        self.program = program
        self.timeout = timeout
        let response = try Self.call(
            program: program, name: name, request: PluginRequest(operation: .describe), timeout: timeout, folder: nil)
        guard let format = response.format else {
            throw RegionKitError(.plugin, "plug-in '\(name)' (\(program)) answered 'describe' without a format description")
        }
        guard format.id == name else {
            throw RegionKitError(
                .plugin, "plug-in '\(name)' (\(program)) describes itself as '\(format.id)'; the program name says '\(name)'")
        }
        description = format
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        guard descriptor.capabilities.contains(.export) else {
            throw RegionKitError(.plugin, "plug-in '\(name)' cannot export")
        }
        let staging = try Staging()
        defer { staging.remove() }
        let pluginRequest = PluginRequest(
            operation: .export, options: request.options, name: request.name, outputFolder: staging.output, dataset: request.dataset)
        let response = try call(pluginRequest, folder: staging.root)
        try failOnErrors(response.findings)
        let files = try staging.check(response.files, plugin: self)
        for file in files {
            guard let data = FileManager.default.contents(atPath: staging.output + "/" + file) else {
                throw RegionKitError(.plugin, "plug-in '\(name)' listed '\(file)' but the file cannot be read")
            }
            try output.write([UInt8](data), named: file)
        }
    }

    public func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
        guard descriptor.capabilities.contains(.import) else {
            throw RegionKitError(.plugin, "plug-in '\(name)' cannot import")
        }
        let staging = try Staging()
        defer { staging.remove() }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let response = try call(PluginRequest(operation: .import, input: absolute), folder: staging.root, input: path)
        guard var imported = response.dataset else {
            throw RegionKitError(.plugin, "plug-in '\(name)' answered 'import' without a dataset")
        }
        imported.findings = response.findings + imported.findings
        return imported
    }

    func call(_ request: PluginRequest, folder: String, input: String = "plug-in output") throws(RegionKitError) -> PluginResponse {
        try Self.call(program: program, name: name, request: request, timeout: timeout, folder: folder, input: input)
    }

    static func call(
        program: String, name: String, request: PluginRequest, timeout: Double, folder: String?, input: String = "plug-in output"
    ) throws(RegionKitError) -> PluginResponse {
        let who = "plug-in '\(name)' (\(program))"
        let result = try ChildProcess(executable: program, workingDirectory: folder, timeout: timeout)
            .run(input: Array((request.json().serialized(pretty: false) + "\n").utf8))
        if result.timedOut {
            throw RegionKitError(
                .plugin, "\(who) ran past the time limit of \(Value.format(timeout)) s and was stopped; nothing was written")
        }
        if result.outputTooLarge {
            throw RegionKitError(.plugin, "\(who) printed more than RegionKit reads and was stopped; nothing was written")
        }
        guard result.status == 0 else {
            throw RegionKitError(.plugin, "\(who) failed with exit status \(result.status)\(Self.tail(result.stderr)); nothing was written")
        }
        let response: PluginResponse
        do {
            response = try PluginResponse.parse(result.stdout, input: input)
        } catch {
            throw RegionKitError(
                .plugin, "\(who) printed something that is not a plug-in response: \(error.description); nothing was written")
        }
        guard response.protocolVersion == PluginProtocol.version else {
            throw RegionKitError(
                .plugin,
                "\(who) speaks plug-in protocol version \(response.protocolVersion); this RegionKit speaks version \(PluginProtocol.version); nothing was written"
            )
        }
        return response
    }

    func failOnErrors(_ findings: [Finding]) throws(RegionKitError) {
        let errors = findings.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        throw RegionKitError(
            .plugin, "plug-in '\(name)' reported errors; nothing was written:\n" + errors.map { "  \($0)" }.joined(separator: "\n"))
    }

    static func tail(_ stderr: [UInt8]) -> String {
        let text = String(decoding: stderr.suffix(2000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : ":\n" + text.split(separator: "\n").suffix(10).map { "  | \($0)" }.joined(separator: "\n")
    }
}

/// A private temporary folder for one plug-in run: `root/out` is the output folder the plug-in is given.
struct Staging {
    private let folder: ScratchFolder
    var root: String { folder.path }
    var output: String { root + "/out" }

    init() throws(RegionKitError) {
        folder = try ScratchFolder(purpose: "plugin")
        do {
            try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: false)
        } catch {
            throw RegionKitError(.writeFailed, "cannot create a temporary folder for a plug-in: \(error.localizedDescription)")
        }
    }

    func remove() {
        folder.remove()
    }

    /// The listed files, each a regular file inside the output folder; and nothing else written anywhere in the staging folder.
    func check(_ listed: [String], plugin: ExecutablePlugin) throws(RegionKitError) -> [String] {
        let who = "plug-in '\(plugin.name)' (\(plugin.program))"
        let resolvedOutput = URL(fileURLWithPath: output).resolvingSymlinksInPath().path + "/"
        for file in listed {
            let resolved = URL(fileURLWithPath: output + "/" + file).standardizedFileURL.resolvingSymlinksInPath().path
            guard !file.hasPrefix("/"), resolved.hasPrefix(resolvedOutput) else {
                throw RegionKitError(.plugin, "\(who) wrote '\(file)' outside its output folder; nothing was written")
            }
            var info = stat()
            guard lstat(output + "/" + file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw RegionKitError(
                    .plugin, "\(who) listed '\(file)', which is not a regular file in its output folder; nothing was written")
            }
        }
        let strays = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0 != "out" && !$0.hasPrefix("out/") }
        if let stray = strays.first {
            throw RegionKitError(.plugin, "\(who) wrote '\(stray)' outside its output folder; nothing was written")
        }
        return listed
    }
}
