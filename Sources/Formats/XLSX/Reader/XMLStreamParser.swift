internal import CExpat

/// Receives the events of an XML document as `XMLStreamParser` reads it. Names are local names: the namespace
/// (or prefix) is dropped, so `x:row` and `row` are the same element.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: String, _ attributes: XMLAttributes)
    func endElement(_ name: String)
    /// A piece of character data; one text node may come in several pieces.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Why the handler wants no more events (a limit it enforces was passed), or nil to go on. The parser stops at
    /// the event after which it is set, and `feed` throws it with the line and column.
    var stopReason: String? { get }
}

extension XMLEventHandler {
    var stopReason: String? { nil }
}

/// The attributes of an element being started; valid only during the `startElement` call.
struct XMLAttributes {
    fileprivate let pairs: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?

    /// The value of the attribute whose local name is `name`.
    subscript(_ name: StaticString) -> String? {
        guard let pairs else { return nil }
        var index = 0
        while let attribute = pairs[index] {
            if XMLStreamParser.localName(attribute, equals: name), let value = pairs[index + 1] {
                return String(cString: value)
            }
            index += 2
        }
        return nil
    }
}

/// Why a document could not be read: expat's message and where, or the handler's reason for stopping.
struct XMLStreamError: Error {
    let message: String
    let line: Int
    let column: Int
}

/// A streaming XML parser over libexpat: owns the `XML_Parser` and frees it in `deinit`. Bytes are fed in chunks as
/// they are unzipped, so a document is never held whole. Documents with a DOCTYPE are refused, so no entity is ever
/// declared or expanded (no DTD is ever honoured). A single tag, comment or processing instruction longer than
/// `maximumTokenBytes` is refused, since expat holds one whole before it reports it.
final class XMLStreamParser {
    /// The separator expat puts between a namespace and a local name.
    fileprivate static let separator = CChar(0x01)
    /// The most bytes fed without an event: 4 MiB, checked after each chunk fed. Text is reported in pieces as it
    /// comes, so only one tag (with its attributes), comment or processing instruction can run this long, and the
    /// longest a workbook writes, a list of cell ranges, is some kilobytes.
    static let maximumTokenBytes: Int64 = 4 << 20

    private let parser: XML_Parser
    private let handler: XMLEventHandler
    private var failure: String?
    /// Bytes fed so far, and the byte offset of the last event reported.
    private var fed: Int64 = 0
    private var lastEvent: Int64 = 0

    init(handler: XMLEventHandler) throws(XMLStreamError) {
        guard let parser = XML_ParserCreateNS(nil, XML_Char(Self.separator)) else {
            throw XMLStreamError(message: "libexpat cannot create a parser", line: 0, column: 0)
        }
        self.parser = parser
        self.handler = handler
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER)
        XML_SetElementHandler(parser, startHandler, endHandler)
        XML_SetCharacterDataHandler(parser, characterHandler)
        XML_SetStartDoctypeDeclHandler(parser, doctypeHandler)
        XML_SetEntityDeclHandler(parser, entityHandler)
    }

    deinit {
        XML_ParserFree(parser)
    }

    /// Parses the next chunk of the document; `isFinal` marks the last one.
    func feed(_ bytes: UnsafeRawBufferPointer, isFinal: Bool) throws(XMLStreamError) {
        let status = XML_Parse(
            parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), isFinal ? 1 : 0)
        guard status == XML_STATUS_OK else { throw error() }
        fed += Int64(bytes.count)
        if fed - lastEvent > Self.maximumTokenBytes {
            let line = Int(XML_GetCurrentLineNumber(parser))
            let column = Int(XML_GetCurrentColumnNumber(parser)) + 1
            throw XMLStreamError(
                message:
                    "more than \(Self.maximumTokenBytes >> 20) MiB without the end of a tag, comment or processing instruction; the part is refused",
                line: line, column: column)
        }
    }

    /// Stops parsing at the current event; the `feed` under way throws `message`.
    func abort(_ message: String) {
        guard failure == nil else { return }
        failure = message
        XML_StopParser(parser, 0)
    }

    private func error() -> XMLStreamError {
        let line = Int(XML_GetCurrentLineNumber(parser))
        let column = Int(XML_GetCurrentColumnNumber(parser)) + 1
        if let failure { return XMLStreamError(message: failure, line: line, column: column) }
        let code = XML_GetErrorCode(parser)
        let message = XML_ErrorString(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        return XMLStreamError(message: message, line: line, column: column)
    }

    fileprivate static func from(_ userData: UnsafeMutableRawPointer?) -> XMLStreamParser? {
        userData.map { Unmanaged<XMLStreamParser>.fromOpaque($0).takeUnretainedValue() }
    }

    fileprivate func start(_ name: UnsafePointer<XML_Char>, _ attributes: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?) {
        guard failure == nil else { return }
        handler.startElement(Self.localName(name), XMLAttributes(pairs: attributes))
        afterEvent()
    }

    fileprivate func end(_ name: UnsafePointer<XML_Char>) {
        guard failure == nil else { return }
        handler.endElement(Self.localName(name))
        afterEvent()
    }

    fileprivate func characters(_ text: UnsafePointer<XML_Char>, _ length: Int32) {
        guard failure == nil else { return }
        text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
            handler.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        afterEvent()
    }

    /// Notes where the last event was, and stops when the handler asks to.
    private func afterEvent() {
        lastEvent = Int64(XML_GetCurrentByteIndex(parser))
        if let reason = handler.stopReason { abort(reason) }
    }

    /// The part of an expanded name after the namespace separator.
    static func localName(_ name: UnsafePointer<XML_Char>) -> String {
        String(cString: localStart(name))
    }

    /// Whether the local part of an expanded name is `wanted`, without making a string.
    static func localName(_ name: UnsafePointer<XML_Char>, equals wanted: StaticString) -> Bool {
        let local = localStart(name)
        return wanted.withUTF8Buffer { expected in
            for (index, byte) in expected.enumerated() where UInt8(bitPattern: local[index]) != byte { return false }
            return local[expected.count] == 0
        }
    }

    private static func localStart(_ name: UnsafePointer<XML_Char>) -> UnsafePointer<XML_Char> {
        var cursor = name
        var local = name
        while cursor.pointee != 0 {
            if cursor.pointee == separator { local = cursor + 1 }
            cursor += 1
        }
        return local
    }
}

private let startHandler: XML_StartElementHandler = { userData, name, attributes in
    guard let name else { return }
    XMLStreamParser.from(userData)?.start(name, attributes)
}

private let endHandler: XML_EndElementHandler = { userData, name in
    guard let name else { return }
    XMLStreamParser.from(userData)?.end(name)
}

private let characterHandler: XML_CharacterDataHandler = { userData, text, length in
    guard let text, length > 0 else { return }
    XMLStreamParser.from(userData)?.characters(text, length)
}

private let doctypeHandler: XML_StartDoctypeDeclHandler = { userData, _, _, _, _ in
    XMLStreamParser.from(userData)?.abort("the part declares a DOCTYPE, which workbooks never do; it is refused")
}

private let entityHandler: XML_EntityDeclHandler = { userData, _, _, _, _, _, _, _, _ in
    XMLStreamParser.from(userData)?.abort("the part declares an entity, which workbooks never do; it is refused")
}
