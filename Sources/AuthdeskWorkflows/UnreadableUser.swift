import AuthdeskBulkReset

/// A user left out of a job because it could not be found or its methods could not be read,
/// with the service's failure (status, code, request id).
public struct UnreadableUser: Sendable {
    public var tenant: String
    /// The user as given.
    public var user: String
    public var failure: ServiceFailure
}
