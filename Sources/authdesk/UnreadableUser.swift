import AuthdeskBulkReset

/// A user left out of a job because it could not be found or its methods could not be read,
/// with the service's failure (status, code, request id).
struct UnreadableUser: Sendable {
    var tenant: String
    /// The user as given.
    var user: String
    var failure: ServiceFailure
}
