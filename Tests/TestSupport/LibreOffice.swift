import Foundation

/// LibreOffice headless (`soffice --convert-to`), as a person re-saves a file: each run with a private profile and
/// HOME in a new scratch folder, so runs never share state.
public enum LibreOffice {
    /// Converts each input to `format` (a file extension such as `xlsx` or `ods`, with LibreOffice's filter options
    /// after a colon if needed) in one run; returns the converted files' paths in the order of the inputs, whose file
    /// names must differ.
    public static func convert(_ inputs: [String], to format: String = "xlsx") throws -> [String] {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/soffice" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw MissingTool(name: "soffice (Debian libreoffice-calc-nogui)") }
        let scratch = try Repository.temporaryFolder()
        let output = scratch + "/out"
        let run = try ProgramRun(
            path,
            ["-env:UserInstallation=file://\(scratch)/profile", "--headless", "--convert-to", format, "--outdir", output] + inputs,
            environment: ["HOME": scratch])
        let fileExtension = format.split(separator: ":").first.map(String.init) ?? format
        let outputs = inputs.map {
            output + "/" + URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent + "." + fileExtension
        }
        for file in outputs where !FileManager.default.fileExists(atPath: file) {
            throw ConversionFailure(
                description: "soffice --convert-to \(format) wrote no \(file) (status \(run.status)):\n\(run.stdout)\n\(run.stderr)")
        }
        return outputs
    }

    /// Converts one file; returns the converted file's path.
    public static func convert(_ input: String, to format: String = "xlsx") throws -> String {
        try convert([input], to: format)[0]
    }
}

/// A conversion that wrote no file, with what LibreOffice printed.
public struct ConversionFailure: Error, CustomStringConvertible {
    public let description: String
}
