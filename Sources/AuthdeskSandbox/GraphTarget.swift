/// The user a Graph request is about: the key as the URL gave it and where the user is.
struct GraphTarget {
    /// The id or UPN as it appeared in the URL (for `@odata.context`).
    var key: String
    var tenantIndex: Int
    var userIndex: Int
}
