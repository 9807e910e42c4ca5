import AuthdeskCore
import AuthdeskServices

/// A provider that answers at once from ``Screens``' users; enough for a session test.
struct StaticProvider: IdentityProvider {
    let tenant = Screens.contoso

    func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage {
        UserPage(users: Screens.users.filter { query.isEmpty || $0.displayName.hasPrefix(query) })
    }

    func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage {
        UserPage(users: [])
    }

    func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
        guard let user = Screens.users.first(where: { $0.id == idOrName }) else {
            throw ServiceError(kind: .notFound, status: 404, message: "no such user")
        }
        return user
    }

    func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] {
        userID == "u1" ? Screens.adeleMethods : []
    }
}
