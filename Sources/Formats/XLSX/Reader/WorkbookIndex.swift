import RegionKit

/// What `xl/workbook.xml` and its relationships say: the sheets in tab order with their parts, the date system, and
/// where the shared strings and styles are.
struct WorkbookIndex {
    struct Sheet {
        let name: String
        /// The worksheet part, such as `xl/worksheets/sheet3.xml`.
        let part: String
        /// Whether the tab is hidden (`hidden` or `veryHidden`).
        let hidden: Bool
    }

    let workbookPart: String
    let sheets: [Sheet]
    let dateSystem: DateSerial.System
    let sharedStringsPart: String?
    let stylesPart: String?

    static func read(_ package: WorkbookPackage) throws(RegionKitError) -> WorkbookIndex {
        let root = try Relationships.of("", in: package)
        let workbookPart = root.target(ofKind: "officeDocument") ?? "xl/workbook.xml"
        guard package.contains(workbookPart) else {
            throw RegionKitError(.unsupported, "\(package.path): is a ZIP package but not an XLSX workbook (it has no \(workbookPart))")
        }
        let handler = Handler()
        try package.parse(workbookPart, with: handler)
        let relationships = try Relationships.of(workbookPart, in: package)
        var sheets: [Sheet] = []
        for entry in handler.sheets {
            guard let part = relationships.target(id: entry.relationship), package.contains(part) else {
                throw RegionKitError(.syntax, "\(package.path): the sheet '\(entry.name)' has no worksheet part in the package")
            }
            sheets.append(Sheet(name: entry.name, part: part, hidden: entry.hidden))
        }
        return WorkbookIndex(
            workbookPart: workbookPart, sheets: sheets, dateSystem: handler.date1904 ? .base1904 : .base1900,
            sharedStringsPart: relationships.target(ofKind: "sharedStrings").flatMap { package.contains($0) ? $0 : nil },
            stylesPart: relationships.target(ofKind: "styles").flatMap { package.contains($0) ? $0 : nil })
    }

    /// The sheet with a name, exactly.
    func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }

    private final class Handler: XMLEventHandler {
        var sheets: [(name: String, relationship: String, hidden: Bool)] = []
        var date1904 = false
        var stopReason: String?

        func startElement(_ name: String, _ attributes: XMLAttributes) {
            switch name {
            case "sheet":
                guard let sheetName = attributes["name"], let relationship = attributes["id"] else { return }
                guard sheets.count < WorkbookLimits.listedItems else {
                    stopReason = "the workbook lists more than \(WorkbookLimits.listedItems) sheets; it is refused"
                    return
                }
                let state = attributes["state"] ?? "visible"
                sheets.append((sheetName, relationship, state != "visible"))
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                date1904 = value == "1" || value == "true"
            default:
                break
            }
        }

        func endElement(_ name: String) {}
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
}
