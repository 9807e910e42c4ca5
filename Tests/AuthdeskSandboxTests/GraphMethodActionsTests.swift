import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Graph method actions")
struct GraphMethodActionsTests {
    func start() async throws -> (Sandbox, TestClient) {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(50)))
        return (sandbox, TestClient(sandbox))
    }

    @Test func hardwareOathCanBeDeactivatedOnBeta() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let base = "/beta/users/zoe.lindqvist@contoso.com/authentication/hardwareOathMethods"
        let id = try #require(try await client.get(base, token: token).values.first?["id"] as? String)
        #expect(try await client.send("POST", client.url("\(base)/\(id)/deactivate"), token: token).status == 204)
        let device = try await client.get("\(base)/\(id)", token: token).object["device"] as? [String: Any]
        #expect(device?["status"] as? String == "assigned")
        let noCode = try await client.send("POST", client.url("\(base)/\(id)/activate"), token: token, body: .json("{}"))
        #expect(noCode.status == 400)
        #expect(try await client.send("POST", client.url("\(base)/\(id)/activate"), token: token, body: .json(#"{"verificationCode":"123456"}"#)).status == 204)
        let active = try await client.get("\(base)/\(id)", token: token).object["device"] as? [String: Any]
        #expect(active?["status"] as? String == "activated")
        let assign = "/beta/users/CameronW@contoso.com/authentication/hardwareOathMethods/assignAndActivate"
        let taken = try await client.send("POST", client.url(assign), token: token,
                                          body: .json(#"{"device":{"serialNumber":"TOTP123456"},"verificationCode":"123456"}"#))
        #expect(taken.status == 400)
        let assigned = try await client.send("POST", client.url(assign), token: token,
                                             body: .json(#"{"device":{"serialNumber":"TOTP999999"},"verificationCode":"654321","displayName":"Desk token"}"#))
        #expect(assigned.status == 201)
        #expect((assigned.object["device"] as? [String: Any])?["status"] as? String == "activated")
        let v1 = try await client.send("POST", client.url(assign.replacingOccurrences(of: "/beta/", with: "/v1.0/")), token: token,
                                       body: .json(#"{"device":{"serialNumber":"TOTP888888"},"verificationCode":"654321"}"#))
        #expect(v1.status == 400)
        await sandbox.stop()
    }
}
