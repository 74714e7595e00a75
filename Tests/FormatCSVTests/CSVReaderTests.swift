import FormatCSV
import Foundation
import RegionKitFormats
import TestSupport
import Testing

@Suite struct CSVReaderTests {
    static func records(_ path: String, delimiter: Character = ",") throws -> [CSVRecord] {
        let reader = try CSVReader(path: path, file: "t.csv")
        reader.delimiter = try #require(delimiter.asciiValue)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test func quotedLineBreaksAreCountedAsLines() throws {
        let path = try CSVFixture.file("id,quote\r\na,\"one\r\ntwo\nthree\"\r\nb,\"x\"\"y\"\r\nc,plain\r\n")
        let records = try Self.records(path)
        #expect(records.map(\.line) == [1, 2, 5, 6])
        #expect(records[1].cells[1].text == "one\r\ntwo\nthree")
        #expect(records[2].cells.map(\.line) == [5, 5])
        #expect(records[2].cells[1].text == "x\"y")
        #expect(records[3].cells[0].quoted == false)
    }

    @Test func byteOrderMarksNeverReachTheFirstHeader() throws {
        let path = try CSVFixture.file("id,name\n", bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF])
        let reader = try CSVReader(path: path, file: "t.csv")
        #expect(reader.byteOrderMarks == 2)
        #expect(try reader.next()?.cells.map(\.text) == ["id", "name"])
    }

    @Test func lastLineWithoutLineBreakAndEmptyLastCell() throws {
        let path = try CSVFixture.file("a,b\n1,")
        let reader = try CSVReader(path: path, file: "t.csv")
        _ = try reader.next()
        #expect(try reader.next()?.cells.map(\.text) == ["1", ""])
        #expect(try reader.next() == nil)
        #expect(reader.endsWithoutLineBreak)
    }

    @Test func headerPreviewCountsSeparatorsOutsideQuotes() throws {
        let path = try CSVFixture.file("\"a;b\",c,d\r\n1,2,3\r\n")
        let preview = try CSVReader(path: path, file: "t.csv").headerPreview()
        #expect(preview == HeaderPreview(commas: 2, semicolons: 0, tabs: 0, lineBreak: .crlf))
    }

    @Test func invalidUTF8IsRefusedWithItsByteOffsetLineAndField() throws {
        let path = try CSVFixture.file("id,name\nkaz,Kazakhstan\nkgz,Kyrgyz\u{0}", name: "countries.csv")
        var bytes = try CSVFixture.bytes(path)
        bytes[bytes.count - 1] = 0xE9  // Latin-1 'é'
        bytes += Array("stan\n".utf8)
        try CSVFixture.write(bytes, to: path)
        let error = try #require(throws: RegionKitError.self) { try Self.records(path) }
        #expect(error.kind == .syntax)
        #expect(error.message.hasPrefix("t.csv:3:2: error: the file is not UTF-8: byte 0xE9 at byte offset 33 starts no UTF-8 character"))
    }

    /// A character split across two chunks reads whole; an invalid byte far into the file is found at its offset.
    @Test func chunkBoundariesAreInvisible() throws {
        let cell = String(repeating: "x", count: 30_000)
        let filler = String(repeating: "x", count: 5_527)  // 'Ж' takes bytes 65535 and 65536: the first two chunks
        let path = try CSVFixture.file("a,b,c\n\(cell),\(cell),\(filler)Ж,Ж\n\(String(repeating: "y", count: 10_000)),z\n")
        let records = try Self.records(path)
        #expect(records[1].cells[2].text == filler + "Ж")
        var bytes = try CSVFixture.bytes(path)
        bytes[70_000] = 0xFF
        try CSVFixture.write(bytes, to: path)
        let error = try #require(throws: RegionKitError.self) { try Self.records(path) }
        #expect(error.message.hasPrefix("t.csv:3:1: error: the file is not UTF-8: byte 0xFF at byte offset 70000"))
    }

    /// Reading a few bytes at a time gives what reading whole gives: records, warnings, line breaks and errors.
    @Test func smallChunksReadAsTheWholeFileDoes() throws {
        func reading(_ path: String, chunkSize: Int) -> [String] {
            var seen: [String] = []
            do {
                let reader = try CSVReader(path: path, file: "t.csv", chunkSize: chunkSize)
                seen.append("\(reader.byteOrderMarks) \(try reader.headerPreview())")
                while let record = try reader.next() { seen.append("\(record)") }
                seen.append("\(reader.warnings) \(reader.lineBreaks) \(reader.endsWithoutLineBreak)")
            } catch {
                seen.append(error.message)
            }
            return seen
        }
        let texts = ["id,name\r\nkaz,\"Қазақ\r\nстан\"\r\nkgz,say \"hi\"\n\n\"x\"\"y\",", "id,name\nkaz,\"x\"y\n", "id\nkaz,\"never"]
        for text in texts {
            let path = try CSVFixture.file(text, bytes: CSVWriter.byteOrderMark)
            let whole = reading(path, chunkSize: CSVReader.defaultChunkSize)
            for chunkSize in 1...4 {
                #expect(reading(path, chunkSize: chunkSize) == whole, "chunks of \(chunkSize) bytes")
            }
        }
        let invalid = try CSVFixture.file("id\nkaz", bytes: [])
        try CSVFixture.write(try CSVFixture.bytes(invalid) + [0xD0, 0x9A, 0xD0], to: invalid)
        #expect(reading(invalid, chunkSize: 1) == reading(invalid, chunkSize: CSVReader.defaultChunkSize))
    }

    @Test func aNULByteIsRefusedWithItsOffset() throws {
        let path = try CSVFixture.file("id,name\nkaz,Kaz\u{0}akhstan\n")
        let error = try #require(throws: RegionKitError.self) { try Self.records(path) }
        #expect(error.kind == .syntax)
        #expect(error.message.hasPrefix("t.csv:2:2: error: the file holds a NUL byte (0x00) at byte offset 15"))
    }

    /// A cell may hold 32 767 characters, however many bytes they take; one more is refused as it is read.
    @Test func cellsAreLimitedTo32767Characters() throws {
        let longest = String(repeating: "Ж", count: CSVReader.maximumCellCharacters)
        let path = try CSVFixture.file("a,b\n1,\(longest)\n")
        #expect(try Self.records(path)[1].cells[1].text == longest)
        let plain = try CSVFixture.file("a,b\n1,\(longest)x\n")
        let error = try #require(throws: RegionKitError.self) { try Self.records(plain) }
        #expect(error.message.hasPrefix("t.csv:2:2: error: the cell runs past 32767 characters"))
        let quoted = try CSVFixture.file("a,b\n1,\"never closed\n\(longest)\n")
        let unclosed = try #require(throws: RegionKitError.self) { try Self.records(quoted) }
        #expect(unclosed.message.hasPrefix("t.csv:3:2: error: the quoted cell that starts on line 2 runs past 32767 characters"))
        #expect(unclosed.message.hasSuffix("hint: is its closing quote missing?"))
    }

    @Test func recordsAreLimitedTo16384Fields() throws {
        let widest = String(repeating: ",", count: CSVReader.maximumFields - 1)
        #expect(try Self.records(try CSVFixture.file("\(widest)\n"))[0].cells.count == CSVReader.maximumFields)
        let error = try #require(throws: RegionKitError.self) { try Self.records(try CSVFixture.file("a\(widest),\n")) }
        #expect(error.message.hasPrefix("t.csv:1:16385: error: the row has more than 16384 fields"))
    }

    @Test func truncatedCharacterAtTheEndIsInvalid() throws {
        let path = try CSVFixture.file("a,b\n1,", bytes: [])
        try CSVFixture.write(try CSVFixture.bytes(path) + [0xD0], to: path)
        let error = try #require(throws: RegionKitError.self) { try Self.records(path) }
        #expect(error.message.contains("byte 0xD0 at byte offset 6"))
    }

    @Test func unterminatedQuoteNamesWhereTheCellStarts() throws {
        let path = try CSVFixture.file("a,b\n1,\"never\nends\n")
        let error = try #require(throws: RegionKitError.self) { try Self.records(path) }
        #expect(error.message == "t.csv:2:2: error: the quoted cell that starts here has no closing quote before the end of the file")
    }

    @Test func textAfterAClosingQuoteIsRefused() throws {
        let path = try CSVFixture.file("a,b\n1,\"x\"y\n")
        let error = try #require(throws: RegionKitError.self) { try Self.records(path) }
        #expect(error.message.hasPrefix("t.csv:2:2: error: 'y' follows the closing quote of a cell"))
    }

    @Test func strayQuoteIsReadWithAWarning() throws {
        let path = try CSVFixture.file("a,b\n1,say \"hi\"\n")
        let reader = try CSVReader(path: path, file: "t.csv")
        _ = try reader.next()
        #expect(try reader.next()?.cells[1].text == "say \"hi\"")
        #expect(reader.warnings.map(\.code) == ["csv.stray-quote"])
        #expect(reader.warnings.first?.location?.description == "t.csv:2:2")
    }
}
