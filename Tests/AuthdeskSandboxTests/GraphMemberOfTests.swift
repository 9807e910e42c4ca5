import Foundation
import Testing
@testable import AuthdeskSandbox

/// `memberOf` and `transitiveMemberOf`: the directory roles of the operator (`/me`) and of any
/// user, in Graph's shape, and the role rule for writes that follows Entra's table.
@Suite("Graph memberOf")
struct GraphMemberOfTests {
    func start() async throws -> (Sandbox, TestClient) {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(50)))
        return (sandbox, TestClient(sandbox))
    }

    @Test func theOperatorIsAnAuthenticationAdministrator() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.operatorToken()
        let me = try await client.get("/v1.0/me/transitiveMemberOf", token: token)
        let direct = try await client.get("/v1.0/me/memberOf", token: token)
        let cast = try await client.get("/v1.0/me/memberOf/microsoft.graph.directoryRole", token: token)
        await sandbox.stop()
        #expect(me.status == 200)
        #expect((me.object["@odata.context"] as? String)?.hasSuffix("/v1.0/$metadata#directoryObjects") == true)
        let role = try #require(me.values.first)
        #expect(me.values.count == 1)
        #expect(role["@odata.type"] as? String == "#microsoft.graph.directoryRole")
        #expect(role["roleTemplateId"] as? String == "c4e39bd9-1100-46d3-8c65-fb160da0071f")
        #expect(role["displayName"] as? String == "Authentication Administrator")
        #expect((role["id"] as? String)?.count == 36)
        #expect(role["id"] as? String != role["roleTemplateId"] as? String)
        #expect(role.keys.contains("deletedDateTime"))
        #expect(direct.values.first?["id"] as? String == role["id"] as? String)
        #expect((cast.object["@odata.context"] as? String)?.hasSuffix("#directoryRoles") == true)
        #expect(cast.values.count == 1)
    }

    @Test func aUsersRolesAndAUserWithoutAny() async throws {
        let (sandbox, client) = try await start()
        let app = try await client.appToken()
        let priya = try await client.get("/v1.0/users/priya.raman@contoso.com/transitiveMemberOf", token: app)
        let cameron = try await client.get("/v1.0/users/CameronW%40contoso.com/memberOf", token: app)
        let me = try await client.get("/v1.0/me/memberOf", token: app)
        let bad = try await client.get("/v1.0/users/priya.raman@contoso.com/memberOf/microsoft.graph.group/x", token: app)
        await sandbox.stop()
        #expect(priya.values.map { $0["roleTemplateId"] as? String } == ["62e90394-69f5-4237-9190-012177145e10"])
        #expect(priya.values.first?["displayName"] as? String == "Global Administrator")
        #expect(cameron.status == 200)
        #expect(cameron.values.isEmpty)
        #expect(me.status == 400)
        #expect(bad.status == 400)
    }

    @Test func roleObjectIdsDifferByTenantAndStayTheSame() {
        let contoso = GraphMemberOf.objectId(.globalAdministrator, tenantId: "a")
        #expect(contoso == GraphMemberOf.objectId(.globalAdministrator, tenantId: "a"))
        #expect(contoso != GraphMemberOf.objectId(.globalAdministrator, tenantId: "b"))
        #expect(contoso != GraphMemberOf.objectId(.authenticationAdministrator, tenantId: "a"))
    }

    @Test func theRoleTableForMethods() {
        let aa = DirectoryRole.authenticationAdministrator
        #expect(aa.mayManageMethods(of: nil))
        #expect(aa.mayManageMethods(of: .authenticationAdministrator))
        #expect(!aa.mayManageMethods(of: .globalAdministrator))
        #expect(!aa.mayManageMethods(of: .helpdeskAdministrator))
        #expect(DirectoryRole.privilegedAuthenticationAdministrator.mayManageMethods(of: .globalAdministrator))
        #expect(!DirectoryRole.helpdeskAdministrator.mayManageMethods(of: nil))
    }
}
