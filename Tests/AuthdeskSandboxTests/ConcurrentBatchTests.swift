import Foundation
import Testing
@testable import AuthdeskSandbox

/// `$batch` answers put their inner answers' values in without writing and reading them again,
/// and are made outside the store's lock: each inner answer must still be the single request's
/// answer, whatever else runs at the same time.
@Suite("Graph $batch under concurrency")
struct ConcurrentBatchTests {
    func userIDs(_ client: TestClient, token: String, count: Int) async throws -> [String] {
        let page = try await client.get("/v1.0/users", token: token, query: ["$top": String(count), "$select": "id"])
        return page.values.compactMap { $0["id"] as? String }
    }

    func batch(_ client: TestClient, token: String, _ requests: [(id: String, method: String, url: String)]) async throws -> [String: [String: Any]] {
        let items = requests.map { #"{"id":"\#($0.id)","method":"\#($0.method)","url":"\#($0.url)"}"# }
        let answer = try await client.send("POST", client.url("/v1.0/$batch"), token: token,
                                           body: .json("{\"requests\":[\(items.joined(separator: ","))]}"))
        #expect(answer.status == 200)
        var byId: [String: [String: Any]] = [:]
        for response in answer.object["responses"] as? [[String: Any]] ?? [] {
            if let id = response["id"] as? String { byId[id] = response }
        }
        return byId
    }

    @Test func innerAnswersAreTheSingleRequestsAnswers() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 12))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let ids = try await userIDs(client, token: token, count: 10)
        #expect(ids.count == 10)
        let urls = ids.flatMap { id in
            ["/users/\(id)?$select=id,displayName,onPremisesSyncEnabled", "/users/\(id)/authentication/methods"]
        }
        let answers = try await batch(client, token: token, urls.enumerated().map { ("\($0.offset)", "GET", $0.element) })
        #expect(answers.count == urls.count)
        for (index, url) in urls.enumerated() {
            let single = try await client.get("/v1.0" + url, token: token)
            let inner = try #require(answers["\(index)"])
            #expect(inner["status"] as? Int == single.status)
            let body = try #require(inner["body"] as? [String: Any])
            let canonical = { (object: Any) in try JSONSerialization.data(withJSONObject: object, options: .sortedKeys) }
            #expect(try canonical(body) == canonical(single.object), "\(url)")
        }
        await sandbox.stop()
    }

    @Test func concurrentBatchesOverTwoTenantsEachGetTheirOwnAnswers() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 40))
        let client = TestClient(sandbox)
        let tokens = ["contoso": try await client.appToken("contoso"), "fabrikam": try await client.appToken("fabrikam")]
        var users: [String: [String]] = [:]
        for (name, token) in tokens { users[name] = try await userIDs(client, token: token, count: 40) }
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for round in 0..<8 {
                let name = round % 2 == 0 ? "contoso" : "fabrikam"
                let token = try #require(tokens[name])
                let ids = Array((users[name] ?? []).dropFirst(round / 2 * 10).prefix(10))
                group.addTask {
                    let requests = ids.enumerated().flatMap { index, id in
                        [("u\(index)", "GET", "/users/\(id)?$select=id"), ("m\(index)", "GET", "/users/\(id)/authentication/methods")]
                    }
                    let answers = try await batch(client, token: token, requests)
                    var wrong = 0
                    for (index, id) in ids.enumerated() {
                        let user = answers["u\(index)"]?["body"] as? [String: Any]
                        let methods = answers["m\(index)"]?["body"] as? [String: Any]
                        if user?["id"] as? String != id || answers["u\(index)"]?["status"] as? Int != 200 { wrong += 1 }
                        if !((methods?["@odata.context"] as? String)?.contains("users('\(id)')") ?? false) { wrong += 1 }
                    }
                    return wrong + (answers.count == requests.count ? 0 : 1)
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        await sandbox.stop()
    }

    /// Three writes of one user, in one batch.
    static func revocations(_ user: String) -> [(id: String, method: String, url: String)] {
        (1...3).map { ("\($0)", "POST", "/users/\(user)/revokeSignInSessions") }
    }

    @Test func oneTenantsWritesNeitherSpendNorCountInAnother() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, graphWriteBudget: 3))
        let client = TestClient(sandbox)
        let contoso = try await client.appToken("contoso")
        let fabrikam = try await client.appToken("fabrikam")
        let statuses = try await withThrowingTaskGroup(of: (String, [Int]).self) { group in
            for _ in 0..<4 {
                group.addTask {
                    ("contoso", try await batch(client, token: contoso, Self.revocations("CameronW@contoso.com")).values.compactMap { $0["status"] as? Int })
                }
            }
            group.addTask {
                ("fabrikam", try await batch(client, token: fabrikam, Self.revocations("kenji.tanaka@fabrikam.com")).values.compactMap { $0["status"] as? Int })
            }
            var all: [String: [Int]] = [:]
            for try await (name, found) in group { all[name, default: []] += found }
            return all
        }
        #expect(statuses["contoso"]?.sorted() == [200, 200, 200] + Array(repeating: 429, count: 9))
        #expect(statuses["fabrikam"]?.sorted() == [200, 200, 200])
        #expect(sandbox.stats().writesByTenant == ["contoso": 3, "fabrikam": 3])
        let counts = try await client.get("/sandbox/requests", token: nil)
        #expect(counts.object["writesByTenant"] as? [String: Int] == ["contoso": 3, "fabrikam": 3])
        await sandbox.stop()
    }
}
