import Foundation
import TestSupport
import Testing

@Suite struct GenerateTests {
    func generate(_ rows: Int, seed: Int, into folder: String, name: String) throws -> String {
        let path = folder + "/" + name
        let run = try RegionKitBinary.run(["generate", "--indicators", String(rows), "--seed", String(seed), "--output", path])
        #expect(run.status == 0, "\(run.stderr)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func sameSeedSameBytesAndTheResultValidates() throws {
        let folder = try Repository.temporaryFolder() + "/nested/deeper"
        let first = try generate(3000, seed: 7, into: folder, name: "a.yaml")
        let second = try generate(3000, seed: 7, into: folder, name: "b.yaml")
        let other = try generate(3000, seed: 8, into: folder, name: "c.yaml")
        #expect(first == second)
        #expect(first != other)
        let validate = try RegionKitBinary.run(["validate", folder + "/a.yaml"])
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout.hasSuffix("valid (\(3000 + 92) rows in 9 tables)\n"), "\(validate.stdout)")
    }

    @Test func notesCarryWhatSpreadsheetsTripOn() throws {
        let text = try generate(20000, seed: 1, into: try Repository.temporaryFolder(), name: "g.yaml")
        #expect(text.contains("Ташкент"))
        #expect(text.contains("\\n"), "some notes hold line breaks")
        #expect(text.contains("note: \"=") || text.contains("note: \"+") || text.contains("note: '=") || text.contains("note: '+"))
        #expect(text.contains("- id: gen-0019999\n"))
    }
}
