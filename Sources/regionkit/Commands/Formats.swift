import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the formats: built in, and executable plug-ins found on the plug-in path and PATH.")

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            var rows: [[String]] = [["FORMAT", "CAPABILITIES", "FILES", "FROM", "DESCRIPTION"]]
            let inProcess = CommandContext.formats.map(\.descriptor)
            for format in inProcess {
                rows.append([format.id, format.capabilities.names.joined(separator: ","), Self.files(format), "built-in", format.summary])
            }
            var problems: [String] = []
            for found in plugins.discover() {
                switch found.plugin {
                case .success(let plugin):
                    let format = plugin.descriptor
                    let shadowed = inProcess.contains { $0.id == format.id }
                    rows.append([
                        format.id, format.capabilities.names.joined(separator: ","), Self.files(format), found.program,
                        shadowed ? "(not used: a built-in format has this name)" : format.summary,
                    ])
                case .failure(let error):
                    problems.append("warning: \(error.message)")
                }
            }
            let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                Console.out((0..<4).map { row[$0].padding(widths[$0]) }.joined(separator: "  ") + "  " + row[4])
            }
            problems.forEach(Console.error)
        }

        static func files(_ format: FormatDescriptor) -> String {
            format.fileExtensions.map { ".\($0)" }.joined(separator: " ")
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
