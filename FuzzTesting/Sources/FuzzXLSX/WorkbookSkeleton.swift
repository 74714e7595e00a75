import Foundation
import FuzzSupport
import RegionKitFormats

/// The parts of a workbook export that fuzz inputs edit: a whole, valid RegionKit workbook around whatever part an
/// input replaces, so that the fuzzer reaches the sheet, cell and export-record logic instead of stopping at the
/// ZIP container.
struct WorkbookSkeleton {
    /// The parts in the order of the export, as they are stored (deflated).
    let parts: [ZipEntry]

    /// The export of the canonical dataset cut to its first two rows per table: every sheet and the export record,
    /// small enough that a run takes little more than the part it edits.
    static let small: WorkbookSkeleton = {
        let path = Checkout.path("Fixtures/central-asia/dataset.yaml")
        var dataset: Dataset
        do {
            dataset = try DatasetLoader().load(path).dataset
        } catch {
            Check.fail("cannot load \(path): \(error)")
        }
        for table in TableID.allCases { dataset[table] = Array(dataset[table].prefix(2)) }
        guard Reexport.write(dataset, with: XLSXFormat(), name: "skeleton", options: ["memory": "full"], into: "skeleton") else {
            Check.fail("cannot export the skeleton workbook")
        }
        return WorkbookSkeleton(path: Scratch.path("skeleton/skeleton.xlsx"))
    }()

    /// The parts of the workbook at `path`.
    init(path: String) {
        guard let package = FileManager.default.contents(atPath: path) else { Check.fail("cannot read \(path)") }
        parts = ZipEntry.entries(of: package)
    }

    /// A ZIP package of the skeleton with `edits` made: replaced and new parts stored as they are, new parts after
    /// the skeleton's, the others deflated as the export wrote them.
    func zipped(with edits: PartEdits) -> Data {
        var zip = ZipWriter()
        for part in parts where !edits.removals.contains(part.name) {
            zip.append(edits.replacement(of: part.name).map { ZipEntry(name: part.name, bytes: Data($0)) } ?? part)
        }
        let known = Set(parts.map(\.name))
        for (name, bytes) in edits.replacements where !known.contains(name) {
            zip.append(ZipEntry(name: name, bytes: Data(bytes)))
        }
        return zip.package
    }
}
