import ArgumentParser
import Foundation
import RegionKitFormats

/// Where executable plug-ins are looked for and how long they may run.
struct PluginOptions: ParsableArguments {
    @Option(
        name: .customLong("plugin-path"),
        help: ArgumentHelp(
            "A folder with regionkit-format-NAME programs, searched before $REGIONKIT_PLUGIN_PATH and $PATH; repeatable.",
            valueName: "folder"))
    var folders: [String] = []

    @Option(
        name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds a plug-in may run before it is stopped.", valueName: "seconds"))
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--plugin-timeout must be between 0 and 86400 seconds") }
    }

    var settings: PluginSettings { PluginSettings(folders: folders, timeout: timeout) }

    /// The plug-in programs found, usable or not.
    func discover() -> [DiscoveredPlugin] { PluginDiscovery.discover(settings) }

    /// The in-process formats, then the usable plug-ins whose names no in-process format has.
    func registry() -> FormatRegistry {
        var registry = FormatRegistry(CommandContext.formats)
        for found in discover() {
            if case .success(let plugin) = found.plugin { registry.register(plugin) }
        }
        return registry
    }
}
