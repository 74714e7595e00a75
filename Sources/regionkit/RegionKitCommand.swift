import ArgumentParser
public import RegionKitFormats

/// The `regionkit` command line, as a library: a team that writes its own in-process formats builds its own
/// `regionkit` with `RegionKitCLI.main(formats:)`.
public enum RegionKitCLI {
    /// Runs the command line with these in-process formats (usually `FormatRegistry.builtIn.formats` and your own).
    public static func main(formats: [any DatasetFormat] = FormatRegistry.builtIn.formats) {
        CommandContext.formats = formats
        OutputTransaction.reportFileSizeLimitAsError()
        RegionKitCommand.main()
    }
}

/// What the commands of one run share: the in-process formats, set once before parsing.
enum CommandContext {
    nonisolated(unsafe) static var formats: [any DatasetFormat] = FormatRegistry.builtIn.formats
}

struct RegionKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regionkit",
        abstract: "Validate, export and import the Central Asia relations dataset.",
        version: "0.1.0",
        subcommands: [
            Validate.self, Export.self, Import.self, Map.self, Formats.self, Schema.self, Check.self, Generate.self,
        ])
}

/// Exit statuses shared by every command.
enum Status {
    /// The input has error findings.
    static let invalid = ExitCode(1)
    /// The input cannot be used at all: missing, unreadable, not YAML, or an output that cannot be written.
    static let unusable = ExitCode(2)
}

/// Prints an unusable-input error the way every command does, and gives the exit status for it.
func fail(_ error: RegionKitError) -> ExitCode {
    // Syntax errors already read like a compiler's ("file:line:column: error: …" with the line and a caret).
    Console.error(error.kind == .syntax ? error.message : "error: \(error.message)")
    return Status.unusable
}
