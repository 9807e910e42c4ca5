/// `GET /users/{id}/memberOf` and `/transitiveMemberOf` (and `/me/...`): the directory objects a
/// user is a member of. The sandbox has no groups, so they are the user's activated directory
/// roles, typed `#microsoft.graph.directoryRole`; the cast segment `/microsoft.graph.directoryRole`
/// gives the same list.
enum GraphMemberOf {
    static let roleCast = "microsoft.graph.directoryRole"

    static func list(_ context: GraphContext, target: GraphTarget, rest: [String], state: SandboxState) -> HTTPReply {
        guard rest.isEmpty || (rest.count == 1 && rest[0] == roleCast) else {
            return context.error(400, "BadRequest", "Resource not found for the segment '\(rest.first ?? "")'.")
        }
        let tenant = state.tenants[target.tenantIndex]
        let user = tenant.users[target.userIndex]
        let roles = user.role.map { [object($0, tenantId: tenant.id)] } ?? []
        let entitySet = rest.isEmpty ? "directoryObjects" : "directoryRoles"
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#\(entitySet)"),
            "value": .array(roles),
        ]))
    }

    /// The tenant's activated role object: its id is the tenant's own, its template id is global.
    static func object(_ role: DirectoryRole, tenantId: String) -> JSON {
        .obj([
            "@odata.type": .string("#microsoft.graph.directoryRole"),
            "id": .string(objectId(role, tenantId: tenantId)),
            "deletedDateTime": .null,
            "description": .string(role.description),
            "displayName": .string(role.displayName),
            "roleTemplateId": .string(role.templateId),
        ])
    }

    /// A GUID stable for the tenant and role (FNV-1a of both), unlike the template id.
    static func objectId(_ role: DirectoryRole, tenantId: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var hex = ""
        for round in 0..<2 {
            for byte in "\(round)|\(tenantId)|\(role.templateId)".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            hex += String(hash, radix: 16).leftPadded(to: 16)
        }
        let chars = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }
        return groups.joined(separator: "-")
    }
}
