// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for RegionKit's readers. Build with the sanitizers (`make fuzz` does):
//   swift build --package-path FuzzTesting --sanitize=fuzzer --sanitize=address
// Each product is a fuzzer executable: `.build/debug/FuzzYAML CORPUS_DIR -max_total_time=60`.
let package = Package(
    name: "RegionKitFuzzTesting",
    dependencies: [
        .package(name: "RegionKit", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzYAML",
            dependencies: [.product(name: "RegionKitFormats", package: "RegionKit")]),
    ],
    swiftLanguageModes: [.v6]
)
