import AuthdeskCore
import AuthdeskServices

/// An identity provider that answers only the pre-flight's questions: the operator given, and
/// each user's directory roles from a table (users not in it have none).
struct RolesDirectory: IdentityProvider {
    let tenant = TenantInfo(name: "contoso", provider: .graph, id: "tid", domain: "contoso.com")
    let operatorAnswer: OperatorProfile
    let roles: [String: [AdminRole]]

    func operatorProfile() async throws(ServiceError) -> OperatorProfile { operatorAnswer }

    func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts {
        TargetFacts(userID: userID, displayName: "Name \(userID)", adminRoles: roles[userID] ?? [], syncedFromOnPremises: false)
    }

    func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage { UserPage(users: []) }

    func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage { UserPage(users: []) }

    func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
        DirectoryUser(id: idOrName, displayName: "Name \(idOrName)", principalName: "\(idOrName)@example.com")
    }

    func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] { [] }
}
