import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import AuthdeskSandbox

@Suite("Faults and latency")
struct SandboxRouterTests {
    @Test func everyRequestIsFaultedAtRateOne() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, faultRate: 1))
        let client = TestClient(sandbox)
        var seen: Set<String> = []
        for _ in 0..<40 {
            do {
                let answer = try await client.get("/v1.0/users", token: "whatever")
                if answer.status == 429 {
                    #expect(answer.header("Retry-After") != nil)
                    seen.insert("429")
                } else if answer.status == 503 {
                    seen.insert("503")
                } else if answer.status == 200 {
                    #expect((try? JSONSerialization.jsonObject(with: answer.body)) == nil)
                    seen.insert("malformed")
                } else {
                    Issue.record("unexpected status \(answer.status)")
                }
            } catch {
                seen.insert("dropped")
            }
        }
        #expect(seen == ["429", "503", "malformed", "dropped"])
        let stats = sandbox.stats()
        // The client may retry a dropped GET on its own, so the sandbox can see more than 40.
        #expect(stats.faultsInjected >= 40)
        #expect(stats.faultsInjected == stats.total)
        #expect(stats.count(401) == 0)
        await sandbox.stop()
    }

    @Test func latencyIsAddedToEveryAnswerAndCanChange() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, latencyMs: 300))
        let client = TestClient(sandbox)
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            _ = try await client.get("/v1.0/users", token: nil)
        }
        #expect(elapsed >= .milliseconds(300))
        sandbox.setLatency(milliseconds: 600)
        let longer = try await clock.measure {
            _ = try await client.get("/v1.0/users", token: nil)
        }
        #expect(longer >= .milliseconds(600))
        await sandbox.stop()
    }

    @Test func faultsCanBeSwitchedOnAndOff() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        #expect(try await client.get("/v1.0/users", token: nil).status == 401)
        sandbox.setFaultRate(1)
        let faulted = try? await client.get("/v1.0/users", token: nil)
        #expect(faulted?.status != 401)
        sandbox.setFaultRate(0)
        #expect(try await client.get("/v1.0/users", token: nil).status == 401)
        #expect(sandbox.stats().faultsInjected >= 1)
        await sandbox.stop()
    }

    @Test func injectedFaultsTakeTheShapeOfTheSurfaceCalled() {
        let now = Date()
        let auth0 = SandboxRouter.faultReply(429, surface: "auth0", requestId: "r", now: now)
        #expect(auth0.jsonBody?["statusCode"]?.intValue == 429)
        #expect(auth0.header("x-ratelimit-reset") != nil)
        let entra = SandboxRouter.faultReply(503, surface: "entra", requestId: "r", now: now)
        #expect(entra.jsonBody?["error"]?.stringValue == "temporarily_unavailable")
        let graph = SandboxRouter.faultReply(429, surface: "graph", requestId: "r", now: now)
        #expect(graph.jsonBody?["error"]?["code"]?.stringValue == "TooManyRequests")
        #expect(graph.header("Retry-After") == "1.5")
    }
}
