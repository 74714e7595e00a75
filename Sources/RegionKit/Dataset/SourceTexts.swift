import Foundation

/// Reads the plain-text copies of the sources that quotes are checked against.
enum SourceTexts {
    static func read(for dataset: Dataset, relativeTo folder: URL, file: String, findings: inout [Finding]) -> [String: String] {
        var texts: [String: String] = [:]
        for (index, record) in dataset[.sources].enumerated() {
            guard let id = record.id, let relative = record["text"]?.text else { continue }
            let url = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : folder.appendingPathComponent(relative)
            let location = ValidationContext(file: file).location(of: "text", in: record, table: .sources, index: index)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                findings.append(
                    Finding(
                        code: "source.text-missing", message: "text: cannot read '\(relative)' (looked for \(url.path))",
                        location: location, hint: "the path is relative to the dataset file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                findings.append(Finding(code: "source.text-encoding", message: "text: '\(relative)' is not UTF-8", location: location))
                continue
            }
            texts[id] = text
        }
        return texts
    }
}
