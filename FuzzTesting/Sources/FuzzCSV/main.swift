import FuzzSupport
import RegionKitFormats

/// Reads arbitrary bytes as the CSV file of one table (`OneTablePackage.table(of:)`); reading may fail with an
/// error, never crash, hang or run out of memory. Two properties:
/// - record by record, the file read in chunks of 1 to 8 bytes (chosen by the last byte) gives the same records,
///   warnings and line breaks as read whole, or the same error;
/// - imported as a package, the rows of a table that reads (those read without a problem), exported again in each
///   dialect and imported back with the dialect detected, are the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let table = OneTablePackage.table(of: bytes)
    let folder = OneTablePackage.write(bytes, as: table, into: "input")
    let file = folder + "/" + DataPackageDescriptor.fileName(of: table.id)

    let whole = RecordReading(path: file, chunkSize: CSVReader.defaultChunkSize)
    let chunkSize = 1 + Int(bytes.last ?? 0) % 8
    let chunked = RecordReading(path: file, chunkSize: chunkSize)
    Check.require(whole == chunked, "chunks of \(chunkSize) bytes read differently: \(whole.difference(from: chunked))")

    guard let imported = try? CSVFormat().read(folder) else { return 0 }
    let rows = Reexport.readableRows(of: imported.dataset)
    for dialect in CSVDialect.allCases {
        let again = "again-\(dialect.name)"
        guard Reexport.write(rows, with: CSVFormat(), options: [CSVFormat.dialectOption: dialect.name], into: again)
        else { continue }
        let reread: ImportedDataset
        do {
            reread = try CSVFormat().read(Scratch.path(again))
        } catch {
            Check.fail("a table that reads, exported again in dialect \(dialect), does not read: \(error)")
        }
        Check.require(
            reread.dataset == rows,
            "a table that reads, exported again in dialect \(dialect), reads differently: \(DatasetDifference.first(rows, reread.dataset))"
        )
    }
    return 0
}
