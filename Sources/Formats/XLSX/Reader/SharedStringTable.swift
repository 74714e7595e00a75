import RegionKit

/// The shared strings of a workbook (`xl/sharedStrings.xml`), by index; rich text runs are joined.
struct SharedStringTable {
    private(set) var strings: [String] = []

    static func read(_ part: String?, in package: WorkbookPackage) throws(RegionKitError) -> SharedStringTable {
        guard let part else { return SharedStringTable() }
        let handler = Handler()
        try package.parse(part, with: handler)
        return SharedStringTable(strings: handler.strings)
    }

    subscript(index: Int) -> String? {
        strings.indices.contains(index) ? strings[index] : nil
    }

    private final class Handler: XMLEventHandler {
        var strings: [String] = []
        var collector = TextCollector()
        var inItem = false

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
                strings.append(collector.text)
                inItem = false
            } else if inItem {
                collector.end(name)
            }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if inItem { collector.characters(bytes) }
        }
    }
}
