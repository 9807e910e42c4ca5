import AuthdeskCore

/// The users of the list, packed: each user's fields one after another in byte buffers, with an
/// index from id to row. 100,000 users cost a few dozen buffers instead of six strings each
/// (the console held 93.8 MB with them as `[DirectoryUser]`); a row becomes a ``DirectoryUser``
/// only when asked for: the rows drawn, the one selected.
///
/// The rows live in chunks of ``rowsPerChunk``, each with its own buffers and index. A copy of
/// the list (the state kept before each event, to see whether it changed) shares every chunk,
/// so appending a page to one of the copies copies the last chunk at most, never the whole list.
public struct UserRows: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Rows a chunk holds before the next one starts: appending copies at most this many rows'
    /// bytes, and finding an id looks in each chunk's index (13 for 100,000 users).
    static let rowsPerChunk = 8192

    private var chunks: [UserRowsChunk] = []
    public private(set) var endIndex = 0

    public init() {}

    /// The users in order, duplicates included (``firstIndex(id:)`` finds the first).
    public init(_ users: some Sequence<DirectoryUser>) {
        for user in users { append(user) }
    }

    public init(arrayLiteral users: DirectoryUser...) {
        self.init(users)
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> DirectoryUser {
        precondition(position >= 0 && position < endIndex, "row \(position) is not in the list of \(endIndex)")
        return chunks[position / Self.rowsPerChunk].user(at: position % Self.rowsPerChunk)
    }

    /// The id of the user at `position`, without decoding the rest of the row.
    public func id(at position: Int) -> String {
        precondition(position >= 0 && position < endIndex, "row \(position) is not in the list of \(endIndex)")
        return chunks[position / Self.rowsPerChunk].id(at: position % Self.rowsPerChunk)
    }

    /// The first row of the user with `id`, found by its hash in each chunk's index (not by
    /// reading every row).
    public func firstIndex(id: String) -> Int? {
        let hash = id.hashValue
        for (number, chunk) in chunks.enumerated() {
            if let row = chunk.row(id: id, hash: hash) { return number * Self.rowsPerChunk + row }
        }
        return nil
    }

    public func contains(id: String) -> Bool {
        firstIndex(id: id) != nil
    }

    /// The user with `id`, if listed.
    public func user(id: String) -> DirectoryUser? {
        firstIndex(id: id).map { self[$0] }
    }

    /// Appends `user`, even when its id is listed already. Only the last chunk changes (a new
    /// one starts when it is full), so a copy sharing the others costs them nothing.
    public mutating func append(_ user: DirectoryUser) {
        if endIndex % Self.rowsPerChunk == 0 {
            if !chunks.isEmpty { chunks[chunks.count - 1].compact() }
            chunks.append(UserRowsChunk(capacity: Self.rowsPerChunk, bytes: chunks.last?.byteCount ?? 0))
        }
        chunks[chunks.count - 1].append(user)
        endIndex += 1
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

    /// How many of this list's chunks share their bytes with `other`'s chunk at the same place
    /// (not copied): what appending to a copy left shared.
    func chunksShared(with other: UserRows) -> Int {
        zip(chunks, other.chunks).filter { $0.sharesBytes(with: $1) }.count
    }

    public static func == (lhs: UserRows, rhs: UserRows) -> Bool {
        lhs.endIndex == rhs.endIndex && lhs.chunks == rhs.chunks
    }
}
