import Foundation

/// Paths inside the RegionKit checkout the tests run in.
public enum Repository {
    /// The checkout's root folder.
    public static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    public static let dataset = path("Fixtures/central-asia/dataset.yaml")
    public static let article = path("Fixtures/central-asia/sources/ispi-2019-gusev.txt")

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regionkit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// The files under a folder, relative to it, sorted.
    public static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
            .sorted()
    }

    /// Every file under a folder, by its path relative to the folder, with its bytes: equal before and after a
    /// command that must write nothing there (no changed byte, no new file, not even a temporary one).
    public static func contents(under folder: String) -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: files(under: folder).map { ($0, FileManager.default.contents(atPath: folder + "/" + $0) ?? Data()) })
    }
}

/// Runs a program and returns its exit status and output.
public struct ProgramRun {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public init(_ executable: String, _ arguments: [String], in folder: String = Repository.root, environment: [String: String] = [:])
        throws
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }

    /// Runs a tool found on PATH, failing clearly when `make test-deps` has not installed it.
    public static func tool(
        _ name: String, _ arguments: [String], in folder: String = Repository.root, environment: [String: String] = [:]
    ) throws -> ProgramRun {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw MissingTool(name: name) }
        return try ProgramRun(path, arguments, in: folder, environment: environment)
    }
}

public struct MissingTool: Error, CustomStringConvertible {
    public let name: String
    public init(name: String) { self.name = name }
    public var description: String { "\(name) is not installed; run 'make test-deps' (make test does)" }
}

/// The `regionkit` executable the tests run: beside the test bundle in the build folder.
public enum RegionKitBinary {
    public static let path: String = {
        if let named = ProcessInfo.processInfo.environment["REGIONKIT_BIN"] { return named }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("regionkit").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let inBundleFolder = Bundle.main.bundleURL.appendingPathComponent("regionkit").path
        if FileManager.default.isExecutableFile(atPath: inBundleFolder) { return inBundleFolder }
        return Repository.path(".build/debug/regionkit")
    }()

    /// Runs `regionkit` with arguments in a folder (the checkout by default).
    public static func run(_ arguments: [String], in folder: String = Repository.root, environment: [String: String] = [:]) throws
        -> ProgramRun
    {
        try ProgramRun(path, arguments, in: folder, environment: environment)
    }
}
