import Testing

@testable import RegionYAML

@Suite("YAMLWriter")
struct YAMLWriterTests {
    static let sample = YAMLNode.mapping([
        YAMLPair("name", .scalar("Region")),
        YAMLPair(
            "list",
            .sequence([
                .scalar("a"),
                .mapping([YAMLPair("b", .scalar("1")), YAMLPair("c", .sequence([]))]),
                .sequence([.scalar("x", style: .singleQuoted), .scalar("y", style: .doubleQuoted)]),
            ])),
        YAMLPair("empty", .mapping([])),
        YAMLPair("nested", .mapping([YAMLPair("deeper", .mapping([YAMLPair("k", .scalar("v"))]))])),
    ])

    /// Emits a node as the value of `k`, reads it back and returns the value node.
    static func roundTripValue(_ node: YAMLNode) throws -> YAMLNode {
        let text = try YAMLWriter.emit(.mapping([YAMLPair("k", node)]))
        let root = try #require(try YAMLReader.parse(Array(text.utf8), file: "out.yaml"))
        return try #require(root["k"])
    }

    @Test("block style with no document markers")
    func layout() throws {
        let text = try YAMLWriter.emit(Self.sample)
        #expect(
            text == """
                name: Region
                list:
                - a
                - b: 1
                  c: []
                - - 'x'
                  - "y"
                empty: {}
                nested:
                  deeper:
                    k: v

                """)
    }

    @Test("the indent option is applied")
    func indentOption() throws {
        let node = YAMLNode.mapping([YAMLPair("a", .mapping([YAMLPair("b", .scalar("c"))]))])
        #expect(try YAMLWriter.emit(node, options: .init(indent: 4)) == "a:\n    b: c\n")
    }

    @Test("emit then parse gives the same values")
    func roundTrip() throws {
        let text = try YAMLWriter.emit(Self.sample)
        let back = try #require(try YAMLReader.parse(Array(text.utf8), file: "out.yaml"))
        #expect(sameValues(back, Self.sample))
        #expect(back["list"]?.sequenceItems?.last?.sequenceItems?.map { $0.scalarStyle } == [.singleQuoted, .doubleQuoted])
    }

    @Test("output is deterministic")
    func deterministic() throws {
        let first = try YAMLWriter.emit(Self.sample)
        for _ in 0..<5 {
            #expect(try YAMLWriter.emit(Self.sample) == first)
        }
    }

    @Test("tags are written and read back")
    func tags() throws {
        let node = YAMLNode.mapping([
            YAMLPair("a", .scalar("1", tag: "!point")),
            YAMLPair("b", .scalar("12", tag: "tag:yaml.org,2002:str")),
            YAMLPair("c", .sequence([.scalar("x")], tag: "!list")),
        ])
        let text = try YAMLWriter.emit(node)
        #expect(text == "a: !point 1\nb: !!str 12\nc: !list\n- x\n")
        let back = try #require(try YAMLReader.parse(Array(text.utf8), file: "out.yaml"))
        #expect(sameValues(back, node))
    }

    @Test("an empty tag is an emitter error")
    func emptyTag() {
        do {
            _ = try YAMLWriter.emit(.scalar("x", tag: ""))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .emitter)
            #expect(error.message.contains("tag"))
        }
    }

    @Test(
        "a plain request libyaml cannot honour is written quoted and reads back the same",
        arguments: [
            "- x", ": y", "#c", " lead", "tail ", "x: y", "a #b", "@x", "`x", "!x", "%x", "&x", "*x",
            "[x", "{x", "---", "...", "'q'", "\"q\"",
        ])
    func plainRequestQuoted(_ value: String) throws {
        let text = try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar(value))]))
        #expect(!text.hasPrefix("k: \(value)\n"))
        let back = try Self.roundTripValue(.scalar(value))
        #expect(back.scalarValue == value)
        #expect(back.scalarStyle != .plain)

        let asKey = try YAMLWriter.emit(.mapping([YAMLPair(value, .scalar("v"))]))
        let keyBack = try #require(try YAMLReader.parse(Array(asKey.utf8), file: "out.yaml"))
        #expect(keyBack.mappingPairs?.first?.key.scalarValue == value)

        let inSequence = try YAMLWriter.emit(.sequence([.scalar(value)]))
        let itemBack = try #require(try YAMLReader.parse(Array(inSequence.utf8), file: "out.yaml"))
        #expect(itemBack.sequenceItems?.first?.scalarValue == value)
        #expect(itemBack.sequenceItems?.first?.scalarStyle != .plain)
    }

    @Test("an empty string is written plain (a null) when asked, and quoted when asked")
    func emptyString() throws {
        #expect(try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar(""))])) == "k:\n")
        #expect(try Self.roundTripValue(.scalar("")).isNull)
        #expect(try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar("", style: .doubleQuoted))])) == "k: \"\"\n")
        let quoted = try Self.roundTripValue(.scalar("", style: .singleQuoted))
        #expect(quoted.scalarValue == "")
        #expect(quoted.scalarStyle == .singleQuoted)
        #expect(!quoted.isNull)
        let key = try YAMLWriter.emit(.mapping([YAMLPair("", .scalar("v"))]))
        #expect(key == "'': v\n")
    }

    @Test(
        "words YAML may resolve as other types are written as requested: plain or quoted",
        arguments: ["yes", "2019", "null", "true", "1.5", "~"])
    func resolvableWords(_ value: String) throws {
        #expect(try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar(value))])) == "k: \(value)\n")
        let double = try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar(value, style: .doubleQuoted))]))
        #expect(double == "k: \"\(value)\"\n")
        let back = try Self.roundTripValue(.scalar(value, style: .doubleQuoted))
        #expect(back.scalarValue == value)
        #expect(back.scalarStyle == .doubleQuoted)
        let single = try Self.roundTripValue(.scalar(value, style: .singleQuoted))
        #expect(single.scalarValue == value)
        #expect(single.scalarStyle == .singleQuoted)
    }

    @Test("Cyrillic and typographic quotes are written as UTF-8, not escaped")
    func unicode() throws {
        let value = "«Привет», “мир” — ‘да’"
        for style in [YAMLScalarStyle.plain, .doubleQuoted, .singleQuoted] {
            let text = try YAMLWriter.emit(.mapping([YAMLPair("ключ", .scalar(value, style: style))]))
            #expect(text.contains(value))
            #expect(!text.contains("\\u") && !text.contains("\\x"))
            #expect(text.hasPrefix("ключ: "))
            #expect(try Self.roundTripValue(.scalar(value, style: style)).scalarValue == value)
        }
        #expect(try YAMLWriter.emit(.scalar(value)) == value + "\n")
        let escaped = try YAMLWriter.emit(.scalar("Привет"), options: .init(unicode: false))
        #expect(escaped == "\"\\u041F\\u0440\\u0438\\u0432\\u0435\\u0442\"\n")
    }

    @Test("long strings are not folded")
    func longStrings() throws {
        let value = (1...120).map { "word\($0)" }.joined(separator: " ")
        for style in [YAMLScalarStyle.plain, .doubleQuoted, .singleQuoted, .folded] {
            let text = try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar(value, style: style))]))
            #expect(text.utf8.filter { $0 == UInt8(ascii: "\n") }.count == (style == .folded ? 2 : 1))
            let back = try Self.roundTripValue(.scalar(value, style: style))
            #expect(back.scalarValue == (style == .folded ? value + "\n" : value) || back.scalarValue == value)
        }
        let folded = try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar(value))]), options: .init(width: 40))
        #expect(folded.utf8.filter { $0 == UInt8(ascii: "\n") }.count > 5)
    }

    @Test(
        "multi-line strings read back exactly in every style",
        arguments: [
            "a\nb", "a\n", "a\n\n", "\na", "line one\nline two\n", "  indented\nnext", "a\n\n\nb",
            "trailing \nspace", "tab\tand\nbreak", "x\n  y\n", "\n", "# not a comment\n- nor an item\n",
        ])
    func multiLine(_ value: String) throws {
        for style in [YAMLScalarStyle.plain, .singleQuoted, .doubleQuoted, .literal, .folded] {
            let back = try Self.roundTripValue(.scalar(value, style: style))
            #expect(back.scalarValue == value, "style \(style)")

            let item = try YAMLWriter.emit(.sequence([.scalar(value, style: style), .scalar("after")]))
            let items = try #require(try YAMLReader.parse(Array(item.utf8), file: "out.yaml")?.sequenceItems)
            #expect(items.map { $0.scalarValue } == [value, "after"], "style \(style)")

            let root = try YAMLWriter.emit(.scalar(value, style: style))
            #expect(!root.contains("..."), "style \(style)")
            #expect(try YAMLReader.parse(Array(root.utf8), file: "out.yaml")?.scalarValue == value, "style \(style)")
        }
    }

    @Test("deep trees are written without exhausting the stack and read back within a matching limit")
    func deepTree() throws {
        let depth = 500
        var node = YAMLNode.scalar("leaf")
        for level in 0..<depth {
            node = level.isMultiple(of: 2) ? .sequence([node]) : .mapping([YAMLPair("k", node)])
        }
        let text = try YAMLWriter.emit(node)
        let back = try #require(
            try YAMLReader.parse(
                Array(text.utf8), file: "deep.yaml",
                limits: YAMLLimits(maxDepth: depth)))
        #expect(sameValues(back, node))
        #expect(parseError(text, limits: YAMLLimits(maxDepth: depth - 1))?.kind == .tooDeep)
    }

    @Test("a literal block is written as a literal block")
    func literalBlock() throws {
        let text = try YAMLWriter.emit(.mapping([YAMLPair("k", .scalar("one\ntwo\n", style: .literal))]))
        #expect(text == "k: |\n  one\n  two\n")
    }
}
