import Foundation

/// Where RegionKit looks for executable plug-ins, and how long it lets them run.
public struct PluginSettings: Sendable {
    /// The environment variable with extra plug-in folders, separated by `:`.
    public static let environmentVariable = "REGIONKIT_PLUGIN_PATH"

    /// Folders searched first (`--plugin-path`, then `REGIONKIT_PLUGIN_PATH`), before `PATH`.
    public var folders: [String]
    /// The seconds one plug-in run may take.
    public var timeout: Double

    public init(folders: [String] = [], timeout: Double = 60) {
        self.folders = folders
        self.timeout = timeout
    }

    /// The folders given, then those of `REGIONKIT_PLUGIN_PATH`, then those of `PATH`.
    public func searchFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let split = { (name: String) in (environment[name] ?? "").split(separator: ":").map(String.init) }
        return folders + split(Self.environmentVariable) + split("PATH")
    }
}

/// A plug-in program found on the search path: usable, or the reason it is not.
public struct DiscoveredPlugin: Sendable {
    public let name: String
    public let program: String
    public let plugin: Result<ExecutablePlugin, RegionKitError>
}

/// Finds `regionkit-format-NAME` programs; the first found for a name wins.
public enum PluginDiscovery {
    public static func discover(_ settings: PluginSettings, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [DiscoveredPlugin]
    {
        var found: [String: String] = [:]
        var order: [String] = []
        for folder in settings.searchFolders(environment: environment) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for entry in entries.sorted()
            where entry.hasPrefix(PluginProtocol.programPrefix) && entry.count > PluginProtocol.programPrefix.count {
                let name = String(entry.dropFirst(PluginProtocol.programPrefix.count))
                let path = URL(fileURLWithPath: folder).appendingPathComponent(entry).standardizedFileURL.path
                guard found[name] == nil, FileManager.default.isExecutableFile(atPath: path) else { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                found[name] = path
                order.append(name)
            }
        }
        return order.sorted().compactMap { name -> DiscoveredPlugin? in
            guard let program = found[name] else { return nil }
            // `describe` gets at least 10 s whatever --plugin-timeout says: a slow start must not hide a plug-in.
            let plugin: Result<ExecutablePlugin, RegionKitError>
            do throws(RegionKitError) {
                plugin = .success(try ExecutablePlugin(program: program, timeout: max(settings.timeout, 10)).withTimeout(settings.timeout))
            } catch {
                plugin = .failure(error)
            }
            return DiscoveredPlugin(name: name, program: program, plugin: plugin)
        }
    }
}

extension ExecutablePlugin {
    /// The same plug-in with another time limit.
    func withTimeout(_ timeout: Double) -> ExecutablePlugin {
        ExecutablePlugin(name: name, program: program, description: description, timeout: timeout)
    }

    init(name: String, program: String, description: PluginDescription, timeout: Double) {
        self.name = name
        self.program = program
        self.description = description
        self.timeout = timeout
    }
}
