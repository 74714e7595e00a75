// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for RegionKit's readers. Build with the sanitizers (`make fuzz-build` does):
//   swift build --package-path FuzzTesting --sanitize=fuzzer --sanitize=address
// Each product is a fuzzer executable: `.build/debug/FuzzYAML CORPUS_DIR -max_total_time=60`; `fuzz.sh` seeds and
// runs them.
let package = Package(
    name: "RegionKitFuzzTesting",
    dependencies: [
        .package(name: "RegionKit", path: "..")
    ],
    targets: [
        // What the harnesses share: checks that speak in optimised builds, the checkout's paths, a scratch folder
        // per process, re-exports.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "RegionKitFormats", package: "RegionKit")]),
        .executableTarget(
            name: "FuzzYAML",
            dependencies: ["FuzzSupport", .product(name: "RegionKitFormats", package: "RegionKit")]),
        .executableTarget(
            name: "FuzzXLSX",
            dependencies: ["FuzzSupport", .product(name: "RegionKitFormats", package: "RegionKit")]),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzSupport", .product(name: "RegionKitFormats", package: "RegionKit")]),
        .executableTarget(
            name: "FuzzGeoJSON",
            dependencies: ["FuzzSupport", .product(name: "RegionKitFormats", package: "RegionKit")]),
    ],
    swiftLanguageModes: [.v6]
)
