import AuthdeskCore
import Foundation

/// The pre-flight's reads on Graph: `GET /me` and `/me/transitiveMemberOf` for the operator
/// (an application token gets 400 on `/me`: its roles are not readable this way), and the
/// target's `onPremisesSyncEnabled` and `/users/{id}/transitiveMemberOf` directory roles.
extension GraphProvider {
    /// Pages of a member-of list read at most.
    static let maxMemberPages = 20

    public func operatorProfile() async throws(ServiceError) -> OperatorProfile {
        let me: JSONValue
        do throws(ServiceError) {
            me = try await client.getJSON(try graphURL(["me"], query: [("$select", "id,userPrincipalName,displayName")]))
        } catch where error.status == 400 {
            return .application
        }
        guard let id = me["id"]?.string, !id.isEmpty else {
            throw ServiceError(kind: .invalidResponse, message: "Graph answered /me without an id")
        }
        let name = me["userPrincipalName"]?.string ?? me["displayName"]?.string ?? id
        let roles = try await directoryRoles(["me", "transitiveMemberOf"])
        return OperatorProfile(signIn: .user(principalName: name, id: id), roles: roles)
    }

    public func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts {
        let key = try GraphProvider.userKey(userID)
        let json = try await client.getJSON(try graphURL(["users", key], query: [
            ("$select", "id,displayName,userPrincipalName,onPremisesSyncEnabled"),
        ]))
        guard let id = json["id"]?.string, !id.isEmpty else {
            throw ServiceError(kind: .invalidResponse, message: "Graph answered a user without an id")
        }
        let roles: [AdminRole]?
        do throws(ServiceError) {
            roles = try await directoryRoles(["users", id, "transitiveMemberOf"])
        } catch where error.status == 403 {
            roles = nil
        }
        return TargetFacts(
            userID: id, displayName: json["displayName"]?.string ?? json["userPrincipalName"]?.string ?? id,
            adminRoles: roles, syncedFromOnPremises: json["onPremisesSyncEnabled"]?.bool ?? false)
    }

    /// The `#microsoft.graph.directoryRole` objects of a member-of list, all pages read.
    func directoryRoles(_ segments: [String]) async throws(ServiceError) -> [AdminRole] {
        var roles: [AdminRole] = []
        var next: URL? = try graphURL(segments)
        var pages = 0
        while let current = next, pages < Self.maxMemberPages {
            pages += 1
            let json = try await client.getJSON(current)
            guard let (items, link) = GraphDecoder.list(json) else {
                throw ServiceError(kind: .invalidResponse, message: "Graph answered a member-of list without a value array")
            }
            for role in Self.directoryRoles(in: items) where !roles.contains(role) { roles.append(role) }
            next = link.flatMap(URL.init(string:)).flatMap { endpoints.isGraphURL($0) ? $0 : nil }
        }
        return roles
    }

    /// The `#microsoft.graph.directoryRole` objects among one page of a member-of list.
    static func directoryRoles(in items: [JSONValue]) -> [AdminRole] {
        var roles: [AdminRole] = []
        for item in items where item["@odata.type"]?.string == "#microsoft.graph.directoryRole" {
            guard let template = item["roleTemplateId"]?.string, !template.isEmpty else { continue }
            let role = AdminRole(templateID: template, reportedName: item["displayName"]?.string)
            if !roles.contains(role) { roles.append(role) }
        }
        return roles
    }
}
