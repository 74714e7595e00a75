import Foundation
import MarkdownBrief
import RegionKitFormats

// The Markdown brief as an executable plug-in: one request on standard input, one response on standard output.
let input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
let response: PluginResponse
do {
    let request = try PluginRequest.parse(input)
    guard request.protocolVersion == PluginProtocol.version else {
        FileHandle.standardError.write(Data("unsupported protocol version \(request.protocolVersion)\n".utf8))
        exit(3)
    }
    let format = MarkdownBriefFormat().descriptor
    switch request.operation {
    case .describe:
        response = PluginResponse(format: PluginDescription(
            id: format.id, name: format.name, summary: format.summary, fileExtensions: format.fileExtensions,
            capabilities: format.capabilities.names, options: format.options))
    case .export:
        guard let dataset = request.dataset, let folder = request.outputFolder, let name = request.name else {
            FileHandle.standardError.write(Data("an export request needs dataset, output_folder and name\n".utf8))
            exit(3)
        }
        let file = "\(name).md"
        let text = MarkdownBriefFormat.brief(of: dataset, title: request.options["title"] ?? name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file))
        response = PluginResponse(files: [file])
    case .import:
        FileHandle.standardError.write(Data("the Markdown brief cannot be imported\n".utf8))
        exit(3)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
print(response.json().serialized(pretty: false))
