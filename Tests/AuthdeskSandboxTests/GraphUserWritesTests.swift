import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Graph user writes")
struct GraphUserWritesTests {
    func start() async throws -> (Sandbox, TestClient) {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(50)))
        return (sandbox, TestClient(sandbox))
    }

    @Test func revokingSessionsAnswersTrue() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let answer = try await client.send("POST", client.url("/v1.0/users/CameronW@contoso.com/revokeSignInSessions"), token: token)
        #expect(answer.status == 200)
        #expect(answer.object["value"] as? Bool == true)
        await sandbox.stop()
    }

    @Test func signInPreferencesChangeTheDefaultOnBetaOnly() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let path = "/beta/users/avery.howard@contoso.com/authentication/signInPreferences"
        let patch = { (json: String) in try await client.send("PATCH", client.url(path), token: token, body: .json(json)) }
        #expect(try await patch(#"{"userPreferredMethodForSecondaryAuthentication":"push"}"#).status == 400)
        #expect(try await patch(#"{"userPreferredMethodForSecondaryAuthentication":"voiceOffice"}"#).status == 204)
        let read = try await client.get(path, token: token)
        #expect(read.object["userPreferredMethodForSecondaryAuthentication"] as? String == "voiceOffice")
        let v1 = try await client.get("/v1.0/users/avery.howard@contoso.com/authentication/signInPreferences", token: token)
        #expect(v1.status == 400)
        // Now the mobile is not the default any more and can go first.
        #expect(try await client.send("DELETE", client.url("/v1.0/users/avery.howard@contoso.com/authentication/phoneMethods/\(GraphWritesTests.mobile)"), token: token).status == 204)
        await sandbox.stop()
    }

    @Test func passwordResetNeedsASignedInOperator() async throws {
        let (sandbox, client) = try await start()
        let path = "/v1.0/users/CameronW@contoso.com/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword"
        let app = try await client.appToken()
        let byApp = try await client.send("POST", client.url(path), token: app)
        #expect(byApp.status == 403)
        let token = try await client.operatorToken()
        let own = try await client.send("POST", client.url("/v1.0/me/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword"), token: token)
        #expect(own.status == 403)
        let admin = try await client.send("POST", client.url("/v1.0/users/priya.raman@contoso.com/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword"), token: token)
        #expect(admin.status == 403)
        let weak = try await client.send("POST", client.url(path), token: token, body: .json(#"{"newPassword":"short"}"#))
        #expect(weak.status == 400)

        let reset = try await client.send("POST", client.url(path), token: token)
        #expect(reset.status == 202)
        let password = try #require(reset.object["newPassword"] as? String)
        #expect(password.count >= 8)
        let location = try #require(reset.header("Location"))
        #expect(location.contains("/authentication/operations/"))
        #expect(reset.header("Retry-After") != nil)
        var statuses: [String] = []
        for _ in 0..<20 {
            let operation = try await client.send("GET", try #require(URL(string: location)), token: token)
            #expect(operation.status == 200)
            let status = try #require(operation.object["status"] as? String)
            if statuses.last != status { statuses.append(status) }
            if status == "succeeded" || status == "failed" {
                #expect(operation.object["statusDetail"] as? String == "ResetSuccess")
                break
            }
            let wait = Double(operation.header("Retry-After") ?? "1") ?? 1
            try await Task.sleep(for: .seconds(wait / 2))
        }
        #expect(statuses.last == "succeeded")
        #expect(statuses.allSatisfy { ["notStarted", "running", "succeeded"].contains($0) })
        await sandbox.stop()
    }

    @Test func resetOfASyncedUserWithoutWritebackFails() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.operatorToken()
        let path = "/v1.0/users/soren.kjaergaard@contoso.com/authentication/passwordMethods/28c10230-6103-485e-b985-444c60001490/resetPassword"
        let generated = try await client.send("POST", client.url(path), token: token)
        #expect(generated.status == 400)
        let reset = try await client.send("POST", client.url(path), token: token, body: .json(#"{"newPassword":"29sdjfw#fajsdA_a_3an3223"}"#))
        #expect(reset.status == 202)
        #expect(reset.body.isEmpty)
        let operationId = try #require(reset.header("Location")?.split(separator: "/").last?.split(separator: "?").first.map(String.init))
        let record = try #require(sandbox.withState { $0.operations[operationId] })
        var onTime = record
        #expect(onTime.read(at: record.createdAt).status == "notStarted")
        #expect(onTime.read(at: record.createdAt.addingTimeInterval(0.2)).status == "notStarted")
        #expect(onTime.read(at: record.createdAt.addingTimeInterval(1)).status == "running")
        #expect(onTime.read(at: record.createdAt.addingTimeInterval(5)).status == "failed")
        var late = record
        let afterTheEnd = record.createdAt.addingTimeInterval(5)
        #expect(late.read(at: afterTheEnd).status == "notStarted", "a read moves the operation on by one status at most")
        #expect(late.read(at: afterTheEnd).status == "running")
        #expect(late.read(at: afterTheEnd).status == "failed")
        await sandbox.stop()
    }
}
