/// Up to ``UserRows/rowsPerChunk`` rows of a ``UserRows``, packed in one byte buffer, with an
/// index from id to row within the chunk. Rows are only appended.
struct UserRowsChunk: Sendable {
    /// Each row: a flags byte (account enabled, synced), the id, the display name, the principal
    /// name's part before its last `@` and one byte naming its domain in ``domains`` (255: the
    /// whole name is in the part). Mail, job title and department are not kept: the console never
    /// shows them from the list, and the audit names users by display and principal name.
    private var bytes: [UInt8] = []
    /// Where each row starts in ``bytes``.
    private var starts: [UInt32] = []
    /// Open addressing from an id's hash to its first row in the chunk, plus one (0: empty); twice
    /// as many slots as rows, so a probe ends after one or two looks. Two bytes a slot: a chunk
    /// holds at most ``UserRows/rowsPerChunk`` rows, well below 65,535.
    private var slots: [UInt16]
    /// The principal names' domains (`contoso.com`), each kept once for the chunk.
    private var domains: [String] = []
    private var domainNumbers: [String: UInt8] = [:]

    /// An empty chunk with room for `capacity` rows of about `bytes` bytes in all.
    init(capacity: Int, bytes: Int) {
        precondition(capacity < Int(UInt16.max), "a chunk numbers its rows in two bytes")
        starts.reserveCapacity(capacity)
        self.bytes.reserveCapacity(bytes)
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt16](repeating: 0, count: size)
    }

    var count: Int { starts.count }
    var byteCount: Int { bytes.count }

    func user(at row: Int) -> DirectoryUser {
        var reader = Reader(bytes: bytes, offset: Int(starts[row]))
        let flags = reader.byte()
        let id = reader.text() ?? ""
        let displayName = reader.text() ?? ""
        var principalName = reader.text() ?? ""
        let domain = reader.byte()
        if Int(domain) < domains.count { principalName += "@" + domains[Int(domain)] }
        return DirectoryUser(
            id: id, displayName: displayName, principalName: principalName,
            accountEnabled: Self.bool(flags & 3), onPremisesSyncEnabled: Self.bool(flags >> 2 & 3))
    }

    func id(at row: Int) -> String {
        var reader = Reader(bytes: bytes, offset: Int(starts[row]) + 1)
        return reader.text() ?? ""
    }

    /// The first row of `key`'s id in this chunk.
    func row(of key: UserRowKey) -> Int? {
        let mask = slots.count - 1
        var slot = key.hash & mask
        while slots[slot] != 0 {
            let row = Int(slots[slot]) - 1
            if idMatches(row, key) { return row }
            slot = (slot + 1) & mask
        }
        return nil
    }

    mutating func append(_ user: DirectoryUser) {
        let row = starts.count
        starts.append(UInt32(bytes.count))
        bytes.append(Self.flag(user.accountEnabled) | Self.flag(user.onPremisesSyncEnabled) << 2)
        Field.write(user.id, to: &bytes, guid: UserRowKey.guid(user.id))
        Field.write(user.displayName, to: &bytes)
        let (local, domain) = split(user.principalName)
        Field.write(local, to: &bytes)
        bytes.append(domain)

        let key = UserRowKey(user.id)
        let mask = slots.count - 1
        var slot = key.hash & mask
        while slots[slot] != 0 {
            if idMatches(Int(slots[slot]) - 1, key) { return }  // listed already: the first row stays
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt16(row + 1)
    }

    /// Gives back the room the byte buffer grew beyond its rows (the chunk is full).
    mutating func compact() {
        guard bytes.capacity > bytes.count + bytes.count / 16 else { return }
        bytes = bytes.withUnsafeBufferPointer { rows in
            [UInt8](unsafeUninitializedCapacity: rows.count) { buffer, count in
                count = buffer.initialize(fromContentsOf: rows)
            }
        }
    }

    /// The principal name's part before its last `@`, and its domain's number (the domain kept
    /// once); 255 keeps the whole name (no `@`, or 255 domains already).
    private mutating func split(_ name: String) -> (String, UInt8) {
        guard let at = name.utf8.lastIndex(of: UInt8(ascii: "@")) else { return (name, 255) }
        let domain = String(name[name.index(after: at)...])
        if let number = domainNumbers[domain] { return (String(name[..<at]), number) }
        guard domains.count < 255 else { return (name, 255) }
        let number = UInt8(domains.count)
        domains.append(domain)
        domainNumbers[domain] = number
        return (String(name[..<at]), number)
    }

    /// Whether the id of `row` is `key`'s, compared in place (no string made).
    private func idMatches(_ row: Int, _ key: UserRowKey) -> Bool {
        var offset = Int(starts[row]) + 1
        let marker = bytes[offset]
        offset += 1
        if marker == Field.guid {
            guard let guid = key.guid else { return false }
            return bytes[offset..<offset + 16].elementsEqual(guid)
        }
        guard marker != Field.absent else { return false }
        var count = Int(marker)
        if marker == Field.long {
            count = (0..<4).reduce(0) { value, shift in value | Int(bytes[offset + shift]) << (8 * shift) }
            offset += 4
        }
        return key.text.utf8.count == count && bytes[offset..<offset + count].elementsEqual(key.text.utf8)
    }

    private static func flag(_ value: Bool?) -> UInt8 {
        value.map { $0 ? 2 : 1 } ?? 0
    }

    private static func bool(_ flag: UInt8) -> Bool? {
        flag == 0 ? nil : flag == 2
    }

    /// A field's marker: its length below 253; 253 then 16 bytes for an id in the lowercase GUID
    /// form (Graph's object ids, 37 bytes as text); 254 then four bytes for longer text; 255 for nil.
    private enum Field {
        static let guid: UInt8 = 253
        static let long: UInt8 = 254
        static let absent: UInt8 = 255

        static func write(_ text: String?, to bytes: inout [UInt8], guid: [UInt8]? = nil) {
            guard let text else {
                bytes.append(absent)
                return
            }
            if let guid {
                bytes.append(Self.guid)
                bytes.append(contentsOf: guid)
                return
            }
            let count = text.utf8.count
            if count < Int(Self.guid) {
                bytes.append(UInt8(count))
            } else {
                bytes.append(long)
                withUnsafeBytes(of: UInt32(count).littleEndian) { bytes.append(contentsOf: $0) }
            }
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Reads one row's fields in order.
    private struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func byte() -> UInt8 {
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func text() -> String? {
            let marker = byte()
            if marker == Field.absent { return nil }
            if marker == Field.guid {
                defer { offset += 16 }
                return UserRowKey.text(guid: bytes[offset..<offset + 16])
            }
            var count = Int(marker)
            if marker == Field.long {
                count = (0..<4).reduce(0) { value, shift in value | Int(byte()) << (8 * shift) }
            }
            defer { offset += count }
            return bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
            }
        }
    }
}
