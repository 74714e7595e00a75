import RegionKitFormats

/// Reads arbitrary bytes as a YAML dataset: it may fail with an error, never crash, hang or leak. Read again in
/// chunks of 1 to 8 bytes (chosen by the last byte), it must give the same dataset, findings or error.
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
        precondition(one.dataset == other.dataset && one.findings == other.findings, "chunks of \(chunkSize) bytes read differently")
    case (.failure(let one), .failure(let other)):
        precondition(one.message == other.message, "chunks of \(chunkSize) bytes fail differently")
    default:
        preconditionFailure("chunks of \(chunkSize) bytes read where the whole input fails, or the other way round")
    }
    if let loaded = try? whole.get() {
        // A dataset that reads must also write and read back.
        if let text = try? DatasetYAMLText.of(loaded.dataset) {
            _ = try? DatasetLoader().load(bytes: Array(text.utf8), path: "fuzz.yaml")
        }
    }
    return 0
}
