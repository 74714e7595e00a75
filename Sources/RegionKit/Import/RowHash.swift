/// Stable 64-bit hashes of rows and keys, the same in every run (FNV-1a over UTF-8 bytes, finished by a 64-bit mix;
/// no random seed, unlike Swift's `Hasher`).
///
/// A row's hash covers every field it has: each field's key and value are hashed together (a type tag, the text's
/// bytes, a list's items with a separator byte that UTF-8 never uses, a number's bits with `-0` read as `0`, a
/// date's parts), and the fields' hashes are added, so the order a row keeps its fields in does not count. Rows that
/// are equal as `Record ==` has them have equal hashes, except for texts equal only as Unicode-equivalent strings
/// (`é` composed or not); rows with equal hashes may still differ. A hash therefore only chooses which comparison
/// runs, never its answer: see `TableMerge`.
enum RowHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of a row's values.
    static func of(_ record: Record) -> UInt64 {
        var sum: UInt64 = 0
        for (key, value) in record.values {
            var hash = text(key, into: offset)
            hash = byte(0xff, into: hash)
            hash = self.value(value, into: hash)
            sum &+= mix(hash)
        }
        return mix(sum &+ UInt64(truncatingIfNeeded: record.values.count))
    }

    /// The hash of a row's key.
    static func key(_ key: String) -> UInt64 {
        mix(text(key, into: offset))
    }

    static func value(_ value: Value, into hash: UInt64) -> UInt64 {
        switch value {
        case .text(let text):
            return self.text(text, into: byte(1, into: hash))
        case .number(let number):
            // `-0 == 0`, so both hash as `0`.
            return word(number == 0 ? 0 : number.bitPattern, into: byte(2, into: hash))
        case .date(let date):
            var hash = word(UInt64(bitPattern: Int64(date.year)), into: byte(3, into: hash))
            hash = word(UInt64(bitPattern: Int64(date.month ?? -1)), into: hash)
            return word(UInt64(bitPattern: Int64(date.day ?? -1)), into: hash)
        case .list(let items):
            var hash = word(UInt64(items.count), into: byte(4, into: hash))
            for item in items {
                hash = byte(0xfe, into: text(item, into: hash))
            }
            return hash
        }
    }

    static func text(_ text: String, into hash: UInt64) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash = hash
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* prime
            }
            return hash
        }
    }

    static func byte(_ byte: UInt8, into hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    static func word(_ word: UInt64, into hash: UInt64) -> UInt64 {
        var hash = hash
        var rest = word
        for _ in 0..<8 {
            hash = (hash ^ (rest & 0xff)) &* prime
            rest >>= 8
        }
        return hash
    }

    /// A 64-bit finalizer (splitmix64's), so that the low bits depend on every input byte.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// A set of 64-bit key hashes (open addressing), to tell cheaply that no key of a table repeats.
struct KeyHashSet {
    private var slots: [UInt64]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Adds a hash; false when it was there already.
    mutating func insert(_ hash: UInt64) -> Bool {
        let hash = hash == 0 ? 1 : hash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let held = slots[slot]
            if held == 0 {
                slots[slot] = hash
                return true
            }
            if held == hash { return false }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the set holds a hash.
    func contains(_ hash: UInt64) -> Bool {
        let hash = hash == 0 ? 1 : hash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let held = slots[slot]
            if held == 0 { return false }
            if held == hash { return true }
            slot = (slot + 1) & mask
        }
    }
}
