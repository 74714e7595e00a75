import Foundation
import Testing

@testable import RegionYAML

/// Reading through libyaml's read handler: chunks of any size give the same tree and marks, files read like bytes,
/// and a huge scalar is refused while it streams in.
@Suite("YAML streaming")
struct YAMLStreamingTests {
    /// Cyrillic and other multi-byte characters, CR LF, NEL and LS line breaks, flow and block collections, block
    /// scalars, quotes with escapes: every chunk size from 1 byte up cuts some character and some line break in two.
    static let mixed: [UInt8] = Array(
        """
        имя: «Значение» — x\r
        ключ:\r
          - id: 1\r
            теги: [а, "б\\u0416", 'в']\r
          - {ж: 😀 ok, z: "\\x41"}\r
        текст: |\r
          строка один\r
          строка два\r
        ещё: plain\u{85}next: after NEL\u{2028}last: after LS
        конец: ~

        """.utf8)

    static let chunkSizes = Array(1...9) + [16, 4096, YAMLInput.defaultChunkSize]

    @Test("every chunk size gives the same tree and the same marks", arguments: [false, true])
    func chunkBoundaries(byteOrderMark: Bool) throws {
        let bytes = (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Self.mixed
        let whole = try #require(try YAMLReader.parse(.bytes(bytes, name: "t.yaml", chunkSize: bytes.count)))
        let expected = Self.marks(of: whole)
        #expect(expected.count == 28)
        for chunkSize in Self.chunkSizes {
            let root = try #require(try YAMLReader.parse(.bytes(bytes, name: "t.yaml", chunkSize: chunkSize)))
            #expect(sameValues(root, whole), "chunk size \(chunkSize)")
            #expect(Self.marks(of: root) == expected, "chunk size \(chunkSize)")
        }
    }

    @Test("marks agree with the bytes: line and column counted from the byte offset, the node's text at the offset")
    func marksAgreeWithBytes() throws {
        let root = try #require(try YAMLReader.parse(.bytes(Self.mixed, name: "t.yaml", chunkSize: 3)))
        let located = Self.located(root)
        let expected = Self.linesAndColumns(ofOffsets: located.map(\.mark.offset), in: Self.mixed)
        for (mark, node) in located {
            #expect(expected[mark.offset] == [mark.line, mark.column], "\(mark)")
            if let value = node.scalarValue, node.scalarStyle == .plain, !value.isEmpty, !node.isNull {
                let text = String(decoding: Self.mixed[mark.offset...].prefix(value.utf8.count), as: UTF8.self)
                #expect(text == value, "\(mark)")
            }
        }
        let ключ = try #require(root["ключ"])
        #expect(ключ.mark.line == 3 && ключ.mark.column == 3)
        let emoji = try #require(ключ.sequenceItems?.last?["ж"])
        #expect(emoji.scalarValue == "😀 ok")
        #expect(emoji.mark.line == 5 && emoji.mark.column == 9)
        #expect(root["next"]?.mark.line == 10)
        #expect(root["last"]?.mark == YAMLMark(line: 11, column: 7, offset: Self.offset(of: "after LS")))
    }

    @Test("a reader error is located the same whatever the chunk size")
    func readerErrorAcrossChunks() throws {
        var bytes = Array("ключ: ok\r\nимя: Жж".utf8)
        bytes.append(0xFF)
        bytes += Array(" x\n".utf8)
        for chunkSize in Self.chunkSizes {
            let error = try #require(Self.error(.bytes(bytes, name: "t.yaml", chunkSize: chunkSize)))
            #expect(error.kind == .reader)
            #expect(error.mark == YAMLMark(line: 2, column: 8, offset: 26), "chunk size \(chunkSize)")
            #expect(error.sourceLine == "имя: Жж\u{FFFD} x", "chunk size \(chunkSize)")
        }
    }

    @Test("a file reads like its bytes, in chunks of any size, and errors quote the line read back from the file")
    func fileInput() throws {
        let path = try Self.temporaryFile(Self.mixed)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromBytes = try #require(try YAMLReader.parse(Self.mixed, file: path))
        for chunkSize in [1, 2, 3, 5, 1 << 20] {
            let fromFile = try #require(try YAMLReader.parse(.file(path, chunkSize: chunkSize)))
            #expect(sameValues(fromFile, fromBytes))
            #expect(Self.marks(of: fromFile) == Self.marks(of: fromBytes))
        }

        let broken = try Self.temporaryFile(Array("a: 1\nимя: x\n  b: 2\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let error = try #require(Self.error(.file(broken, name: "broken.yaml", chunkSize: 2)))
        #expect(error.kind == .scanner)
        #expect(
            error.description == """
                broken.yaml:3:4: error: mapping values are not allowed in this context
                  b: 2
                   ^
                """)
    }

    @Test("a file that cannot be opened is an unreadable error naming it")
    func missingFile() throws {
        let error = try #require(Self.error(.file("/nonexistent/regionkit.yaml", name: "gone.yaml")))
        #expect(error.kind == .unreadable)
        #expect(error.description.hasPrefix("gone.yaml: error: cannot be read: "))
    }

    @Test("marks stay exact past nodes longer than the bytes kept in memory, from bytes and from a file", arguments: [7, 1 << 20])
    func nodesLongerThanTheWindow(chunkSize: Int) throws {
        let bytes = Self.longNodes
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let limits = YAMLLimits(maxScalarBytes: 16 << 20)
        for input in [YAMLInput.bytes(bytes, name: "t.yaml", chunkSize: chunkSize), .file(path, chunkSize: chunkSize)] {
            let root = try #require(try YAMLReader.parse(input, limits: limits))
            let located = Self.located(root)
            #expect(located.count == 15)
            let expected = Self.linesAndColumns(ofOffsets: located.map(\.mark.offset), in: bytes)
            for (mark, node) in located {
                #expect(expected[mark.offset] == [mark.line, mark.column], "\(mark)")
                if let value = node.scalarValue, node.scalarStyle == .plain {
                    #expect(String(decoding: bytes[mark.offset...].prefix(value.utf8.count), as: UTF8.self) == value, "\(mark)")
                }
            }
            #expect(root["после"]?.scalarValue == "«b»")
        }
    }

    @Test("a reader error deep inside a long node is located by line and column")
    func readerErrorInsideALongNode() throws {
        var bytes = Array("a: 1\nlong: \"".utf8) + Array(String(repeating: "строка 😀 text\r\n  ", count: 100_000).utf8)
        let offset = bytes.count + 3
        bytes += Array("Жx".utf8) + [0xFF] + Array("\"\n".utf8)
        let error = try #require(Self.error(.bytes(bytes, name: "t.yaml", chunkSize: 4096), limits: YAMLLimits(maxScalarBytes: 16 << 20)))
        #expect(error.kind == .reader)
        let expected = Self.lineAndColumn(ofOffset: offset, in: bytes)
        #expect(error.mark == YAMLMark(line: expected[0], column: expected[1], offset: offset))
        #expect(error.sourceLine == "  Жx\u{FFFD}\"")
    }

    /// Two scalars of about 2 MB each, one double-quoted over many lines, one a literal block with CR LF line breaks,
    /// between short nodes.
    static let longNodes: [UInt8] = {
        let quoted = String(repeating: "строка 😀 \\\"text\\\"\n  ", count: 60_000)
        let block = String(repeating: "  блок — line\r\n", count: 100_000)
        return Array("a: 1\nlong: \"\(quoted)end\"\nпосле: «b»\nblock: |\r\n\(block)ещё:\n  - x\n  - {y: z}\n".utf8)
    }()

    // MARK: The scalar guard

    @Test("a long scalar is refused while it streams in, at the end of the node before it", arguments: [1, 7, 1 << 20])
    func longScalarRefusedWhileStreaming(chunkSize: Int) throws {
        let limits = YAMLLimits(maxScalarBytes: 1000)
        let threshold = LibYAMLParser.maxPendingBytes(forScalarLimit: 1000)
        let long = String(repeating: "x", count: 4 * threshold)
        let blockLines = String(repeating: "  \(String(repeating: "y", count: 70))\n", count: threshold / 20)
        let cases: [(text: String, mark: YAMLMark, line: String)] = [
            ("key: \(long)\n", YAMLMark(line: 1, column: 4, offset: 3), "key: " + long),
            ("a: 1\nключ: \"\(long)\"\n", YAMLMark(line: 2, column: 5, offset: 13), "ключ: \"" + long),
            ("a: 1\nb: |\n" + blockLines, YAMLMark(line: 2, column: 2, offset: 6), "b: |"),
        ]
        for (text, mark, line) in cases {
            let error = try #require(Self.error(.bytes(Array(text.utf8), name: "t.yaml", chunkSize: chunkSize), limits: limits))
            #expect(error.kind == .scalarTooLarge)
            #expect(error.mark == mark)
            #expect(
                error.message
                    == "scalar longer than the limit of 1000 bytes: more than \(threshold) bytes follow here without the end of a node")
            let quoted = mark.column + SourceLine.charactersAfterColumn
            #expect(error.sourceLine == (line.count > quoted ? String(line.prefix(quoted)) + "…" : line))
        }
    }

    @Test("a scalar within the limit streams through in tiny chunks; one just over it is refused once it ends")
    func scalarAtTheLimit() throws {
        let limits = YAMLLimits(maxScalarBytes: 1000)
        let fits = "a: 1\nb: \"\(String(repeating: "ж", count: 500))\"\nc: 2\n"
        let root = try #require(try YAMLReader.parse(.bytes(Array(fits.utf8), name: "t.yaml", chunkSize: 1), limits: limits))
        #expect(root["c"]?.mark.line == 3)

        let over = "a: 1\nb: \(String(repeating: "z", count: 1001))\n"
        let error = try #require(Self.error(.bytes(Array(over.utf8), name: "t.yaml", chunkSize: 1), limits: limits))
        #expect(error.kind == .scalarTooLarge)
        #expect(error.mark == YAMLMark(line: 2, column: 4, offset: 8))
        #expect(error.message == "scalar of 1001 bytes is longer than the limit of 1000 bytes")
    }

    @Test("a very long line is quoted cut after the column, with an ellipsis")
    func longLineQuotedCut() throws {
        let rest = String(repeating: "x", count: 10_000)
        let error = try #require(parseError("a: 1\n  b: 2 \(rest)\n"))
        #expect(error.mark == YAMLMark(line: 2, column: 4, offset: 8))
        #expect(error.sourceLine == "  b: 2 " + String(rest.prefix(4 + SourceLine.charactersAfterColumn - 7)) + "…")
    }

    // MARK: Helpers

    /// Every mark of a tree, keys included, in document order.
    static func marks(of node: YAMLNode) -> [YAMLMark] {
        located(node).map(\.mark)
    }

    /// Every node of a tree with its mark, keys included, in document order.
    static func located(_ node: YAMLNode) -> [(mark: YAMLMark, node: YAMLNode)] {
        var result = [(node.mark, node)]
        switch node.content {
        case .scalar:
            break
        case .sequence(let items):
            result += items.flatMap(located)
        case .mapping(let pairs):
            result += pairs.flatMap { located($0.key) + located($0.value) }
        }
        return result
    }

    /// The 1-based line and column of a byte offset, counting line breaks (LF, CR, CR LF, NEL, LS, PS) and characters,
    /// after a byte-order mark.
    static func lineAndColumn(ofOffset offset: Int, in bytes: [UInt8]) -> [Int] {
        linesAndColumns(ofOffsets: [offset], in: bytes)[offset] ?? []
    }

    /// The 1-based lines and columns of byte offsets, in one pass over the text.
    static func linesAndColumns(ofOffsets offsets: [Int], in bytes: [UInt8]) -> [Int: [Int]] {
        let wanted = Set(offsets)
        var result: [Int: [Int]] = [:]
        var line = 1
        var column = 1
        var offset = 0
        var afterCR = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if wanted.contains(offset) {
                result[offset] = [line, column]
            }
            switch scalar {
            case "\n" where afterCR:
                break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            case "\u{FEFF}" where offset == 0:
                break
            default:
                column += 1
            }
            afterCR = scalar == "\r"
            offset += UTF8.width(scalar)
        }
        if wanted.contains(offset) {
            result[offset] = [line, column]
        }
        return result
    }

    static func offset(of text: String) -> Int {
        let needle = Array(text.utf8)
        return (0...(mixed.count - needle.count)).first { Array(mixed[$0..<($0 + needle.count)]) == needle } ?? -1
    }

    static func error(_ input: YAMLInput, limits: YAMLLimits = .default) -> YAMLError? {
        do {
            _ = try YAMLReader.parse(input, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regionyaml-\(UUID().uuidString).yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
