internal import CYAML

/// Owns a libyaml parser over a private copy of the input and yields its events one at a time.
final class LibYAMLParser {
    /// The input, for marks and source lines.
    private(set) var source: YAMLSource
    /// The name of the input, for errors.
    let file: String
    /// Scalars longer than this many bytes are refused.
    private let maxScalarBytes: Int

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The input bytes libyaml reads; libyaml keeps a pointer to them, so they live as long as the parser.
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let initialized: Bool

    init(bytes: [UInt8], file: String, maxScalarBytes: Int) {
        source = YAMLSource(bytes)
        self.file = file
        self.maxScalarBytes = maxScalarBytes
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        initialized = yaml_parser_initialize(parser) == 1
        if initialized {
            yaml_parser_set_input_string(parser, UnsafePointer(input.baseAddress), bytes.count)
        }
    }

    deinit {
        if initialized {
            yaml_parser_delete(parser)
        }
        parser.deinitialize(count: 1)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event of the stream.
    func next() throws(YAMLError) -> LibYAMLEvent {
        guard initialized else {
            throw YAMLError(kind: .memory, message: "cannot allocate the YAML parser", file: file)
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw parserError()
        }
        defer { yaml_event_delete(&event) }

        let mark = source.mark(
            line: event.start_mark.line, column: event.start_mark.column, characterIndex: event.start_mark.index)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return LibYAMLEvent(kind: .streamStart, mark: mark)
        case YAML_STREAM_END_EVENT:
            return LibYAMLEvent(kind: .streamEnd, mark: mark)
        case YAML_DOCUMENT_START_EVENT:
            return LibYAMLEvent(kind: .documentStart, mark: mark)
        case YAML_DOCUMENT_END_EVENT:
            return LibYAMLEvent(kind: .documentEnd, mark: mark)
        case YAML_ALIAS_EVENT:
            return LibYAMLEvent(kind: .alias, mark: mark, anchor: Self.string(event.data.alias.anchor))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.length <= maxScalarBytes else {
                throw error(.scalarTooLarge,
                            "scalar of \(scalar.length) bytes is longer than the limit of \(maxScalarBytes) bytes",
                            at: mark)
            }
            let value = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            return LibYAMLEvent(kind: .scalar(value, Self.style(scalar.style)), mark: mark,
                                tag: Self.string(scalar.tag), anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return LibYAMLEvent(kind: .sequenceStart, mark: mark,
                                tag: Self.string(start.tag), anchor: Self.string(start.anchor))
        case YAML_SEQUENCE_END_EVENT:
            return LibYAMLEvent(kind: .sequenceEnd, mark: mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return LibYAMLEvent(kind: .mappingStart, mark: mark,
                                tag: Self.string(start.tag), anchor: Self.string(start.anchor))
        case YAML_MAPPING_END_EVENT:
            return LibYAMLEvent(kind: .mappingEnd, mark: mark)
        default:
            throw error(.parser, "unexpected event from libyaml (type \(event.type.rawValue))", at: mark)
        }
    }

    /// An error of the given kind at a mark, with the source line at the mark.
    func error(_ kind: YAMLError.Kind, _ message: String, at mark: YAMLMark?) -> YAMLError {
        YAMLError(kind: kind, message: message, file: file, mark: mark,
                  sourceLine: mark.flatMap { source.lineText($0.line) })
    }

    /// The libyaml parser's error as a Swift error.
    private func parserError() -> YAMLError {
        let state = parser.pointee
        var problem = Self.string(state.problem) ?? "unknown problem"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return error(.memory, problem, at: nil)
        case YAML_READER_ERROR:
            if state.problem_value >= 0 {
                problem += " (0x" + String(state.problem_value, radix: 16, uppercase: true) + ")"
            }
            return error(.reader, problem, at: source.mark(atByteOffset: state.problem_offset))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let kind: YAMLError.Kind = state.error == YAML_SCANNER_ERROR ? .scanner : .parser
            if let context = Self.string(state.context) {
                let contextMark = state.context_mark
                problem += " (\(context) at line \(contextMark.line + 1), column \(contextMark.column + 1))"
            }
            let mark = source.mark(line: state.problem_mark.line, column: state.problem_mark.column,
                                   characterIndex: state.problem_mark.index)
            return error(kind, problem, at: mark)
        default:
            return error(.parser, problem, at: nil)
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
