/// Where a provider gets its bearer token: cached, and renewed before it expires.
public protocol TokenProvider: Sendable {
    /// A token valid for at least a few minutes more.
    func token() async throws(ServiceError) -> AccessToken
    /// Forgets the cached token (after the service refused it with 401), so the next
    /// ``token()`` signs in or refreshes again.
    func invalidate() async
}
