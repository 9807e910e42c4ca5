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
    var updatedAt: String?
    var lastPasswordReset: String?
    /// Brute-force protection blocks (`/user-blocks`), in Auth0's `blocked_for` shape.
    var blockedFor: [JSON] = []
    /// Set by `PATCH /users/{id}` `blocked`; nil until then (the field is absent).
    var blocked: Bool?

    /// The user as the Management API returns it.
    var wire: JSON {
        let localId = userId.split(separator: "|", maxSplits: 1).last.map(String.init) ?? userId
        var body = JSON.obj([
            "created_at": .string(createdAt),
            "email": .string(email),
            "email_verified": .bool(true),
            "identities": .array([.obj([
                "connection": .string("Username-Password-Authentication"),
                "provider": .string("auth0"),
                "user_id": .string(localId),
                "isSocial": .bool(false),
            ])]),
            "name": .string(name),
            "nickname": .string(nickname),
            "picture": .string("https://s.gravatar.com/avatar/\(SplitMix64.fnv1a(email))?s=480&r=pg&d=identicon"),
            "updated_at": .string(updatedAt ?? createdAt),
            "user_id": .string(userId),
        ])
        let factors = methods.compactMap { $0["type"]?.stringValue }.compactMap { type -> String? in
            switch type {
            case "push": "guardian"
            case "totp": "google-authenticator"
            case "phone": "sms"
            default: nil
            }
        }
        if !factors.isEmpty { body.set("multifactor", .array(Array(Set(factors)).sorted().map { .string($0) })) }
        if let lastLogin {
            body.set("last_login", .string(lastLogin))
            body.set("logins_count", .int(Int(SplitMix64.fnv1a(userId) % 200) + 1))
        }
        if let blocked { body.set("blocked", .bool(blocked)) }
        if let lastPasswordReset { body.set("last_password_reset", .string(lastPasswordReset)) }
        return body
    }
}
