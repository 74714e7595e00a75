import RegionKit

/// The comments (notes) of a worksheet, by cell, from the comments part its relationships point to.
struct SheetComments {
    private(set) var byCell: [CellAddress: String] = [:]

    static func read(forSheetPart part: String, in package: WorkbookPackage) throws(RegionKitError) -> SheetComments {
        let relationships = try Relationships.of(part, in: package)
        guard let commentsPart = relationships.target(ofKind: "comments"), package.contains(commentsPart) else {
            return SheetComments()
        }
        let handler = Handler()
        try package.parse(commentsPart, with: handler)
        return SheetComments(byCell: handler.comments)
    }

    subscript(address: CellAddress) -> String? { byCell[address] }

    private final class Handler: XMLEventHandler {
        var comments: [CellAddress: String] = [:]
        var current: CellAddress?
        var inText = false
        var collector = TextCollector()

        func startElement(_ name: String, _ attributes: XMLAttributes) {
            if name == "comment" {
                current = attributes["ref"].flatMap { CellAddress($0) }
                collector.reset()
            } else if name == "text" && current != nil {
                inText = true
            } else if inText {
                collector.start(name)
            }
        }

        func endElement(_ name: String) {
            if name == "comment" {
                if let current { comments[current] = collector.text }
                current = nil
            } else if name == "text" {
                inText = false
            } else if inText {
                collector.end(name)
            }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if inText { collector.characters(bytes) }
        }
    }
}
