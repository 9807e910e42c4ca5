/// One page of a user search, with the opaque cursor of the next page when there is one.
public struct UserPage: Sendable, Hashable {
    public var users: [DirectoryUser]
    /// Where the next page is (Graph's `@odata.nextLink`, Auth0's page number); nil on the last.
    public var next: PageCursor?

    public init(users: [DirectoryUser], next: PageCursor? = nil) {
        self.users = users
        self.next = next
    }
}

/// An opaque position in a paged listing; only the provider that made it reads it.
public struct PageCursor: Sendable, Hashable {
    public var value: String

    public init(_ value: String) {
        self.value = value
    }
}
