import Foundation
import Testing
@testable import AuthdeskSandbox

/// `GET /sandbox/requests`: requests counted by method, sign-ins apart, the endpoint itself left out.
struct SandboxRequestCountsTests {
    @Test func requestsAreCountedByMethodAndSignInsApart() throws {
        var stats = SandboxStats()
        for (method, path) in [("GET", "/v1.0/users"), ("POST", "/v1.0/users/u/authentication/phoneMethods"),
                               ("POST", "/tenant/oauth2/v2.0/token"), ("DELETE", "/api/v2/users/u/authentication-methods/m")] {
            SandboxRequestCounts.count(IncomingRequest(method: method, path: path, query: nil, headers: [:], body: Data()), in: &stats)
        }
        #expect(stats.byMethod == ["GET": 1, "POST": 1, "DELETE": 1])
        #expect(stats.signIns == 1 && stats.writes == 2)
        let body = try #require(String(data: SandboxRequestCounts.reply(stats).body, encoding: .utf8))
        #expect(body.contains("\"writes\"") && body.contains("\"signIns\""))
    }
}
