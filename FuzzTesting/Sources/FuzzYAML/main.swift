import RegionKitFormats

/// Reads arbitrary bytes as a YAML dataset: it may fail with an error, never crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let loaded = try? DatasetLoader().load(bytes: bytes, path: "fuzz.yaml") {
        // A dataset that reads must also write and read back.
        if let text = try? DatasetYAMLText.of(loaded.dataset) {
            _ = try? DatasetLoader().load(bytes: Array(text.utf8), path: "fuzz.yaml")
        }
    }
    return 0
}
