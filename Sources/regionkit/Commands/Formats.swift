import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered formats and what each can do.")

        func run() throws {
            let formats = FormatRegistry.builtIn.formats.map(\.descriptor)
            let idWidth = max(6, formats.map(\.id.count).max() ?? 0)
            let capabilityWidth = max(12, formats.map { $0.capabilities.names.joined(separator: ",").count }.max() ?? 0)
            func row(_ id: String, _ capabilities: String, _ extensions: String, _ summary: String) -> String {
                id.padding(idWidth) + "  " + capabilities.padding(capabilityWidth) + "  " + extensions.padding(10) + "  " + summary
            }
            Console.out(row("FORMAT", "CAPABILITIES", "FILES", "DESCRIPTION"))
            for format in formats {
                Console.out(row(
                    format.id, format.capabilities.names.joined(separator: ","),
                    format.fileExtensions.map { ".\($0)" }.joined(separator: " "), format.summary))
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
