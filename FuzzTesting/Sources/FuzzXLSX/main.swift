import Foundation
import FuzzSupport
import RegionKitFormats

/// Reads arbitrary bytes as a workbook: the XLSX import may fail with an error, never crash, hang or run out of
/// memory. Bytes that start like a ZIP package (`PK`) are the workbook file itself; other bytes are `PartEdits` to
/// a small export (`WorkbookSkeleton`), so that most inputs are workbooks whose parts, not whose container, are damaged. The rows
/// of a workbook that imports (those read without a problem), exported again and imported back, must be the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let workbook =
        bytes.starts(with: [0x50, 0x4B]) ? Data(bytes) : WorkbookSkeleton.small.zipped(with: PartEdits(bytes))
    let path = Scratch.write(workbook, to: "input.xlsx")
    guard let imported = try? XLSXFormat().read(path) else { return 0 }

    let rows = Reexport.readableRows(of: imported.dataset)
    guard Reexport.write(rows, with: XLSXFormat(), options: ["memory": "full"], into: "again") else { return 0 }
    let again: ImportedDataset
    do {
        again = try XLSXFormat().read(Scratch.path("again/fuzz.xlsx"))
    } catch {
        Check.fail("a workbook that imports, exported again, does not import: \(error)")
    }
    Check.require(
        again.dataset == rows,
        "a workbook that imports, exported again, imports differently: \(DatasetDifference.first(rows, again.dataset))")
    return 0
}
