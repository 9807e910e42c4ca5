import Synchronization

/// The chunks of rows one or more copies of a ``UserRows`` share. Rows are only ever appended,
/// so each copy reads the rows below its own count, and a copy that appends while it is the
/// longest one appends in place: a page arriving costs its own rows, never a copy of the list
/// (the state the console keeps before each event is such a copy). The lock keeps a reader on
/// another thread (the renderer) apart from an append.
final class UserRowsStorage: Sendable {
    private struct Rows {
        var chunks: [UserRowsChunk] = []
        var count = 0
    }

    private let rows = Mutex(Rows())

    init() {}

    func user(at position: Int) -> DirectoryUser {
        rows.withLock { $0.chunks[position / UserRows.rowsPerChunk].user(at: position % UserRows.rowsPerChunk) }
    }

    func id(at position: Int) -> String {
        rows.withLock { $0.chunks[position / UserRows.rowsPerChunk].id(at: position % UserRows.rowsPerChunk) }
    }

    /// The first row of `id` below `limit`.
    func firstIndex(id: String, below limit: Int) -> Int? {
        let key = UserRowKey(id)
        return rows.withLock { Self.firstIndex(of: key, in: $0, below: limit) }
    }

    /// Appends `users` after row `position`, those whose ids are listed already left out when
    /// `onlyNew` is set; nil (nothing appended) when the storage holds more rows than
    /// `position`: another copy appended them, so the caller needs a storage of its own.
    func append(_ users: some Sequence<DirectoryUser>, at position: Int, onlyNew: Bool) -> Int? {
        rows.withLock { rows in
            guard rows.count == position else { return nil }
            var added = 0
            for user in users {
                if onlyNew, Self.firstIndex(of: UserRowKey(user.id), in: rows, below: rows.count) != nil { continue }
                if rows.count % UserRows.rowsPerChunk == 0 {
                    if !rows.chunks.isEmpty { rows.chunks[rows.chunks.count - 1].compact() }
                    rows.chunks.append(UserRowsChunk(capacity: UserRows.rowsPerChunk, bytes: rows.chunks.last?.byteCount ?? 0))
                }
                rows.chunks[rows.chunks.count - 1].append(user)
                rows.count += 1
                added += 1
            }
            return added
        }
    }

    /// A storage of its own with the first `count` rows.
    func prefix(_ count: Int) -> UserRowsStorage {
        let copy = UserRowsStorage()
        _ = copy.append((0..<count).lazy.map { self.user(at: $0) }, at: 0, onlyNew: false)
        return copy
    }

    private static func firstIndex(of key: UserRowKey, in rows: Rows, below limit: Int) -> Int? {
        for (number, chunk) in rows.chunks.enumerated() {
            guard number * UserRows.rowsPerChunk < limit else { return nil }
            if let row = chunk.row(of: key) {
                let position = number * UserRows.rowsPerChunk + row
                return position < limit ? position : nil
            }
        }
        return nil
    }
}
