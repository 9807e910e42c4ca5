/// An Auth0 user and the authentication methods enrolled for them.
struct Auth0User: Sendable {
    /// `auth0|65f2...`
    var userId: String
    var email: String
    var name: String
    var nickname: String
    var createdAt: String
    var lastLogin: String?
    /// Methods in Auth0's wire shape (`id`, `type`, `confirmed`, `created_at`, ...).
    var methods: [JSON]
}
