internal import CYAML

/// Owns a libyaml parser that pulls its input from a byte source through a read handler, and yields its events one
/// at a time. Only a window of the bytes past the events already yielded is kept (for byte offsets), never the whole
/// input.
///
/// The read handler also guards against huge scalars: libyaml keeps a scalar in memory until it ends, so once more
/// than `maxScalarBytes` plus a margin have been fed since the end of the last event, it feeds libyaml no more and
/// the parse fails with `scalarTooLarge` at that event's end.
final class LibYAMLParser {
    /// The name of the input, for errors.
    let file: String
    /// Scalars longer than this many bytes are refused.
    private let maxScalarBytes: Int
    /// Refuse to feed libyaml once this many bytes have followed the end of the last event.
    private let maxPendingBytes: Int

    private let source: any ByteSource
    private var positions: InputPositions
    /// The end of the last event: the guard counts from there, and once the next event is read, `positions`
    /// forgets what comes before it.
    private var lastEnd = InputPositions.Position.start
    /// Why the read handler stopped feeding libyaml, when it did.
    private var inputFailure: YAMLError?

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let initialized: Bool

    /// The margin past `maxScalarBytes` that the read handler allows for quotes, escapes, indentation and the
    /// bytes libyaml reads ahead: a quarter of the limit plus 64 KiB.
    static func maxPendingBytes(forScalarLimit limit: Int) -> Int {
        let (margin, overflow) = (limit / 4).addingReportingOverflow(1 << 16)
        guard !overflow else { return .max }
        let (total, overflowTotal) = limit.addingReportingOverflow(margin)
        return overflowTotal ? .max : total
    }

    /// The size of the input in bytes, when it is known.
    var inputSize: Int? { source.totalBytes }

    init(source: any ByteSource, file: String, maxScalarBytes: Int) {
        self.source = source
        positions = InputPositions(source: source)
        self.file = file
        self.maxScalarBytes = maxScalarBytes
        maxPendingBytes = Self.maxPendingBytes(forScalarLimit: maxScalarBytes)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        initialized = yaml_parser_initialize(parser) == 1
        guard initialized else { return }
        yaml_parser_set_input(
            parser,
            { context, buffer, size, sizeRead in
                guard let context, let buffer, let sizeRead else { return 0 }
                let owner = Unmanaged<LibYAMLParser>.fromOpaque(context).takeUnretainedValue()
                guard let count = owner.feed(UnsafeMutableRawBufferPointer(start: buffer, count: size)) else { return 0 }
                sizeRead.pointee = count
                return 1
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        if initialized {
            yaml_parser_delete(parser)
        }
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// Fills libyaml's buffer from the source; nil (and `inputFailure` set) to stop the parse.
    private func feed(_ buffer: UnsafeMutableRawBufferPointer) -> Int? {
        guard inputFailure == nil else { return nil }
        guard positions.fed - lastEnd.offset <= maxPendingBytes else {
            inputFailure = error(
                .scalarTooLarge,
                "scalar longer than the limit of \(maxScalarBytes) bytes: more than \(maxPendingBytes) bytes follow "
                    + "here without the end of a node",
                at: YAMLMark(line: lastEnd.line, column: lastEnd.column, offset: lastEnd.offset))
            return nil
        }
        do {
            let count = try source.read(into: buffer)
            positions.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            return count
        } catch {
            inputFailure = error
            return nil
        }
    }

    /// The next event of the stream.
    func next() throws(YAMLError) -> LibYAMLEvent {
        guard initialized else {
            throw YAMLError(kind: .memory, message: "cannot allocate the YAML parser", file: file)
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw inputFailure ?? parserError()
        }
        defer { yaml_event_delete(&event) }

        positions.advance(to: lastEnd)
        let start = event.start_mark
        let mark = YAMLMark(line: start.line + 1, column: start.column + 1, offset: positions.offset(ofIndex: start.index))
        let end = event.end_mark
        lastEnd = InputPositions.Position(
            offset: positions.offset(ofIndex: end.index), index: end.index, line: end.line + 1, column: end.column + 1)
        let endMark = YAMLMark(line: lastEnd.line, column: lastEnd.column, offset: lastEnd.offset)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return LibYAMLEvent(kind: .streamStart, mark: mark, end: endMark)
        case YAML_STREAM_END_EVENT:
            return LibYAMLEvent(kind: .streamEnd, mark: mark, end: endMark)
        case YAML_DOCUMENT_START_EVENT:
            return LibYAMLEvent(kind: .documentStart, mark: mark, end: endMark)
        case YAML_DOCUMENT_END_EVENT:
            return LibYAMLEvent(kind: .documentEnd, mark: mark, end: endMark)
        case YAML_ALIAS_EVENT:
            return LibYAMLEvent(kind: .alias, mark: mark, end: endMark, anchor: Self.string(event.data.alias.anchor))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.length <= maxScalarBytes else {
                throw error(
                    .scalarTooLarge,
                    "scalar of \(scalar.length) bytes is longer than the limit of \(maxScalarBytes) bytes",
                    at: mark)
            }
            let value =
                scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
            return LibYAMLEvent(
                kind: .scalar(value, Self.style(scalar.style)), mark: mark, end: endMark,
                tag: Self.string(scalar.tag), anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return LibYAMLEvent(
                kind: .sequenceStart, mark: mark, end: endMark,
                tag: Self.string(start.tag), anchor: Self.string(start.anchor))
        case YAML_SEQUENCE_END_EVENT:
            return LibYAMLEvent(kind: .sequenceEnd, mark: mark, end: endMark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return LibYAMLEvent(
                kind: .mappingStart, mark: mark, end: endMark,
                tag: Self.string(start.tag), anchor: Self.string(start.anchor))
        case YAML_MAPPING_END_EVENT:
            return LibYAMLEvent(kind: .mappingEnd, mark: mark, end: endMark)
        default:
            throw error(.parser, "unexpected event from libyaml (type \(event.type.rawValue))", at: mark)
        }
    }

    /// An error of the given kind at a mark, quoting the line at the mark (read again from the input).
    func error(_ kind: YAMLError.Kind, _ message: String, at mark: YAMLMark?) -> YAMLError {
        var lines = SourceLine(in: source)
        return YAMLError(
            kind: kind, message: message, file: file, mark: mark,
            sourceLine: mark.flatMap { lines.text(ofLine: $0.line, column: $0.column) })
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
            return error(.reader, problem, at: positions.mark(atOffset: state.problem_offset))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let kind: YAMLError.Kind = state.error == YAML_SCANNER_ERROR ? .scanner : .parser
            if let context = Self.string(state.context) {
                let contextMark = state.context_mark
                problem += " (\(context) at line \(contextMark.line + 1), column \(contextMark.column + 1))"
            }
            let problemMark = state.problem_mark
            let mark = YAMLMark(
                line: problemMark.line + 1, column: problemMark.column + 1,
                offset: positions.offset(ofIndex: problemMark.index))
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
