import AuthdeskCore

/// Up to ``UserRows/rowsPerChunk`` rows of a ``UserRows``, packed in one byte buffer, with the
/// index from id to row within the chunk.
struct UserRowsChunk: Sendable, Equatable {
    /// Each row: a flags byte (account enabled, synced), then id, display name and principal
    /// name, each a length (``Field``) and its UTF-8 bytes. Mail, job title and department are
    /// not kept: the console never shows them from the list (a third of a row's bytes).
    private var bytes: [UInt8] = []
    /// Where each row starts in ``bytes``.
    private var starts: [UInt32] = []
    /// The first row of each id, by the id's hash; ids whose hash another id took are in
    /// ``collided``.
    private var rowsByHash: [Int: Int32] = [:]
    private var collided: [String: Int32] = [:]

    /// An empty chunk with room for `capacity` rows of about `bytes` bytes in all.
    init(capacity: Int, bytes: Int) {
        starts.reserveCapacity(capacity)
        rowsByHash.reserveCapacity(capacity)
        self.bytes.reserveCapacity(bytes)
    }

    var byteCount: Int { bytes.count }

    func user(at row: Int) -> DirectoryUser {
        var reader = Reader(bytes: bytes, offset: Int(starts[row]))
        let flags = reader.byte()
        return DirectoryUser(
            id: reader.text() ?? "", displayName: reader.text() ?? "", principalName: reader.text() ?? "",
            accountEnabled: Self.bool(flags & 3), onPremisesSyncEnabled: Self.bool(flags >> 2 & 3))
    }

    func id(at row: Int) -> String {
        var reader = Reader(bytes: bytes, offset: Int(starts[row]) + 1)
        return reader.text() ?? ""
    }

    /// The first row of `id` in this chunk; `hash` is the id's hash value (computed once for
    /// every chunk).
    func row(id: String, hash: Int) -> Int? {
        if let row = rowsByHash[hash], self.id(at: Int(row)) == id { return Int(row) }
        return collided.isEmpty ? nil : collided[id].map(Int.init)
    }

    mutating func append(_ user: DirectoryUser) {
        let row = Int32(starts.count)
        starts.append(UInt32(bytes.count))
        bytes.append(Self.flag(user.accountEnabled) | Self.flag(user.onPremisesSyncEnabled) << 2)
        for field in [user.id, user.displayName, user.principalName] {
            Field.write(field, to: &bytes)
        }
        let hash = user.id.hashValue
        if let first = rowsByHash[hash] {
            if id(at: Int(first)) != user.id, collided[user.id] == nil { collided[user.id] = row }
        } else {
            rowsByHash[hash] = row
        }
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

    /// Whether `other` holds the very same byte buffer (a copy not yet changed).
    func sharesBytes(with other: UserRowsChunk) -> Bool {
        bytes.withUnsafeBufferPointer { mine in
            other.bytes.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
        }
    }

    static func == (lhs: UserRowsChunk, rhs: UserRowsChunk) -> Bool {
        lhs.starts == rhs.starts && lhs.bytes == rhs.bytes
    }

    private static func flag(_ value: Bool?) -> UInt8 {
        value.map { $0 ? 2 : 1 } ?? 0
    }

    private static func bool(_ flag: UInt8) -> Bool? {
        flag == 0 ? nil : flag == 2
    }

    /// A field's length: one byte below 254, 254 then four bytes for longer text, 255 for nil.
    private enum Field {
        static let absent: UInt8 = 255
        static let long: UInt8 = 254

        static func write(_ text: String?, to bytes: inout [UInt8]) {
            guard let text else {
                bytes.append(absent)
                return
            }
            let count = text.utf8.count
            if count < Int(long) {
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
