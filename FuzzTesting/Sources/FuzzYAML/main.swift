import FuzzSupport
import RegionKitFormats

/// Reads arbitrary bytes as a YAML dataset: it may fail with an error, never crash, hang or leak. Read again in
/// chunks of 1 to 8 bytes (chosen by the last byte), it must give the same dataset and findings, or fail too (not
/// always with the same error: libyaml reports a problem as soon as it decodes that far, so with less read ahead an
/// earlier problem of an input that has several may come first).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let whole = Result { () throws(RegionKitError) in try DatasetLoader().load(bytes: bytes, path: "fuzz.yaml") }
    let chunkSize = 1 + Int(bytes.last ?? 0) % 8
    let chunked = Result { () throws(RegionKitError) in
        try DatasetLoader(chunkSize: chunkSize).load(bytes: bytes, path: "fuzz.yaml")
    }
    switch (whole, chunked) {
    case (.success(let one), .success(let other)):
        Check.require(one.dataset == other.dataset && one.findings == other.findings, "chunks of \(chunkSize) bytes read differently")
    case (.failure, .failure):
        break
    default:
        Check.fail("chunks of \(chunkSize) bytes read where the whole input fails, or the other way round")
    }
    if let loaded = try? whole.get() {
        // A dataset that reads must also write and read back.
        if let text = try? DatasetYAMLText.of(loaded.dataset) {
            _ = try? DatasetLoader().load(bytes: Array(text.utf8), path: "fuzz.yaml")
        }
    }
    return 0
}
