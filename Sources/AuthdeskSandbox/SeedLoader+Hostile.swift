extension SeedLoader {
    /// Adds the hostile users of `hostile-users.json` after every other user (so no count or
    /// generated user moves): Entra users by tenant name, and Auth0 users.
    static func addHostileUsers(to tenants: inout [TenantRecord], auth0: inout Auth0Tenant) throws {
        let doc = try document("hostile-users.json")
        for index in tenants.indices {
            let name = tenants[index].identity.name
            tenants[index].users += try (doc["entra"]?[name]?.arrayValue ?? []).map(namedUser)
            tenants[index].reindex()
        }
        auth0.users += try (doc["auth0"]?.arrayValue ?? []).map(auth0User)
    }
}
