import AuthdeskCore

/// What the console, the command line and the bulk engine ask of an identity service.
///
/// One implementation per service (Graph, Auth0), each speaking HTTP through ``HTTPTransport``;
/// nothing above this protocol knows which service, or whether it is the sandbox.
public protocol IdentityProvider: Sendable {
    /// The tenant this provider is signed in to.
    var tenant: TenantInfo { get }

    /// The first page of users whose name, principal name or e-mail starts with `query`
    /// (an empty query lists everyone).
    func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage

    /// The page a previous answer's cursor points at.
    func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage

    /// One user, by object id or principal name (Graph), user id or e-mail (Auth0).
    func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser

    /// All of a user's authentication methods, of every type, unknown types included.
    func methods(of userID: String) async throws(ServiceError) -> [AuthMethod]
}
