import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// Two `import --apply` runs on one dataset at the same time: the second is refused with a clear message while the
/// first holds the dataset's lock, and the dataset is only ever one import's complete result.
@Suite struct ConcurrentImportTests {
    /// A plug-in format `held` whose import waits until a file `<input>.go` appears, after announcing that it has
    /// started with `<input>.started`; the file it reads holds the dataset as plug-in JSON.
    static func heldPlugin(in folder: String) throws {
        let path = folder + "/regionkit-format-held"
        try """
        #!/usr/bin/env python3
        import json, os, sys, time
        request = json.load(sys.stdin)
        if request["operation"] == "describe":
            json.dump({"protocol_version": 1, "format": {"id": "held", "name": "held", "summary": "waits for a signal",
                       "file_extensions": ["held"], "capabilities": ["import"]}}, sys.stdout)
            sys.exit(0)
        source = request["input"]
        open(source + ".started", "w").close()
        for _ in range(6000):
            if os.path.exists(source + ".go"):
                break
            time.sleep(0.01)
        with open(source) as file:
            json.dump({"protocol_version": 1, "dataset": json.load(file)}, sys.stdout)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// The canonical dataset with one membership's status changed, as canonical YAML and as plug-in JSON.
    static func edited(_ dataset: String, status: String) throws -> (yaml: String, json: String) {
        var edited = try DatasetLoader().load(dataset).dataset
        let index = try #require(edited[.memberships].firstIndex { $0.id == "tjk-eaeu-prospective" })
        edited[.memberships][index]["status"] = .text(status)
        return (try DatasetYAMLText.of(edited), DatasetJSON.encode(edited).serialized())
    }

    @Test func aSecondImportIsRefusedWhileTheFirstHoldsTheLock() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let plugins = folder + "/plugins"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        try Self.heldPlugin(in: plugins)
        let original = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let first = try Self.edited(dataset, status: "member")
        let second = try Self.edited(dataset, status: "observer")
        let held = folder + "/first.held"
        try first.json.write(toFile: held, atomically: true, encoding: .utf8)
        try second.yaml.write(toFile: folder + "/second.yaml", atomically: true, encoding: .utf8)

        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: RegionKitBinary.path)
        importer.arguments = ["import", held, "--dataset", dataset, "--apply", "--plugin-path", plugins, "--plugin-timeout", "120"]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        defer { if importer.isRunning { importer.terminate() } }
        // Once the plug-in runs, the first import holds the lock: it is taken before anything is read.
        while importer.isRunning && !FileManager.default.fileExists(atPath: held + ".started") { usleep(10_000) }
        try #require(importer.isRunning, "the first import ended before its plug-in started")

        let refused = try RegionKitBinary.run(["import", folder + "/second.yaml", "--dataset", dataset, "--apply"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: \(dataset): another import is changing this dataset right now (lock file \(dataset).lock); try again when it has finished\n"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == original)

        _ = FileManager.default.createFile(atPath: held + ".go", contents: nil)
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(try String(contentsOfFile: dataset, encoding: .utf8) == first.yaml)
        #expect(!FileManager.default.fileExists(atPath: dataset + ".lock"))

        let again = try RegionKitBinary.run(["import", folder + "/second.yaml", "--dataset", dataset, "--apply"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try String(contentsOfFile: dataset, encoding: .utf8) == second.yaml)
    }

    /// Several imports started at once: each is applied or refused for the lock, and the dataset ends as exactly
    /// the file of one applied import, never a mix.
    @Test func importsStartedAtOnceNeverInterleave() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let statuses = ["member", "observer", "participant", "suspended"]
        var files: [String: String] = [:]
        for status in statuses {
            files[status] = try Self.edited(dataset, status: status).yaml
            try files[status]?.write(toFile: folder + "/\(status).yaml", atomically: true, encoding: .utf8)
        }
        let processes = statuses.map { status in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RegionKitBinary.path)
            process.arguments = ["import", folder + "/\(status).yaml", "--dataset", dataset, "--apply"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let applied = zip(statuses, processes).filter { $0.1.terminationStatus == 0 }.map(\.0)
        #expect(processes.allSatisfy { $0.terminationStatus == 0 || $0.terminationStatus == 2 })
        #expect(!applied.isEmpty)
        let result = try String(contentsOfFile: dataset, encoding: .utf8)
        #expect(applied.contains { files[$0] == result }, "the dataset is not the file of an applied import")
        #expect(WriteSandbox.temporaryFiles(under: folder) == [])
        #expect(!FileManager.default.fileExists(atPath: dataset + ".lock"))
    }
}
