/// Users in order, packed: each user's fields one after another in byte buffers (Graph's GUID
/// ids as 16 bytes, each principal name's domain once), with an index from id to row. 100,000
/// users cost a few megabytes instead of six strings each (the console held 93.8 MB with them as
/// `[DirectoryUser]`); a row becomes a ``DirectoryUser`` only when asked for: the rows drawn, the
/// one selected, the user a change names.
///
/// Copies share their rows (``UserRowsStorage``): appending to the longest copy appends in
/// place, so keeping the state from before each event costs nothing; appending to a shorter one
/// copies its rows first.
public struct UserRows: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Rows a chunk holds before the next one starts: finding an id looks in each chunk's index
    /// (13 for 100,000 users).
    static let rowsPerChunk = 8192

    private var storage = UserRowsStorage()
    public private(set) var endIndex = 0

    public init() {}

    /// The users in order, duplicates included (``firstIndex(id:)`` finds the first).
    public init(_ users: some Sequence<DirectoryUser>) {
        endIndex = storage.append(users, at: 0, onlyNew: false) ?? 0
    }

    public init(arrayLiteral users: DirectoryUser...) {
        self.init(users)
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> DirectoryUser {
        precondition(position >= 0 && position < endIndex, "row \(position) is not in the list of \(endIndex)")
        return storage.user(at: position)
    }

    /// The id of the user at `position`, without decoding the rest of the row.
    public func id(at position: Int) -> String {
        precondition(position >= 0 && position < endIndex, "row \(position) is not in the list of \(endIndex)")
        return storage.id(at: position)
    }

    /// The first row of the user with `id`, found by its hash in each chunk's index (not by
    /// reading every row).
    public func firstIndex(id: String) -> Int? {
        storage.firstIndex(id: id, below: endIndex)
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
        endIndex += appending([user], onlyNew: false)
    }

    /// Appends the users whose ids are not listed yet, in order; returns how many were.
    @discardableResult
    public mutating func appendNew(_ users: some Sequence<DirectoryUser>) -> Int {
        let added = appending(users, onlyNew: true)
        endIndex += added
        return added
    }

    private mutating func appending(_ users: some Sequence<DirectoryUser>, onlyNew: Bool) -> Int {
        if let added = storage.append(users, at: endIndex, onlyNew: onlyNew) { return added }
        storage = storage.prefix(endIndex)
        return storage.append(users, at: endIndex, onlyNew: onlyNew) ?? 0
    }

    /// Whether this list reads its rows from the same storage as `other` (appending to one
    /// did not copy the other's rows).
    func sharesRows(with other: UserRows) -> Bool {
        storage === other.storage
    }

    public static func == (lhs: UserRows, rhs: UserRows) -> Bool {
        guard lhs.endIndex == rhs.endIndex else { return false }
        return lhs.storage === rhs.storage || lhs.elementsEqual(rhs)
    }
}
