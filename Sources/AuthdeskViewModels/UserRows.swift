import AuthdeskCore

/// The users of the list, packed: each user's fields one after another in one byte buffer, with
/// an index from id to row. 100,000 users cost a few large buffers instead of six strings each
/// (the console held 93.8 MB with them as `[DirectoryUser]`); a row becomes a ``DirectoryUser``
/// only when asked for: the rows drawn, the one selected.
public struct UserRows: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Each row: a flags byte (account enabled, synced), then id, display name, principal name,
    /// mail, job title and department, each a length (``Field``) and its UTF-8 bytes.
    private var bytes: [UInt8] = []
    /// Where each row starts in ``bytes``.
    private var starts: [UInt32] = []
    /// The first row of each id, by the id's hash; ids whose hash another id took are in
    /// ``collided``.
    private var rowsByHash: [Int: Int32] = [:]
    private var collided: [String: Int32] = [:]

    public init() {}

    /// The users in order, duplicates included (``firstIndex(id:)`` finds the first).
    public init(_ users: some Sequence<DirectoryUser>) {
        for user in users { append(user) }
    }

    public init(arrayLiteral users: DirectoryUser...) {
        self.init(users)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    public subscript(position: Int) -> DirectoryUser {
        var reader = Reader(bytes: bytes, offset: Int(starts[position]))
        let flags = reader.byte()
        return DirectoryUser(
            id: reader.text() ?? "", displayName: reader.text() ?? "", principalName: reader.text() ?? "",
            mail: reader.text(), jobTitle: reader.text(), department: reader.text(),
            accountEnabled: Self.bool(flags & 3), onPremisesSyncEnabled: Self.bool(flags >> 2 & 3))
    }

    /// The id of the user at `position`, without decoding the rest of the row.
    public func id(at position: Int) -> String {
        var reader = Reader(bytes: bytes, offset: Int(starts[position]) + 1)
        return reader.text() ?? ""
    }

    /// The first row of the user with `id`, found by its hash (not by reading every row).
    public func firstIndex(id: String) -> Int? {
        if let row = rowsByHash[id.hashValue], self.id(at: Int(row)) == id { return Int(row) }
        return collided[id].map(Int.init)
    }

    public func contains(id: String) -> Bool {
        firstIndex(id: id) != nil
    }

    /// The user with `id`, if listed.
    public func user(id: String) -> DirectoryUser? {
        firstIndex(id: id).map { self[$0] }
    }

    /// Appends `user`, even when its id is listed already.
    public mutating func append(_ user: DirectoryUser) {
        let row = Int32(starts.count)
        starts.append(UInt32(bytes.count))
        bytes.append(Self.flag(user.accountEnabled) | Self.flag(user.onPremisesSyncEnabled) << 2)
        for field in [user.id, user.displayName, user.principalName] as [String?] + [user.mail, user.jobTitle, user.department] {
            Field.write(field, to: &bytes)
        }
        let hash = user.id.hashValue
        if let first = rowsByHash[hash] {
            if id(at: Int(first)) != user.id, collided[user.id] == nil { collided[user.id] = row }
        } else {
            rowsByHash[hash] = row
        }
    }

    /// Appends the users whose ids are not listed yet, in order; returns how many were.
    @discardableResult
    public mutating func appendNew(_ users: some Sequence<DirectoryUser>) -> Int {
        var added = 0
        for user in users where !contains(id: user.id) {
            append(user)
            added += 1
        }
        return added
    }

    public static func == (lhs: UserRows, rhs: UserRows) -> Bool {
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
