import RegionKit

/// The `regionkit key:` of each comment (note) of a worksheet that carries one, by cell, from the comments part its
/// relationships point to. Only those keys are kept: the importer needs nothing else from comments. A key longer
/// than `maximumKeyLength` names no field and is dropped; more than `WorkbookLimits.listedItems` keys stop the
/// reading.
struct SheetComments {
    /// The longest key kept: 64 characters, more than any field key has.
    static let maximumKeyLength = 64

    private(set) var keys: [CellAddress: String] = [:]

    static func read(forSheetPart part: String, in package: WorkbookPackage) throws(RegionKitError) -> SheetComments {
        let relationships = try Relationships.of(part, in: package)
        guard let commentsPart = relationships.target(ofKind: "comments"), package.contains(commentsPart) else {
            return SheetComments()
        }
        let handler = Handler()
        try package.parse(commentsPart, with: handler)
        return SheetComments(keys: handler.keys)
    }

    /// The key in the comment of a cell, if it has one.
    subscript(address: CellAddress) -> String? { keys[address] }

    private final class Handler: XMLEventHandler {
        var keys: [CellAddress: String] = [:]
        var current: CellAddress?
        var inText = false
        var collector = TextCollector()
        var stopReason: String?

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
                defer { current = nil }
                guard let current, let key = WorkbookLayout.key(inComment: collector.text),
                    key.count <= SheetComments.maximumKeyLength
                else { return }
                guard keys.count < WorkbookLimits.listedItems else {
                    stopReason =
                        "the sheet has more than \(WorkbookLimits.listedItems) comments with a regionkit key; the workbook is refused"
                    return
                }
                keys[current] = key
            } else if name == "text" {
                inText = false
            } else if inText {
                collector.end(name)
            }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard inText else { return }
            collector.characters(bytes)
            if collector.isTooLong {
                stopReason = "a comment is longer than \(WorkbookLimits.cellCharacters) characters; the workbook is refused"
            }
        }
    }
}
