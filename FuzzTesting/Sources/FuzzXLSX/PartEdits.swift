/// A fuzz input read as edits to the parts of a workbook: sections separated by NUL bytes (which XML never holds),
/// each a part's name, a line feed and the part's new text. A section without a line feed names a part to leave
/// out. `xl/worksheets/sheet3.xml\n<worksheet>…</worksheet>` replaces one sheet and keeps every other part.
struct PartEdits {
    /// The new text of each part named, in the order given; a later edit of a part wins.
    private(set) var replacements: [(name: String, bytes: ArraySlice<UInt8>)] = []
    /// The parts to leave out.
    private(set) var removals: Set<String> = []

    init(_ input: [UInt8]) {
        for section in input.split(separator: 0, omittingEmptySubsequences: true) {
            guard let newline = section.firstIndex(of: 0x0A) else {
                removals.insert(String(decoding: section, as: UTF8.self))
                continue
            }
            let name = String(decoding: section[..<newline], as: UTF8.self)
            guard !name.isEmpty else { continue }
            replacements.removeAll { $0.name == name }
            replacements.append((name, section[(newline + 1)...]))
        }
    }

    /// The new text of a part, when an edit gives one.
    func replacement(of name: String) -> ArraySlice<UInt8>? {
        replacements.first { $0.name == name }?.bytes
    }
}
