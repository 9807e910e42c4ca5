import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import AuthdeskSandbox

@Suite("Sandbox lifecycle and info")
struct SandboxTests {
    @Test func infoEncodesToTheFirstLineShape() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let info = sandbox.info
        #expect(info.port > 0)
        #expect(info.authority == "http://127.0.0.1:\(info.port)")
        #expect(info.graph == "http://127.0.0.1:\(info.port)/v1.0")
        #expect(info.graphBeta == "http://127.0.0.1:\(info.port)/beta")
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(info)) as? [String: Any])
        #expect(Set(object.keys) == ["authority", "graph", "graphBeta", "tenants", "auth0"])
        let tenants = try #require(object["tenants"] as? [[String: Any]])
        #expect(tenants.compactMap { $0["name"] as? String } == ["contoso", "fabrikam"])
        #expect(tenants.allSatisfy { Set($0.keys) == ["name", "id", "domain", "clientId", "clientSecret", "operator"] })
        #expect(tenants.first?["operator"] as? String == "helpdesk@contoso.com")
        let auth0 = try #require(object["auth0"] as? [String: Any])
        #expect(Set(auth0.keys) == ["domain", "baseURL", "tokenURL", "clientId", "clientSecret"])
        #expect(auth0["tokenURL"] as? String == "http://127.0.0.1:\(info.port)/oauth/token")
        #expect(auth0["baseURL"] as? String == "http://127.0.0.1:\(info.port)/api/v2")
        await sandbox.stop()
    }

    @Test func twoSandboxesGetDifferentPortsAndStopClosesThePort() async throws {
        let first = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let second = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        #expect(first.info.port != second.info.port)
        let url = try #require(URL(string: first.info.graph + "/users"))
        let (_, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 401)
        await first.stop()
        await #expect(throws: (any Error).self) {
            _ = try await URLSession.shared.data(from: url)
        }
        await second.stop()
    }

    @Test func aTakenPortIsReportedAsAStartError() async throws {
        let first = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        await #expect(throws: SandboxError.self) {
            let clash = try await Sandbox.start(SandboxOptions(port: first.info.port, usersPerTenant: 0))
            await clash.stop()
        }
        await #expect(throws: SandboxError.self) {
            _ = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, faultRate: 2))
        }
        await first.stop()
    }

    @Test func concurrentMixedTrafficIsCountedExactly() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 50))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let before = sandbox.stats().total
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<120 {
                group.addTask {
                    switch index % 4 {
                    case 0: return try await client.get("/v1.0/users", token: token, query: ["$top": "5"]).status
                    case 1: return try await client.get("/v1.0/users/CameronW@contoso.com/authentication/methods", token: token).status
                    case 2: return try await client.send("POST", client.url("/v1.0/users/zoe.lindqvist@contoso.com/authentication/temporaryAccessPassMethods"),
                                                         token: token, body: .json(#"{"lifetimeInMinutes":30}"#)).status
                    default: return try await client.get("/v1.0/users/nobody@contoso.com", token: token).status
                    }
                }
            }
            return try await group.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(statuses[200] == 60)
        #expect(statuses[201] == 30)
        #expect(statuses[404] == 30)
        let stats = sandbox.stats()
        #expect(stats.total - before == 120)
        let passes = try await client.get("/v1.0/users/zoe.lindqvist@contoso.com/authentication/temporaryAccessPassMethods", token: token)
        #expect(passes.values.count == 1)
        await sandbox.stop()
    }
}
