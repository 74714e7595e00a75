import RegionKit

/// The relationships of a package part (`_rels/….rels`): which parts it points to, by id and by type.
struct Relationships {
    struct Relationship {
        let id: String
        /// The type URI; its last path component says what the target is (`worksheet`, `sharedStrings`, `comments`).
        let type: String
        /// The target part's path inside the package.
        let target: String
    }

    private(set) var all: [Relationship] = []

    /// The relationships of `part`, or none when it has no relationships part.
    static func of(_ part: String, in package: WorkbookPackage) throws(RegionKitError) -> Relationships {
        let folder = Self.folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard package.contains(relsPart) else { return Relationships() }
        let handler = Handler(folder: folder)
        try package.parse(relsPart, with: handler)
        return Relationships(all: handler.relationships)
    }

    /// The target of the relationship with an id.
    func target(id: String) -> String? { all.first { $0.id == id }?.target }

    /// The target of the first relationship whose type ends with `/kind`.
    func target(ofKind kind: String) -> String? {
        all.first { $0.type.hasSuffix("/" + kind) }?.target
    }

    /// The folder of a part: `xl/worksheets` for `xl/worksheets/sheet1.xml`, empty for a part at the root.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// Resolves a target against the folder of the part that points to it; `/xl/…` is from the package root.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if piece != "." {
                parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    private final class Handler: XMLEventHandler {
        let folder: String
        var relationships: [Relationship] = []
        var stopReason: String?

        init(folder: String) { self.folder = folder }

        func startElement(_ name: String, _ attributes: XMLAttributes) {
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            guard relationships.count < WorkbookLimits.listedItems else {
                stopReason = "the part lists more than \(WorkbookLimits.listedItems) relationships; the workbook is refused"
                return
            }
            guard attributes["TargetMode"] != "External" else { return }
            relationships.append(
                Relationship(
                    id: id, type: attributes["Type"] ?? "", target: Relationships.resolve(target, from: folder)))
        }

        func endElement(_ name: String) {}
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
}
