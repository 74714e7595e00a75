import FuzzSupport
import RegionKitFormats

/// Checks arbitrary bytes with the GeoJSON validator of `regionkit validate`, as a GeoJSON file and as a GeoJSON
/// text sequence: it may refuse a file that is not JSON, never crash, hang or run out of memory. Bytes that read as
/// JSON must also write out (pretty and compact) and read back as the same value, and a file's findings, located
/// by JSON path, must be the same for that written-out text as for the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let validator = GeoJSONValidator()
    let report = try? validator.validate(bytes, file: "fuzz.geojson")
    _ = try? validator.validate(bytes, file: "fuzz.geojsons")

    guard let value = try? JSONReader().read(bytes) else { return 0 }
    for pretty in [true, false] {
        let text = value.serialized(pretty: pretty)
        let again: JSONValue
        do {
            again = try JSONReader().read(text)
        } catch {
            Check.fail("JSON that reads, written out\(pretty ? " pretty" : ""), does not read: \(error)")
        }
        Check.require(again == value, "JSON that reads, written out\(pretty ? " pretty" : ""), reads as another value")
        // A record separator anywhere makes the input a sequence; the written-out text has none.
        guard let report, !bytes.contains(0x1E) else { continue }
        do {
            let other = try validator.validate(Array(text.utf8), file: "fuzz.geojson")
            Check.require(
                other.findings == report.findings && other.featureCount == report.featureCount,
                "the findings differ for the same JSON written out\(pretty ? " pretty" : ""): \(report.findings) vs \(other.findings)")
        } catch {
            Check.fail("the validator refuses the JSON it read, written out\(pretty ? " pretty" : ""): \(error)")
        }
    }
    return 0
}
