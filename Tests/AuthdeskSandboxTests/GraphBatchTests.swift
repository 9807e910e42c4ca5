import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Graph $batch")
struct GraphBatchTests {
    @Test func innerRequestsAreAnsweredWithDependenciesAndFailedDependencies() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let body = """
        {"requests":[
          {"id":"1","method":"GET","url":"/users/CameronW@contoso.com"},
          {"id":"2","method":"POST","url":"/users/CameronW@contoso.com/authentication/phoneMethods",
           "headers":{"Content-Type":"application/json"},"body":{"phoneNumber":"+1 2065555555","phoneType":"mobile"}},
          {"id":"3","method":"GET","url":"/users/CameronW@contoso.com/authentication/phoneMethods","dependsOn":["2"]},
          {"id":"4","method":"GET","url":"/users/nobody@contoso.com"},
          {"id":"5","method":"DELETE","url":"/users/CameronW@contoso.com/authentication/emailMethods/x","dependsOn":["4"]},
          {"id":"6","method":"POST","url":"/users/CameronW@contoso.com/authentication/emailMethods","body":{"emailAddress":"a@b.org"}}
        ]}
        """
        let answer = try await client.send("POST", client.url("/v1.0/$batch"), token: token, body: .json(body))
        #expect(answer.status == 200)
        let responses = try #require(answer.object["responses"] as? [[String: Any]])
        var byId: [String: [String: Any]] = [:]
        for response in responses {
            if let id = response["id"] as? String { byId[id] = response }
        }
        #expect(byId["1"]?["status"] as? Int == 200)
        #expect((byId["1"]?["body"] as? [String: Any])?["displayName"] as? String == "Cameron White")
        #expect(byId["2"]?["status"] as? Int == 201)
        #expect(byId["3"]?["status"] as? Int == 200)
        #expect(((byId["3"]?["body"] as? [String: Any])?["value"] as? [Any])?.count == 1)
        #expect(byId["4"]?["status"] as? Int == 404)
        #expect(byId["5"]?["status"] as? Int == 424)
        #expect(byId["6"]?["status"] as? Int == 400)
        await sandbox.stop()
    }

    @Test func moreThanTwentyRequestsAreRefusedAndInnerWritesAreThrottled() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, graphWriteBudget: 2))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let item = { (id: Int) in #"{"id":"\#(id)","method":"POST","url":"/users/CameronW@contoso.com/revokeSignInSessions"}"# }
        let tooMany = "{\"requests\":[\((1...21).map(item).joined(separator: ","))]}"
        #expect(try await client.send("POST", client.url("/v1.0/$batch"), token: token, body: .json(tooMany)).status == 400)
        let three = "{\"requests\":[\((1...3).map(item).joined(separator: ","))]}"
        let answer = try await client.send("POST", client.url("/v1.0/$batch"), token: token, body: .json(three))
        #expect(answer.status == 200)
        let responses = try #require(answer.object["responses"] as? [[String: Any]])
        let statuses = responses.compactMap { $0["status"] as? Int }.sorted()
        #expect(statuses == [200, 200, 429])
        let throttled = try #require(responses.first { $0["status"] as? Int == 429 })
        #expect((throttled["headers"] as? [String: Any])?["Retry-After"] as? String != nil)
        await sandbox.stop()
    }
}
