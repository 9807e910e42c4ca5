import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Auth0 blocks")
struct Auth0UserBlocksTests {
    static let marta = "auth0%7C65f2b7c8d9e0f1a2b3c4d5e6"

    @Test func bruteForceBlocksAreReadByIdOrIdentifierAndLifted() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await Auth0EndpointsTests().token(client)
        let base = client.info.auth0.baseURL
        let byID = try await client.send("GET", try #require(URL(string: "\(base)/user-blocks/\(Self.marta)")), token: token)
        #expect(byID.status == 200)
        let blocks = byID.object["blocked_for"] as? [[String: Any]] ?? []
        #expect(blocks.first?["identifier"] as? String == "marta.nowak@example.com")
        #expect(blocks.first?["ip"] as? String == "203.0.113.45")
        let byIdentifier = try await client.send(
            "GET", try #require(URL(string: "\(base)/user-blocks?identifier=marta.nowak%40example.com")), token: token)
        #expect((byIdentifier.object["blocked_for"] as? [[String: Any]])?.count == 1)
        let noIdentifier = try await client.send("GET", try #require(URL(string: "\(base)/user-blocks")), token: token)
        #expect(noIdentifier.status == 400)
        let lifted = try await client.send("DELETE", try #require(URL(string: "\(base)/user-blocks/\(Self.marta)")), token: token)
        #expect(lifted.status == 204)
        let after = try await client.send("GET", try #require(URL(string: "\(base)/user-blocks/\(Self.marta)")), token: token)
        #expect((after.object["blocked_for"] as? [[String: Any]])?.isEmpty == true)
        let unknown = try await client.send("GET", try #require(URL(string: "\(base)/user-blocks/auth0%7Cnobody")), token: token)
        #expect(unknown.status == 404)
        await sandbox.stop()
    }

    @Test func blockedIsPatchedAndShownOnTheUser() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await Auth0EndpointsTests().token(client)
        let url = try #require(URL(string: "\(client.info.auth0.baseURL)/users/\(Self.marta)"))
        #expect(try await client.send("GET", url, token: token).object["blocked"] == nil)
        let blocked = try await client.send("PATCH", url, token: token, body: .json(#"{"blocked":true}"#))
        #expect(blocked.status == 200)
        #expect(blocked.object["blocked"] as? Bool == true)
        #expect(try await client.send("PATCH", url, token: token, body: .json(#"{"blocked":"yes"}"#)).status == 400)
        await sandbox.stop()
    }
}
