/// A strict JSON reader (RFC 8259): one value, no comments, no trailing commas, no NaN or Infinity, numbers that
/// fit a `Double`, well-formed UTF-8 and escapes, and, unless allowed, no duplicate keys. Object members keep their
/// order. Every refusal is a `JSONSyntaxError` with the line, the column and the path of the value being read.
public struct JSONReader: Sendable {
    /// Bounds on a document, against hostile input.
    public struct Limits: Sendable, Hashable {
        /// The deepest nesting of arrays and objects.
        public var maxDepth: Int
        /// The largest document, in bytes.
        public var maxBytes: Int

        public init(maxDepth: Int = 256, maxBytes: Int = 512 << 20) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }

        public static let `default` = Limits()
    }

    public var limits: Limits
    /// Whether an object may repeat a key (the last value wins); RFC 8259 leaves it open, RegionKit refuses by default.
    public var allowsDuplicateKeys: Bool

    public init(limits: Limits = .default, allowsDuplicateKeys: Bool = false) {
        self.limits = limits
        self.allowsDuplicateKeys = allowsDuplicateKeys
    }

    /// Reads one JSON value from UTF-8 bytes. A leading byte order mark is skipped.
    public func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, limits: limits, allowsDuplicateKeys: allowsDuplicateKeys)
        return try parser.document()
    }

    /// Reads one JSON value from a text.
    public func read(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try read(Array(text.utf8))
    }
}

/// The recursive descent behind `JSONReader`, over the bytes of one document.
struct JSONParser {
    let bytes: [UInt8]
    let limits: JSONReader.Limits
    let allowsDuplicateKeys: Bool
    var index = 0
    var path: [JSONPath.Component] = []

    init(bytes: [UInt8], limits: JSONReader.Limits, allowsDuplicateKeys: Bool) {
        self.bytes = bytes
        self.limits = limits
        self.allowsDuplicateKeys = allowsDuplicateKeys
    }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw error("the document is larger than \(limits.maxBytes) bytes", at: 0)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw error("the document is empty; expected a JSON value", at: index) }
        let value = try self.value(depth: 0)
        skipWhitespace()
        guard index == bytes.count else {
            throw error("unexpected \(describe(index)) after the end of the JSON value", at: index)
        }
        return value
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("the document ends where a value was expected", at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not JSON numbers", at: index)
        default:
            throw error("expected a JSON value, found \(describe(index))", at: index)
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        index += 1
        var pairs: [(String, JSONValue)] = []
        var keys: Set<String> = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            return .object(pairs)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw error("expected a quoted member name, found \(describe(index))", at: index)
            }
            let keyStart = index
            let key = try string()
            if !keys.insert(key).inserted {
                guard allowsDuplicateKeys else {
                    var quoted = ""
                    JSONValue.writeString(key, to: &quoted)
                    throw error("duplicate member name \(quoted)", at: keyStart)
                }
                pairs.removeAll { $0.0 == key }
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after a member name, found \(describe(index))", at: index) }
            index += 1
            skipWhitespace()
            path.append(.key(key))
            let member = try value(depth: depth)
            path.removeLast()
            pairs.append((key, member))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                skipWhitespace()
                if peek(UInt8(ascii: "}")) { throw error("trailing comma before '}'", at: index) }
                continue
            }
            if peek(UInt8(ascii: "}")) {
                index += 1
                return .object(pairs)
            }
            throw error("expected ',' or '}' in an object, found \(describe(index))", at: index)
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            path.append(.index(items.count))
            let item = try value(depth: depth)
            path.removeLast()
            items.append(item)
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                skipWhitespace()
                if peek(UInt8(ascii: "]")) { throw error("trailing comma before ']'", at: index) }
                continue
            }
            if peek(UInt8(ascii: "]")) {
                index += 1
                return .array(items)
            }
            throw error("expected ',' or ']' in an array, found \(describe(index))", at: index)
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        guard depth <= limits.maxDepth else {
            throw error("arrays and objects are nested deeper than \(limits.maxDepth) levels", at: index)
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("expected a JSON value, found \(describe(index))", at: index)
        }
        index += expected.count
        return value
    }

    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = index
        if peek(UInt8(ascii: "-")) {
            index += 1
            if peek(UInt8(ascii: "I")) { throw error("NaN and Infinity are not JSON numbers", at: start) }
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error("a number needs a digit after '-'", at: index)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number cannot have a leading zero", at: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs a digit after '.'", at: index) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs a digit in its exponent", at: index) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw error("the number \(text) is out of range", at: start)
        }
        return number
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ end: Int) throws(JSONSyntaxError) {
            guard runStart < end else { return }
            guard let run = String(validating: bytes[runStart..<end], as: UTF8.self) else {
                throw error("a string holds bytes that are not UTF-8", at: start)
            }
            scalars.append(contentsOf: run.unicodeScalars)
        }
        while true {
            guard index < bytes.count else { throw error("a string is not closed", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flush(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw error("a string holds a raw control character (U+\(hex(UInt32(byte)))); escape it", at: index)
            }
            if byte == UInt8(ascii: "\\") {
                try flush(index)
                scalars.append(try escape())
                runStart = index
                continue
            }
            index += 1
        }
    }

    /// Reads an escape sequence at `index` (the backslash) and returns its scalar.
    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < bytes.count else { throw error("a string is not closed", at: start) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit(start)
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("\\u\(hex(unit)) is a lone surrogate", at: start)
                }
                index += 2
                let low = try hexUnit(start)
                guard (0xDC00...0xDFFF).contains(low) else { throw error("\\u\(hex(unit)) is a lone surrogate", at: start) }
                let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw error("an invalid surrogate pair", at: start) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw error("\\u\(hex(unit)) is a lone surrogate", at: start) }
            return scalar
        default:
            throw error("'\\\(describeByte(byte))' is not a JSON escape", at: start)
        }
    }

    private mutating func hexUnit(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("\\u needs four hexadecimal digits", at: escapeStart) }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("\\u needs four hexadecimal digits", at: escapeStart)
            }
            value = value * 16 + digit
        }
        index += 4
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func describeByte(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(hex(UInt32(byte)).suffix(2))
    }

    /// The character at `offset` for messages: `'x'`, or "the end of the document".
    private func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the document" }
        let byte = bytes[offset]
        if (0x21...0x7E).contains(byte) { return "'\(String(UnicodeScalar(byte)))'" }
        switch byte {
        case 0x20: return "a space"
        case 0x09, 0x0A, 0x0D: return "white space"
        default: return "byte 0x" + String(hex(UInt32(byte)).suffix(2))
        }
    }

    /// A syntax error at a byte offset, with its line, column, path and source line.
    private func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        let clamped = min(offset, bytes.count)
        var lineStart = 0
        var line = 1
        for position in 0..<clamped where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = 1 + bytes[lineStart..<clamped].filter { $0 & 0xC0 != 0x80 }.count
        var lineEnd = clamped
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        return JSONSyntaxError(
            message: message, line: line, column: column, offset: clamped, path: JSONPath(path),
            sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }
}
