@testable import RegionYAML

/// Parses UTF-8 text as `test.yaml`.
func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
    try YAMLReader.parse(Array(text.utf8), file: "test.yaml", limits: limits)
}

/// The error parsing the bytes gives, or nil if they parse.
func parseError(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLReader.parse(bytes, file: "test.yaml", limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The error parsing the text gives, or nil if it parses.
func parseError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    parseError(Array(text.utf8), limits: limits)
}

/// Whether two trees have the same structure, texts and tags (marks and scalar styles are not compared).
func sameValues(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
    guard lhs.tag == rhs.tag else { return false }
    switch (lhs.content, rhs.content) {
    case let (.scalar(left, _), .scalar(right, _)):
        return left == right
    case let (.sequence(left), .sequence(right)):
        return left.count == right.count && zip(left, right).allSatisfy { sameValues($0, $1) }
    case let (.mapping(left), .mapping(right)):
        return left.count == right.count
            && zip(left, right).allSatisfy { sameValues($0.key, $1.key) && sameValues($0.value, $1.value) }
    default:
        return false
    }
}

/// The text at a mark's byte offset, for checking offsets against the input.
func text(of input: String, from mark: YAMLMark, count: Int) -> String {
    let bytes = Array(input.utf8)
    guard mark.offset >= 0, mark.offset + count <= bytes.count else { return "<out of range>" }
    return String(decoding: bytes[mark.offset..<(mark.offset + count)], as: UTF8.self)
}
