// swift-tools-version:6.0
import PackageDescription

// An example of a team's own format outside RegionKit, used both ways:
// - in process: `regionkit-markdown` is a `regionkit` built with the Markdown brief format added;
// - as an executable plug-in: `regionkit-format-markdown` speaks the plug-in protocol, for any `regionkit`.
let package = Package(
    name: "MarkdownBrief",
    products: [
        .library(name: "MarkdownBrief", targets: ["MarkdownBrief"]),
        .executable(name: "regionkit-markdown", targets: ["regionkit-markdown"]),
        .executable(name: "regionkit-format-markdown", targets: ["regionkit-format-markdown"]),
    ],
    dependencies: [
        .package(name: "RegionKit", path: "../.."),
    ],
    targets: [
        .target(name: "MarkdownBrief", dependencies: [.product(name: "RegionKitFormats", package: "RegionKit")]),
        .executableTarget(
            name: "regionkit-markdown",
            dependencies: ["MarkdownBrief", .product(name: "RegionKitCLI", package: "RegionKit")]),
        .executableTarget(name: "regionkit-format-markdown", dependencies: ["MarkdownBrief"]),
    ],
    swiftLanguageModes: [.v6]
)
