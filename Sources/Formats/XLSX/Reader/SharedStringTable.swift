import RegionKit

/// The shared strings of a workbook (`xl/sharedStrings.xml`), by index; rich text runs are joined. The texts are
/// kept end to end in one byte array, with where each ends, so that millions of them take little more than their
/// bytes. Reading stops, with the line and column, past `WorkbookLimits.sharedStrings` strings,
/// `WorkbookLimits.sharedStringBytes` bytes or a string of more than `WorkbookLimits.cellCharacters` characters.
struct SharedStringTable {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    static func read(_ part: String?, in package: WorkbookPackage) throws(RegionKitError) -> SharedStringTable {
        guard let part else { return SharedStringTable() }
        let handler = Handler()
        try package.parse(part, with: handler)
        return handler.table
    }

    /// How many strings there are.
    var count: Int { ends.count }

    subscript(index: Int) -> String? {
        guard ends.indices.contains(index) else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }

    private final class Handler: XMLEventHandler {
        var table = SharedStringTable()
        var collector = TextCollector()
        var inItem = false
        var stopReason: String?

        func startElement(_ name: String, _ attributes: XMLAttributes) {
            if name == "si" {
                inItem = true
                collector.reset()
            } else if inItem {
                collector.start(name)
            }
        }

        func endElement(_ name: String) {
            if name == "si" {
                inItem = false
                guard table.count < WorkbookLimits.sharedStrings else {
                    stopReason =
                        "the workbook has more than \(WorkbookLimits.sharedStrings) shared strings, more than RegionKit reads; it is refused"
                    return
                }
                let text = Array(collector.text.utf8)
                guard table.bytes.count + text.count <= WorkbookLimits.sharedStringBytes else {
                    stopReason =
                        "the shared strings hold more than \(WorkbookLimits.sharedStringBytes >> 20) MiB of text, more than RegionKit reads; the workbook is refused"
                    return
                }
                table.bytes += text
                table.ends.append(UInt32(table.bytes.count))
            } else if inItem {
                collector.end(name)
            }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard inItem else { return }
            collector.characters(bytes)
            if collector.isTooLong {
                stopReason =
                    "shared string \(table.count) is longer than \(WorkbookLimits.cellCharacters) characters, more than a cell can hold; the workbook is refused"
            }
        }
    }
}
