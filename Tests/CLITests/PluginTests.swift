import Foundation
import TestSupport
import Testing

/// Executable plug-ins: the two examples, and small fake plug-ins that misbehave in every way the protocol names.
@Suite(.serialized) struct PluginTests {
    /// A fake plug-in in Python: it describes itself properly, then misbehaves on export or import as `mode` says.
    static func fake(_ mode: String, in folder: String) throws -> String {
        let path = folder + "/regionkit-format-\(mode)"
        try """
        #!/usr/bin/env python3
        import json, os, sys, time
        request = json.load(sys.stdin)
        mode = \(String(reflecting: mode))
        if request["operation"] == "describe":
            json.dump({"protocol_version": 1, "format": {"id": mode, "name": mode, "summary": "a fake that misbehaves",
                       "file_extensions": [mode], "capabilities": ["export", "import"]}}, sys.stdout)
            sys.exit(0)
        if mode == "crash":
            print("something broke inside", file=sys.stderr)
            sys.exit(3)
        if mode == "garbage":
            print("Hello! I am not JSON.")
            sys.exit(0)
        if mode == "future":
            json.dump({"protocol_version": 2, "files": []}, sys.stdout)
            sys.exit(0)
        if mode == "slow":
            time.sleep(60)
        if mode == "escape":
            with open(os.path.join(request["output_folder"], "..", "escaped.txt"), "w") as f:
                f.write("x")
            json.dump({"protocol_version": 1, "files": ["../escaped.txt"]}, sys.stdout)
            sys.exit(0)
        if mode == "absolute":
            json.dump({"protocol_version": 1, "files": ["/tmp/x"]}, sys.stdout)
            sys.exit(0)
        if mode == "dotdot":
            json.dump({"protocol_version": 1, "files": ["../evil"]}, sys.stdout)
            sys.exit(0)
        if mode == "symlink":
            os.symlink("/etc/passwd", os.path.join(request["output_folder"], "central-asia.symlink"))
            json.dump({"protocol_version": 1, "files": ["central-asia.symlink"]}, sys.stdout)
            sys.exit(0)
        if mode == "bad-dataset":
            json.dump({"protocol_version": 1, "dataset": {"regionkit": "1", "countries": [{"id": "KAZ", "alpha2": "KZ",
                "name": "Kazakhstan", "role": "central asian stat", "source": "nowhere", "quote": "q"}]}}, sys.stdout)
            sys.exit(0)
        sys.exit(0)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// An output folder that already holds an earlier export, to check it is left as it was.
    static func earlierExport() throws -> String {
        let folder = try Repository.temporaryFolder()
        for mode in ["crash", "garbage", "future", "slow", "escape", "absolute", "dotdot", "symlink"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + mode, withIntermediateDirectories: true)
            try "earlier\n".write(toFile: folder + "/\(mode)/central-asia.\(mode)", atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test(arguments: [
        ("crash", "failed with exit status 3:\n  | something broke inside; nothing was written"),
        (
            "garbage",
            "printed something that is not a plug-in response: the response is not JSON (it starts with 'Hello! I am not JSON.\\n'); nothing was written"
        ),
        ("future", "speaks plug-in protocol version 2; this RegionKit speaks version 1; nothing was written"),
        ("slow", "ran past the time limit of 1 s and was stopped; nothing was written"),
        ("escape", "wrote '../escaped.txt' outside its output folder; nothing was written"),
        ("absolute", "wrote '/tmp/x' outside its output folder; nothing was written"),
        ("dotdot", "wrote '../evil' outside its output folder; nothing was written"),
        ("symlink", "wrote 'central-asia.symlink' outside its output folder; nothing was written"),
    ])
    func misbehavingPluginIsStoppedNamedAndWritesNothing(_ mode: String, _ message: String) throws {
        let plugins = try Repository.temporaryFolder()
        let program = try Self.fake(mode, in: plugins)
        let output = try Self.earlierExport()
        let before = Repository.files(under: output)
        let run = try RegionKitBinary.run([
            "export", "--format", mode, "--output", output, "--plugin-path", plugins, "--plugin-timeout", "1",
        ])
        #expect(run.status == 2)
        #expect(run.stderr == "error: plug-in '\(mode)' (\(program)) \(message)\n", "\(run.stderr)")
        #expect(Repository.files(under: output) == before)
        #expect(try String(contentsOfFile: output + "/\(mode)/central-asia.\(mode)", encoding: .utf8) == "earlier\n")
    }

    @Test func pluginReturningAnInvalidDatasetIsValidatedLikeAnyInput() throws {
        let plugins = try Repository.temporaryFolder()
        _ = try Self.fake("bad-dataset", in: plugins)
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        let dataset = folder + "/central-asia/dataset.yaml"
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        try "anything".write(toFile: folder + "/edited.bad-dataset", atomically: true, encoding: .utf8)
        let run = try RegionKitBinary.run([
            "import", folder + "/edited.bad-dataset", "--dataset", dataset, "--apply", "--allow-deletions", "--plugin-path", plugins,
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(folder)/edited.bad-dataset:countries[0].role: error: role: 'central asian stat' is not one of"))
        #expect(run.stdout.contains("error: source: 'nowhere' is not the id of any row of sources [ref.unknown]"))
        #expect(run.stdout.hasSuffix("nothing was written\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    @Test func pythonKMLPluginExportsWhatGDALReads() throws {
        let output = try Repository.temporaryFolder()
        let run = try RegionKitBinary.run(["export", "--format", "kml", "--output", output, "--plugin-path", "Examples/plugins"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(output)/kml/central-asia.kml\n")
        let info = try ProgramRun.tool("ogrinfo", ["-ro", "-al", "-so", output + "/kml/central-asia.kml"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("Feature Count: 8"), "\(info.stdout)")
        #expect(info.stdout.contains("Extent: (37.613577, 34.518636) - (116.394201, 55.754110)"), "\(info.stdout)")
        let points = try ProgramRun.tool("ogrinfo", ["-ro", "-al", "-geom=YES", output + "/kml/central-asia.kml"])
        #expect(points.stdout.contains("POINT (71.427774 51.181125)"), "\(points.stdout)")
    }

    @Test func pluginsAreFoundThroughTheEnvironmentToo() throws {
        let run = try RegionKitBinary.run(["formats"], environment: ["REGIONKIT_PLUGIN_PATH": Repository.path("Examples/plugins")])
        #expect(run.status == 0)
        #expect(
            run.stdout.split(separator: "\n").contains {
                $0.hasPrefix("kml ") && $0.contains(Repository.path("Examples/plugins/regionkit-format-kml"))
            })
    }

    @Test func unknownOptionIsRefusedBeforeAnythingIsWritten() throws {
        let output = try Repository.temporaryFolder()
        let run = try RegionKitBinary.run([
            "export", "--format", "kml", "--output", output, "--plugin-path", "Examples/plugins", "--option", "colour=red",
        ])
        #expect(run.status == 2)
        #expect(run.stderr == "error: unknown option 'colour'; known: kml-name\n")
        #expect(Repository.files(under: output) == [])
    }

    /// The example package builds its own `regionkit` with an in-process format, and the same format as a Swift plug-in.
    @Test func swiftExamplePackageBuildsAndBothWaysWriteTheSameBrief() throws {
        var build = try ProgramRun.tool("swift", ["build", "--package-path", "Examples/MarkdownBrief"])
        if build.status != 0 {
            // After RegionKit's package graph changes (a new module or dependency), SwiftPM's first incremental build
            // of a package that depends on it by path can plan with the old graph; the second build plans anew.
            build = try ProgramRun.tool("swift", ["build", "--package-path", "Examples/MarkdownBrief"])
        }
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let products = Repository.path("Examples/MarkdownBrief/.build/debug")

        let formats = try RegionKitBinary.run(["formats", "--plugin-path", products, "--plugin-path", "Examples/plugins"])
        let lines = formats.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("markdown ") && $0.contains(products + "/regionkit-format-markdown") })
        #expect(lines.contains { $0.hasPrefix("kml ") })
        #expect(lines.contains { $0.hasPrefix("yaml ") && $0.contains("built-in") })

        let viaPlugin = try Repository.temporaryFolder()
        let pluginRun = try RegionKitBinary.run(["export", "--format", "markdown", "--output", viaPlugin, "--plugin-path", products])
        #expect(pluginRun.status == 0, "\(pluginRun.stderr)")
        let inProcess = try Repository.temporaryFolder()
        let ownRun = try ProgramRun(products + "/regionkit-markdown", ["export", "--format", "markdown", "--output", inProcess])
        #expect(ownRun.status == 0, "\(ownRun.stderr)")

        let brief = try String(contentsOfFile: inProcess + "/markdown/central-asia.md", encoding: .utf8)
        #expect(brief == (try String(contentsOfFile: viaPlugin + "/markdown/central-asia.md", encoding: .utf8)))
        #expect(brief.hasPrefix("# central-asia\n"))
        #expect(brief.contains("## Uzbekistan\n"))
        #expect(brief.contains("- CSTO: withdrawn (2012–)\n"), "\(brief)")
    }
}

/// The plug-in protocol's messages match their committed JSON Schemas.
@Suite struct PluginSchemaTests {
    @Test func kmlPluginResponseMatchesTheResponseSchema() throws {
        let folder = try Repository.temporaryFolder()
        let request = #"{"protocol_version": 1, "operation": "describe", "options": {}}"#
        try request.write(toFile: folder + "/request.json", atomically: true, encoding: .utf8)
        let requestCheck = try ProgramRun.tool(
            "check-jsonschema", ["--schemafile", "Schemas/plugin-request.schema.json", folder + "/request.json"])
        #expect(requestCheck.status == 0, "\(requestCheck.stdout)")
        let describe = try ProgramRun(
            "/bin/sh", ["-c", "Examples/plugins/regionkit-format-kml < \(folder)/request.json > \(folder)/response.json"])
        #expect(describe.status == 0)
        let responseCheck = try ProgramRun.tool(
            "check-jsonschema", ["--schemafile", "Schemas/plugin-response.schema.json", folder + "/response.json"])
        #expect(responseCheck.status == 0, "\(responseCheck.stdout)")
    }
}
