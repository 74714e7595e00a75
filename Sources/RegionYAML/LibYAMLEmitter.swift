internal import CYAML

/// Owns a libyaml emitter that writes UTF-8 into a buffer held by this object.
final class LibYAMLEmitter {
    /// What libyaml has written so far.
    private(set) var output: [UInt8] = []

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let initialized: Bool

    /// Creates an emitter writing block style with the given indent, width and Unicode setting, and "\n" line breaks.
    init(indent: Int, width: Int, unicode: Bool) {
        emitter = .allocate(capacity: 1)
        emitter.initialize(to: yaml_emitter_t())
        initialized = yaml_emitter_initialize(emitter) == 1
        guard initialized else { return }
        yaml_emitter_set_output(
            emitter,
            { context, buffer, size in
                guard let context else { return 0 }
                let owner = Unmanaged<LibYAMLEmitter>.fromOpaque(context).takeUnretainedValue()
                if let buffer, size > 0 {
                    owner.output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                }
                return 1
            }, Unmanaged.passUnretained(self).toOpaque())
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        yaml_emitter_set_canonical(emitter, 0)
        yaml_emitter_set_indent(emitter, Int32(clamping: indent))
        yaml_emitter_set_width(emitter, Int32(clamping: width))
        yaml_emitter_set_unicode(emitter, unicode ? 1 : 0)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        if initialized {
            yaml_emitter_delete(emitter)
        }
        emitter.deinitialize(count: 1)
        emitter.deallocate()
    }

    func streamStart() throws(YAMLError) {
        var event = yaml_event_t()
        let made = yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event, made: made, what: "stream start")
    }

    func streamEnd() throws(YAMLError) {
        var event = yaml_event_t()
        let made = yaml_stream_end_event_initialize(&event)
        try emit(&event, made: made, what: "stream end")
        guard yaml_emitter_flush(emitter) == 1 else { throw emitterError() }
    }

    /// Starts a document with no directives and no `---`.
    func documentStart() throws(YAMLError) {
        var event = yaml_event_t()
        let made = yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event, made: made, what: "document start")
    }

    /// Ends a document without `...`.
    func documentEnd() throws(YAMLError) {
        var event = yaml_event_t()
        let made = yaml_document_end_event_initialize(&event, 1)
        try emit(&event, made: made, what: "document end")
    }

    /// Writes a scalar. Without a tag, a plain request may still be quoted where libyaml cannot write it plain,
    /// and a quoted request is read back as a string; with a tag, the tag is written.
    func scalar(_ value: String, style: YAMLScalarStyle, tag: String?) throws(YAMLError) {
        var valueBytes = Array(value.utf8)
        guard let length = Int32(exactly: valueBytes.count) else {
            throw YAMLError(kind: .emitter, message: "scalar of \(valueBytes.count) bytes is too long to write")
        }
        valueBytes.append(0)
        let plainImplicit: Int32 = tag == nil && style == .plain ? 1 : 0
        let quotedImplicit: Int32 = tag == nil ? 1 : 0
        let cStyle: yaml_scalar_style_t
        switch style {
        case .plain: cStyle = YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: cStyle = YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: cStyle = YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: cStyle = YAML_LITERAL_SCALAR_STYLE
        case .folded: cStyle = YAML_FOLDED_SCALAR_STYLE
        }
        var event = yaml_event_t()
        let made = Self.withCString(tag) { tagPointer in
            valueBytes.withUnsafeBufferPointer { valuePointer in
                yaml_scalar_event_initialize(
                    &event, nil, tagPointer, valuePointer.baseAddress, length,
                    plainImplicit, quotedImplicit, cStyle)
            }
        }
        try emit(&event, made: made, what: "scalar")
    }

    /// Starts a block sequence, with its tag if any.
    func sequenceStart(tag: String?) throws(YAMLError) {
        var event = yaml_event_t()
        let made = Self.withCString(tag) { tagPointer in
            yaml_sequence_start_event_initialize(
                &event, nil, tagPointer, tag == nil ? 1 : 0,
                YAML_BLOCK_SEQUENCE_STYLE)
        }
        try emit(&event, made: made, what: "sequence start")
    }

    func sequenceEnd() throws(YAMLError) {
        var event = yaml_event_t()
        let made = yaml_sequence_end_event_initialize(&event)
        try emit(&event, made: made, what: "sequence end")
    }

    /// Starts a block mapping, with its tag if any.
    func mappingStart(tag: String?) throws(YAMLError) {
        var event = yaml_event_t()
        let made = Self.withCString(tag) { tagPointer in
            yaml_mapping_start_event_initialize(
                &event, nil, tagPointer, tag == nil ? 1 : 0,
                YAML_BLOCK_MAPPING_STYLE)
        }
        try emit(&event, made: made, what: "mapping start")
    }

    func mappingEnd() throws(YAMLError) {
        var event = yaml_event_t()
        let made = yaml_mapping_end_event_initialize(&event)
        try emit(&event, made: made, what: "mapping end")
    }

    /// Hands an initialized event to libyaml, which takes ownership of it whether or not it succeeds.
    private func emit(_ event: inout yaml_event_t, made: Int32, what: String) throws(YAMLError) {
        guard initialized else {
            throw YAMLError(kind: .memory, message: "cannot allocate the YAML emitter")
        }
        guard made == 1 else {
            throw YAMLError(kind: .emitter, message: "cannot create the \(what) event (invalid tag or out of memory)")
        }
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            throw emitterError()
        }
    }

    /// The libyaml emitter's error as a Swift error.
    private func emitterError() -> YAMLError {
        let state = emitter.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        if state.error == YAML_MEMORY_ERROR {
            return YAMLError(kind: .memory, message: problem)
        }
        return YAMLError(kind: .emitter, message: problem)
    }

    /// Calls `body` with a NUL-terminated UTF-8 copy of `string`, or with nil.
    private static func withCString<R>(_ string: String?, _ body: (UnsafePointer<yaml_char_t>?) -> R) -> R {
        guard let string else { return body(nil) }
        var bytes = Array(string.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
