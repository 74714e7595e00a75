import Testing

@testable import RegionYAML

@Suite("YAMLReader")
struct YAMLReaderTests {
    // MARK: Marks

    @Test("marks of nested nodes are 1-based line and column with byte offsets")
    func nestedMarks() throws {
        let input = """
            name: Region
            items:
              - id: 1
                tags: [a, "b"]
              - id: 2

            """
        let root = try #require(try parse(input))
        #expect(root.mark == YAMLMark(line: 1, column: 1, offset: 0))
        let pairs = try #require(root.mappingPairs)
        #expect(pairs.map { $0.key.scalarValue } == ["name", "items"])
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 7, offset: 6))

        let items = try #require(root["items"])
        #expect(items.mark.line == 3 && items.mark.column == 3)
        let first = try #require(items.sequenceItems?.first)
        #expect(first.mark.line == 3 && first.mark.column == 5)
        #expect(text(of: input, from: first.mark, count: 5) == "id: 1")

        let tags = try #require(first["tags"])
        #expect(tags.mark.line == 4 && tags.mark.column == 11)
        #expect(text(of: input, from: tags.mark, count: 1) == "[")
        let b = try #require(tags.sequenceItems?.last)
        #expect(b.scalarValue == "b")
        #expect(b.scalarStyle == .doubleQuoted)
        #expect(b.mark.line == 4 && b.mark.column == 15)
        #expect(text(of: input, from: b.mark, count: 3) == "\"b\"")

        let second = try #require(items.sequenceItems?.last)
        #expect(second.mark.line == 5 && second.mark.column == 5)
        #expect(text(of: input, from: second.mark, count: 5) == "id: 2")
    }

    @Test("columns count characters and offsets count bytes in non-ASCII text")
    func marksInCyrillic() throws {
        let input = "имя: «Значение»\nключ: x\n"
        let root = try #require(try parse(input))
        let pairs = try #require(root.mappingPairs)
        #expect(pairs[0].value.scalarValue == "«Значение»")
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 6, offset: 8))
        let secondLine = Array("имя: «Значение»\n".utf8).count
        #expect(pairs[1].key.mark == YAMLMark(line: 2, column: 1, offset: secondLine))
        #expect(pairs[1].value.mark.column == 7)
        #expect(text(of: input, from: pairs[1].value.mark, count: 1) == "x")
    }

    @Test("a byte-order mark is skipped by line and column but counted by offset")
    func byteOrderMark() throws {
        let input = "\u{FEFF}a: b\nc: d\n"
        let root = try #require(try parse(input))
        let pairs = try #require(root.mappingPairs)
        #expect(pairs[0].key.mark == YAMLMark(line: 1, column: 1, offset: 3))
        #expect(pairs[0].value.mark == YAMLMark(line: 1, column: 4, offset: 6))
        #expect(pairs[1].key.mark == YAMLMark(line: 2, column: 1, offset: 8))
    }

    @Test("CR LF line breaks count as one line break")
    func crlf() throws {
        let input = "a: 1\r\nb: 2\r\n"
        let root = try #require(try parse(input))
        let b = try #require(root.mappingPairs?.last)
        #expect(b.key.mark == YAMLMark(line: 2, column: 1, offset: 6))
        #expect(b.value.scalarValue == "2")
    }

    // MARK: Content

    @Test("duplicate keys are kept in document order")
    func duplicatesKept() throws {
        let root = try #require(try parse("a: 1\nb: 2\na: 3\n"))
        let pairs = try #require(root.mappingPairs)
        #expect(pairs.map { $0.key.scalarValue } == ["a", "b", "a"])
        #expect(pairs.map { $0.value.scalarValue } == ["1", "2", "3"])
        #expect(pairs[2].key.mark.line == 3)
        #expect(root["a"]?.scalarValue == "1")
    }

    @Test("scalar styles, tags and nulls are reported")
    func stylesAndTags() throws {
        let input = """
            plain: x
            single: 'it''s'
            double: "a\\tb"
            literal: |
              one
              two
            folded: >
              one
              two
            tagged: !!str 12
            custom: !point 1
            empty:
            tilde: ~
            quotedNull: "null"

            """
        let root = try #require(try parse(input))
        #expect(root["plain"]?.scalarStyle == .plain)
        #expect(root["single"]?.scalarValue == "it's")
        #expect(root["single"]?.scalarStyle == .singleQuoted)
        #expect(root["double"]?.scalarValue == "a\tb")
        #expect(root["double"]?.scalarStyle == .doubleQuoted)
        #expect(root["literal"]?.scalarValue == "one\ntwo\n")
        #expect(root["literal"]?.scalarStyle == .literal)
        #expect(root["folded"]?.scalarValue == "one two\n")
        #expect(root["folded"]?.scalarStyle == .folded)
        #expect(root["tagged"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["tagged"]?.scalarValue == "12")
        #expect(root["custom"]?.tag == "!point")
        #expect(root["plain"]?.tag == nil)
        #expect(root["empty"]?.isNull == true)
        #expect(root["tilde"]?.isNull == true)
        #expect(root["quotedNull"]?.isNull == false)
        #expect(root["plain"]?.isNull == false)
    }

    @Test("an empty stream gives nil; an explicit empty document gives a null")
    func emptyInput() throws {
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n\n") == nil)
        #expect(try YAMLReader.parse([0xEF, 0xBB, 0xBF], file: "bom.yaml") == nil)
        let explicit = try #require(try parse("---\n"))
        #expect(explicit.isNull)
    }

    // MARK: Syntax errors

    @Test("an unclosed flow sequence is a located parser error")
    func unclosedFlowSequence() throws {
        let error = try #require(parseError("a: [1, 2"))
        #expect(error.kind == .parser)
        #expect(error.file == "test.yaml")
        #expect(error.mark?.line == 2)
        #expect(error.mark?.column == 1)
        #expect(error.message.contains("did not find expected ',' or ']'"))
        #expect(error.message.contains("while parsing a flow sequence at line 1, column 4"))
        #expect(error.description.hasPrefix("test.yaml:2:1: error: did not find expected ',' or ']'"))
    }

    @Test("a misplaced mapping value is a scanner error with the line and a caret")
    func badIndentation() throws {
        let error = try #require(parseError("a: 1\n  b: 2\n"))
        #expect(error.kind == .scanner)
        #expect(error.mark == YAMLMark(line: 2, column: 4, offset: 8))
        #expect(error.sourceLine == "  b: 2")
        #expect(
            error.description == """
                test.yaml:2:4: error: mapping values are not allowed in this context
                  b: 2
                   ^
                """)
    }

    @Test("tab indentation is a scanner error at the tab")
    func tabIndentation() throws {
        let error = try #require(parseError("key: value\nmap:\n\tb: 1\n"))
        #expect(error.kind == .scanner)
        #expect(error.mark?.line == 3)
        #expect(error.mark?.column == 1)
        #expect(error.sourceLine == "\tb: 1")
        #expect(error.message.contains("found character that cannot start any token"))
        #expect(error.description == "test.yaml:3:1: error: \(error.message)\n\tb: 1\n^")
    }

    @Test("the caret keeps tabs of the source line so it lines up")
    func caretWithTabs() {
        let error = YAMLError(
            kind: .parser, message: "m", file: "f", mark: YAMLMark(line: 1, column: 4, offset: 3),
            sourceLine: "\tab")
        #expect(error.description == "f:1:4: error: m\n\tab\n\t  ^")
        let bare = YAMLError(kind: .emitter, message: "broken")
        #expect(bare.description == "error: broken")
    }

    @Test("invalid UTF-8 is a reader error located by line and column")
    func invalidUTF8() throws {
        var bytes = Array("key: ok\nname: caf".utf8)
        bytes.append(0xFF)
        bytes += Array(" x\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .reader)
        #expect(error.mark == YAMLMark(line: 2, column: 10, offset: 17))
        #expect(error.message.contains("invalid leading UTF-8 octet"))
        #expect(error.description.hasPrefix("test.yaml:2:10: error: invalid leading UTF-8 octet"))
        #expect(error.description.hasSuffix("\n         ^"))
    }

    @Test("invalid UTF-8 after a byte-order mark and multi-byte characters is located at the bad byte")
    func invalidUTF8AfterBOM() throws {
        // BOM (3 bytes), "ж" (2), ":", " ", then C3 whose trailing byte 28 is invalid; libyaml reports the trailing byte.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ж: ".utf8) + [0xC3, 0x28]
        let error = try #require(parseError(bytes))
        #expect(error.kind == .reader)
        #expect(error.message.contains("invalid trailing UTF-8 octet"))
        #expect(error.mark == YAMLMark(line: 1, column: 5, offset: 8))
    }

    @Test("a control character is a reader error at the character")
    func controlCharacter() throws {
        let error = try #require(parseError("a: 1\nb: x\u{07}y\n"))
        #expect(error.kind == .reader)
        #expect(error.message.contains("control characters are not allowed"))
        #expect(error.mark == YAMLMark(line: 2, column: 5, offset: 9))
        #expect(error.sourceLine == "b: x\u{07}y")
    }

    // MARK: Refused input

    @Test("aliases are refused with their location")
    func aliasRefused() throws {
        let error = try #require(parseError("a: 1\nb: *x\n"))
        #expect(error.kind == .aliasNotAllowed)
        #expect(error.mark?.line == 2)
        #expect(error.mark?.column == 4)
    }

    @Test("anchors are refused with their location")
    func anchorRefused() throws {
        let error = try #require(parseError("a: &x 1\nb: *x\n"))
        #expect(error.kind == .aliasNotAllowed)
        #expect(error.mark == YAMLMark(line: 1, column: 4, offset: 3))
    }

    @Test("a second document is refused at its start")
    func multipleDocuments() throws {
        let error = try #require(parseError("a: 1\n---\nb: 2\n"))
        #expect(error.kind == .multipleDocuments)
        #expect(error.mark?.line == 2)
        #expect(error.mark?.column == 1)
        let second = try #require(parseError("--- a\n--- b\n"))
        #expect(second.kind == .multipleDocuments)
        #expect(second.mark == YAMLMark(line: 2, column: 1, offset: 6))
        #expect(try parse("--- a\n...\n")?.scalarValue == "a")
        #expect(try parse("a: 1\n...\n")?["a"]?.scalarValue == "1")
    }

    // MARK: Limits

    @Test("10 000 nested flow sequences fail fast with tooDeep")
    func deepFlowNesting() throws {
        let depth = 10_000
        let closed = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let clock = ContinuousClock()
        var error: YAMLError?
        let elapsed = clock.measure { error = parseError(closed) }
        let tooDeep = try #require(error)
        #expect(tooDeep.kind == .tooDeep)
        #expect(tooDeep.mark == YAMLMark(line: 1, column: 201, offset: 200))
        #expect(elapsed < .seconds(2))

        let unclosed = try #require(parseError(String(repeating: "[", count: depth)))
        #expect(unclosed.kind == .tooDeep)
    }

    @Test("the depth limit counts nested collections")
    func depthLimit() throws {
        let input = "a:\n  b:\n    c: 1\n"
        #expect(try parse(input, limits: YAMLLimits(maxDepth: 3)) != nil)
        let error = try #require(parseError(input, limits: YAMLLimits(maxDepth: 2)))
        #expect(error.kind == .tooDeep)
        #expect(error.mark == YAMLMark(line: 3, column: 5, offset: 12))
        #expect(error.sourceLine == "    c: 1")
    }

    @Test("the node limit is reported at the first node over it")
    func nodeLimit() throws {
        #expect(try parse("[1, 2]", limits: YAMLLimits(maxNodes: 3)) != nil)
        let error = try #require(parseError("[1, 2, 3]", limits: YAMLLimits(maxNodes: 3)))
        #expect(error.kind == .tooManyNodes)
        #expect(error.mark == YAMLMark(line: 1, column: 8, offset: 7))
    }

    @Test("the scalar size limit is reported at the scalar")
    func scalarLimit() throws {
        #expect(try parse("a: four", limits: YAMLLimits(maxScalarBytes: 4)) != nil)
        let error = try #require(parseError("a: four\nb: fiver\n", limits: YAMLLimits(maxScalarBytes: 4)))
        #expect(error.kind == .scalarTooLarge)
        #expect(error.mark == YAMLMark(line: 2, column: 4, offset: 11))
    }
}
