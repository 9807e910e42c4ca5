import AuthdeskServices
import AuthdeskWorkflows
import Synchronization
import Testing

/// Following a password reset until it ends, as the console and `password reset` both do.
@Suite(.timeLimit(.minutes(1))) struct PasswordResetFollowerTests {
    @Test func aResetIsFollowedToSucceededWithEachStatusReported() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let lines = Mutex<[String]>([])
        let result = try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            try await workflow.resetPassword(of: "CameronW@contoso.com", to: nil) { line in lines.withLock { $0.append(line) } }
        }
        #expect(result.status == "succeeded")
        #expect(result.failure == nil)
        #expect(result.newPassword?.isEmpty == false)
        #expect(result.operation?.contains("/operations/") == true)
        let said = lines.withLock { $0 }
        #expect(said.first == "authdesk: the password reset of CameronW@contoso.com was accepted; waiting for it")
        #expect(said.last == "authdesk: password reset succeeded (ResetSuccess)")
        #expect(said.count >= 3)
    }

    @Test func withoutWaitingOnlyTheOperationIsGiven() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let result = try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            try await workflow.resetPassword(of: "CameronW@contoso.com", to: nil, wait: false) { _ in }
        }
        #expect(result.status == "accepted")
        #expect(result.operation != nil)
    }

    @Test func anAuth0ResetIsDoneAtOnce() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let result = try await ChangeWorkflow.run(harness.options(profiles: ["acme"]), report: { _ in }) { workflow in
            let user = try #require(try await UserSearch.first(1, matching: "", in: workflow.provider).first)
            return try await workflow.resetPassword(of: user.id, to: "Correct-Horse-7-battery", wait: true) { _ in }
        }
        #expect(result.status == "succeeded")
        #expect(result.operation == nil)
    }
}
