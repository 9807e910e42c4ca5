import Foundation
import Testing
@testable import AuthdeskSandbox

/// Graph tells a client nearing its budget how near: `x-ms-throttle-limit-percentage` from 80 %
/// used, on single requests and on a batch (the highest of its inner requests).
@Suite struct GraphThrottleHeaderTests {
    static func sandbox(readBudget: Int, clock: ManualDate) async throws -> Sandbox {
        var options = SandboxOptions(usersPerTenant: 0, graphReadBudget: readBudget)
        options.now = { clock.now }
        return try await Sandbox.start(options)
    }

    @Test func theShareUsedIsSentFromEightyPercent() async throws {
        let clock = ManualDate()
        let sandbox = try await Self.sandbox(readBudget: 10, clock: clock)
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        var shares: [String?] = []
        for _ in 0..<5 {  // a list costs 2 of the 10 units
            shares.append(try await client.get("/v1.0/users", token: token).header("x-ms-throttle-limit-percentage"))
        }
        #expect(shares == [nil, nil, nil, "0.80", "1.00"])
        clock.advance(by: 10)  // the bucket is full again
        #expect(try await client.get("/v1.0/users", token: token).header("x-ms-throttle-limit-percentage") == nil)
        await sandbox.stop()
    }

    @Test func aBatchCarriesTheHighestShareOfItsRequests() async throws {
        let clock = ManualDate()
        let sandbox = try await Self.sandbox(readBudget: 10, clock: clock)
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let item = { (id: Int) in #"{"id":"\#(id)","method":"GET","url":"/users"}"# }
        let four = "{\"requests\":[\((1...4).map(item).joined(separator: ","))]}"
        let answer = try await client.send("POST", client.url("/v1.0/$batch"), token: token, body: .json(four))
        #expect(answer.status == 200)
        #expect(answer.header("x-ms-throttle-limit-percentage") == "0.80")
        clock.advance(by: 10)
        let one = "{\"requests\":[\(item(1))]}"
        let quiet = try await client.send("POST", client.url("/v1.0/$batch"), token: token, body: .json(one))
        #expect(quiet.header("x-ms-throttle-limit-percentage") == nil)
        await sandbox.stop()
    }
}
