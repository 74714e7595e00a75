import Foundation
import TestSupport
import Testing

/// Outputs that cannot be written: a read-only folder, a folder without write permission, a full disk and a file
/// size limit. Each gives one clear message naming the folder or file and the reason, exit status 2, and leaves
/// every earlier file as it was, with no temporary file behind.
@Suite(.serialized) struct UnwritableOutputTests {
    /// How a folder is made unwritable, and the reason the system then gives.
    enum Lock: String, CaseIterable, CustomTestStringConvertible {
        case readOnlyMount = "read-only file system"
        case noPermission = "permission denied"

        var testDescription: String { rawValue }

        func run(_ folder: String, _ arguments: [String]) throws -> ProgramRun {
            switch self {
            case .readOnlyMount: return try WriteSandbox.regionkitWithReadOnly(folder, arguments)
            case .noPermission: return try WriteSandbox.regionkitWithoutPermission(folder, arguments)
            }
        }
    }

    /// A scratch dataset, and an output folder holding an earlier export of it and its schemas.
    func earlierOutput() throws -> (dataset: String, output: String) {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let output = folder + "/out"
        try WriteSandbox.regionkit(["export", "--dataset", dataset, "--output", output, "--quiet"])
        try WriteSandbox.regionkit(["schema", "--output", output + "/schemas", "--quiet"])
        return (dataset, output)
    }

    @Test(arguments: Lock.allCases)
    func exportIntoAnUnwritableFolderKeepsTheEarlierExport(_ lock: Lock) throws {
        let (dataset, output) = try earlierOutput()
        let before = WriteSandbox.snapshot(output)
        let run = try lock.run(output, ["export", "--dataset", dataset, "--output", output])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "error: \(output)/yaml: cannot write 'central-asia.yaml' into this folder: \(lock.rawValue); nothing was written\n")
        #expect(WriteSandbox.snapshot(output) == before)
    }

    @Test(arguments: Lock.allCases)
    func aFormatFolderThatCannotBeCreatedIsNamed(_ lock: Lock) throws {
        let (dataset, output) = try earlierOutput()
        try FileManager.default.removeItem(atPath: output + "/csv")
        let before = WriteSandbox.snapshot(output)
        let run = try lock.run(output, ["export", "--format", "csv", "--dataset", dataset, "--output", output])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr == "error: \(output)/csv: cannot create the folder: \(lock.rawValue); nothing was written\n")
        #expect(WriteSandbox.snapshot(output) == before)
    }

    @Test(arguments: Lock.allCases)
    func schemaMapAndGenerateIntoAnUnwritableFolder(_ lock: Lock) throws {
        let (dataset, output) = try earlierOutput()
        let before = WriteSandbox.snapshot(output)
        let schemas = try lock.run(output, ["schema", "--output", output + "/schemas"])
        #expect(schemas.status == 2)
        #expect(
            schemas.stderr
                == "error: \(output)/schemas: cannot write 'dataset.schema.json' into this folder: \(lock.rawValue); nothing was written\n")
        let map = try lock.run(output, ["map", "--dataset", dataset, "--output", output + "/map/central-asia-eaeu-status.svg"])
        #expect(map.status == 2)
        #expect(
            map.stderr
                == "error: \(output)/map: cannot write 'central-asia-eaeu-status.svg' into this folder: \(lock.rawValue); nothing was written\n"
        )
        let generate = try lock.run(output, ["generate", "--dataset", dataset, "--indicators", "10", "--output", output + "/big.yaml"])
        #expect(generate.status == 2)
        #expect(generate.stderr == "error: \(output): cannot write 'big.yaml' into this folder: \(lock.rawValue); nothing was written\n")
        #expect(WriteSandbox.snapshot(output) == before)
    }

    @Test(arguments: Lock.allCases)
    func importApplyInAnUnwritableDatasetFolderChangesNothing(_ lock: Lock) throws {
        let (_, dataset) = try WriteSandbox.scratchDataset()
        let datasetFolder = URL(fileURLWithPath: dataset).deletingLastPathComponent().path
        let edited = try Repository.temporaryFolder() + "/edited.yaml"
        let text = try String(contentsOfFile: dataset, encoding: .utf8)
        try text.replacingOccurrences(of: "  status: prospective\n", with: "  status: member\n")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let before = WriteSandbox.snapshot(datasetFolder)
        let run = try lock.run(datasetFolder, ["import", edited, "--dataset", dataset, "--apply"])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr
                == "error: \(dataset).lock: cannot create the lock file beside the dataset: \(lock.rawValue); nothing was written\n")
        #expect(WriteSandbox.snapshot(datasetFolder) == before)
    }

    /// A disk that fills up during an export: a 1 MiB tmpfs holding an earlier export, and a generated dataset
    /// too large for it. The export stops with ENOSPC named, and the earlier files are still there, unchanged.
    @Test func aFullDiskKeepsTheEarlierExport() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let earlier = folder + "/earlier"
        try WriteSandbox.regionkit(["export", "--dataset", dataset, "--output", earlier, "--quiet"])
        let large = folder + "/large/central-asia/dataset.yaml"
        try WriteSandbox.regionkit(["generate", "--dataset", dataset, "--indicators", "6000", "--output", large])
        try FileManager.default.copyItem(atPath: folder + "/natural-earth", toPath: folder + "/large/natural-earth")

        let disk = folder + "/disk"
        let after = folder + "/after"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        // In the namespace: a small tmpfs on `disk`, the earlier export copied onto it, the export of the large
        // dataset into it, and what is left on it copied out (hidden files too) before the namespace goes away.
        let script = """
            mount -t tmpfs -o size=1m tmpfs "$1" || exit 98
            cp -a "$2/." "$1/" || exit 98
            "$4" export --dataset "$5" --output "$1" --quiet
            status=$?
            mkdir -p "$3" && cp -a "$1/." "$3/" || exit 98
            exit $status
            """
        let run = try WriteSandbox.inMountNamespace(script, [disk, earlier, after, RegionKitBinary.path, large])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr == "error: \(disk)/yaml/central-asia.yaml: cannot write: no space left on device; nothing was written\n")
        #expect(WriteSandbox.snapshot(after) == WriteSandbox.snapshot(earlier))
        #expect(Repository.files(under: disk).isEmpty, "the tmpfs was visible outside its namespace")
    }

    /// `import --apply` when the disk holding the dataset is full: the dataset keeps its old content.
    @Test func aFullDiskKeepsTheDatasetOnImport() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let edited = folder + "/edited.yaml"
        let text = try String(contentsOfFile: dataset, encoding: .utf8)
        try text.replacingOccurrences(of: "  status: prospective\n", with: "  status: member\n")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let disk = folder + "/disk"
        let after = folder + "/after"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let script = """
            mount -t tmpfs -o size=1m tmpfs "$1" || exit 98
            cp -a "$2/central-asia" "$1/" || exit 98
            cat /dev/zero > "$1/filler" 2>/dev/null
            "$4" import "$5" --dataset "$1/central-asia/dataset.yaml" --apply
            status=$?
            mkdir -p "$3" && cp -a "$1/central-asia/." "$3/" || exit 98
            exit $status
            """
        let run = try WriteSandbox.inMountNamespace(script, [disk, folder, after, RegionKitBinary.path, edited])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr == "error: \(disk)/central-asia/dataset.yaml: cannot write: no space left on device; nothing was written\n")
        let kept = WriteSandbox.snapshot(after)
        #expect(kept == WriteSandbox.snapshot(folder + "/central-asia"))
    }

    /// A file size limit (`prlimit --fsize`, as `ulimit -f` sets it): the write fails with EFBIG instead of the
    /// process being killed by SIGXFSZ.
    @Test func aFileSizeLimitIsAClearErrorNotACrash() throws {
        let (_, output) = try earlierOutput()
        let (_, dataset) = try WriteSandbox.scratchDataset()
        let large = URL(fileURLWithPath: dataset).deletingLastPathComponent().path + "/large.yaml"
        try WriteSandbox.regionkit(["generate", "--dataset", dataset, "--indicators", "5000", "--output", large])
        let before = WriteSandbox.snapshot(output)
        let run = try ProgramRun.tool(
            "prlimit", ["--fsize=65536", "--", RegionKitBinary.path, "export", "--format", "csv", "--dataset", large, "--output", output])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr == "error: \(output)/csv/indicators.csv: cannot write: file too large; nothing was written\n")
        #expect(WriteSandbox.snapshot(output) == before)
    }
}
