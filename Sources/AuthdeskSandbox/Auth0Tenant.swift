/// The Auth0 tenant of the sandbox: its M2M client and its users with their methods.
struct Auth0Tenant: Sendable {
    var clientId: String
    var clientSecret: String
    /// Users in their Management API shape (snake_case), in order.
    var users: [Auth0User]
    /// The subscription (`enterprise`, `self-service`, `free`): only Enterprise deletes sessions.
    var plan = "self-service"
}
