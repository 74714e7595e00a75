// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RegionKit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "regionkit", targets: ["regionkit"]),
        .library(name: "RegionKit", targets: ["RegionKit"]),
        .library(name: "RegionKitFormats", targets: ["RegionKitFormats"]),
        .library(name: "RegionKitCLI", targets: ["RegionKitCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries from Debian, linked through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CExpat",
            pkgConfig: "expat",
            providers: [.apt(["libexpat1-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // The canonical schema: tables, fields, values, findings and the validation rules.
        .target(name: "RegionSchema"),

        // YAML over libyaml: a located node tree, an emitter, and the dataset codec.
        .target(name: "RegionYAML", dependencies: ["RegionSchema", "CYAML"]),

        // Loading and saving the dataset, the format protocols and the registry type; SHA-256 from swift-crypto.
        .target(
            name: "RegionKit",
            dependencies: ["RegionSchema", "RegionYAML", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // One module per built-in format.
        .target(name: "FormatYAML", dependencies: ["RegionKit", "RegionYAML"], path: "Sources/Formats/YAML"),
        .target(name: "FormatCSV", dependencies: ["RegionKit"], path: "Sources/Formats/CSV"),
        .target(name: "FormatGeoJSON", dependencies: ["RegionKit"], path: "Sources/Formats/GeoJSON"),
        .target(name: "FormatMap", dependencies: ["RegionKit", "FormatGeoJSON"], path: "Sources/Formats/Map"),
        .target(
            name: "FormatXLSX",
            dependencies: ["RegionKit", "RegionYAML", "CXLSXWriter", "CExpat", "CZlib"],
            path: "Sources/Formats/XLSX"
        ),

        // The registry of built-in formats, for tools that embed RegionKit.
        .target(
            name: "RegionKitFormats",
            dependencies: ["RegionKit", "FormatYAML", "FormatCSV", "FormatXLSX", "FormatGeoJSON", "FormatMap"]
        ),

        // The command line as a library, so a team can build its own `regionkit` with extra in-process formats.
        .target(
            name: "RegionKitCLI",
            dependencies: [
                "RegionKitFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/regionkit"
        ),
        .executableTarget(name: "regionkit", dependencies: ["RegionKitCLI"], path: "Sources/RegionKitTool"),

        // Paths of the checkout, temporary folders and running programs, shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Generated valid datasets with awkward values, and the runner that checks properties on them and shrinks failures.
        .target(name: "PropertySupport", dependencies: ["RegionSchema", "RegionKit", "TestSupport"], path: "Tests/PropertySupport"),
        .testTarget(name: "RegionSchemaTests", dependencies: ["RegionSchema"]),
        .testTarget(name: "RegionYAMLTests", dependencies: ["RegionYAML"]),
        .testTarget(name: "RegionKitTests", dependencies: ["RegionKitFormats", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["regionkit", "TestSupport"]),
        .testTarget(name: "GISTests", dependencies: ["RegionKitFormats", "TestSupport", "regionkit"]),
        .testTarget(name: "FormatCSVTests", dependencies: ["FormatCSV", "RegionKitFormats", "TestSupport", "regionkit"]),
        .testTarget(name: "BenchmarkTests", dependencies: ["regionkit", "TestSupport"]),
        .testTarget(name: "HostileInputTests", dependencies: ["regionkit", "TestSupport"], exclude: ["Scripts"]),
        .testTarget(name: "WriteSafetyTests", dependencies: ["RegionKitFormats", "regionkit", "TestSupport"]),
        .testTarget(
            name: "PropertyTests",
            dependencies: ["PropertySupport", "RegionKitFormats", "TestSupport"],
            exclude: ["Scripts", "Regressions"]
        ),
        .testTarget(
            name: "FormatXLSXTests",
            dependencies: ["FormatXLSX", "RegionKitFormats", "regionkit", "TestSupport"],
            exclude: ["Scripts"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
