import RegionKit

/// What the workbook part and its relationships say: the sheets in tab order with their parts, the date system, and
/// where the shared strings and styles are. Every part is found through the package's relationships, as Office Open
/// XML says, so a workbook part that is not `xl/workbook.xml` is read as well.
struct WorkbookIndex {
    struct Sheet {
        let name: String
        /// The worksheet part, such as `xl/worksheets/sheet3.xml`.
        let part: String
        /// Whether the tab is hidden (`hidden` or `veryHidden`).
        let hidden: Bool
    }

    /// The workbook part, such as `xl/workbook.xml`.
    let workbookPart: String
    let sheets: [Sheet]
    let dateSystem: DateSerial.System
    let sharedStringsPart: String?
    let stylesPart: String?
    /// The macro project part (`xl/vbaProject.bin` in a `.xlsm`), which is never read, let alone run.
    let macroPart: String?

    /// The fallback when a package's root relationships name no workbook part: where Excel and LibreOffice put it.
    static let usualWorkbookPart = "xl/workbook.xml"

    static func read(_ package: WorkbookPackage) throws(RegionKitError) -> WorkbookIndex {
        let workbookPart = try locateWorkbookPart(in: package)
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
            stylesPart: relationships.target(ofKind: "styles").flatMap { package.contains($0) ? $0 : nil },
            macroPart: relationships.target(ofKind: "vbaProject").flatMap { package.contains($0) ? $0 : nil })
    }

    /// The workbook part: the target of the package's `officeDocument` relationship (in `_rels/.rels`), or
    /// `xl/workbook.xml` when the package has no such relationship. A package without it is not a workbook: an
    /// OpenDocument file, which says so in its `mimetype` part, or some other ZIP package.
    static func locateWorkbookPart(in package: WorkbookPackage) throws(RegionKitError) -> String {
        let root = try Relationships.of("", in: package)
        if let target = root.target(ofKind: "officeDocument") {
            guard package.contains(target) else {
                throw RegionKitError(
                    .unsupported,
                    "\(package.path): is a ZIP package but not an XLSX workbook: its relationships (_rels/.rels) name the workbook part \(target), which it does not have"
                )
            }
            return target
        }
        if package.contains(usualWorkbookPart) { return usualWorkbookPart }
        if let mimetype = try package.text(of: "mimetype"), mimetype.hasPrefix("application/vnd.oasis.opendocument") {
            throw RegionKitError(
                .unsupported,
                "\(package.path): is an OpenDocument file (\(mimetype)), not an XLSX workbook; save it as an Excel 2007-365 workbook (.xlsx)"
            )
        }
        throw RegionKitError(
            .unsupported,
            "\(package.path): is a ZIP package but not an XLSX workbook (it has no workbook part: no officeDocument relationship in _rels/.rels, and no \(usualWorkbookPart))"
        )
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
