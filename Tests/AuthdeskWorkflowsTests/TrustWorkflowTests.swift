import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
import Testing

/// Dry runs, evidence and undo through the workflow both front ends use, against the embedded
/// sandbox: a dry run sends nothing and journals nothing; a change keeps the user's methods
/// before and after; an undo re-creates a deleted phone once, and refuses what cannot come back.
@Suite(.timeLimit(.minutes(1))) struct TrustWorkflowTests {
    static let cameron = "CameronW@contoso.com"

    @Test func aDryRunRecordsTheRequestAndChangesNothing() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let requests = try await ChangeWorkflow.dryRun(harness.options(), report: { _ in }) { workflow in
            _ = try await workflow.addPhone(to: Self.cameron, type: .office, number: try InputCheck.phoneNumber("+1 4255550100"))
        }
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.url.hasSuffix("/authentication/phoneMethods"))
        #expect(request.body?.contains("\"phoneNumber\":\"+1 4255550100\"") == true)
        let methods = try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            try await workflow.provider.methods(of: try await workflow.user(Self.cameron).id)
        }
        #expect(!methods.contains { $0.summary == "+1 4255550100" })
        #expect(try await JournalStore.open(environment: harness.environment).audit().isEmpty)
    }

    @Test func aDryRunMasksThePassword() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let password = "Correct-Horse-9-Battery"
        let requests = try await ChangeWorkflow.dryRun(harness.options(), report: { _ in }) { workflow in
            _ = try await workflow.resetPassword(of: Self.cameron, to: password, wait: false, progress: { _ in })
        }
        #expect(requests.count == 1)
        #expect(requests.allSatisfy { !($0.body ?? "").contains(password) && $0.body?.contains("[REDACTED]") == true })
    }

    @Test func aDeletedPhoneIsJournalledWithEvidenceAndUndoneOnce() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let mobile = PhoneType.mobile.methodID
        try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            _ = try await workflow.addPhone(to: Self.cameron, type: .mobile, number: try InputCheck.phoneNumber("+1 2065550123"))
            _ = try await workflow.deleteMethod(of: Self.cameron, id: mobile)
        }
        let journal = try await JournalStore.open(environment: harness.environment)
        let deleted = try #require(try await journal.audit().last)
        #expect(deleted.action == "delete method")
        #expect(deleted.before?.contains { $0.id == mobile && $0.value == "+1 2065550123" } == true)
        #expect(deleted.after?.contains { $0.id == mobile } == false)
        #expect(deleted.sentRequests.map(\.method) == ["DELETE"])
        #expect(deleted.sentRequests.first?.requestID == deleted.requestID)
        #expect(EntraActivity.name(of: deleted) == "Admin deleted security info")

        let undo = try await UndoWorkflow.plan(try #require(deleted.id), in: journal)
        #expect(undo.request == .addPhone(userID: deleted.userID, number: "+1 2065550123", type: .mobile))
        let methods = try await ChangeWorkflow.run(undo.options(harness.options()), report: { _ in }) { workflow in
            let (user, _) = try await undo.run(workflow)
            return try await workflow.provider.methods(of: user.id)
        }
        #expect(methods.contains { $0.id == mobile && $0.summary == "+1 2065550123" })
        let undone = try #require(try await journal.audit().last)
        #expect(undone.undoOf == deleted.id && undone.action == "add phone")
        await #expect(throws: UsageError.self) { try await UndoWorkflow.plan(try #require(deleted.id), in: journal) }
        #expect(try await journal.verifyChain().isIntact)
    }

    @Test func aDeletedSecurityKeyCannotBeUndone() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            let user = try await workflow.user("zoe.lindqvist@contoso.com")
            let fido = try #require(try await workflow.provider.methods(of: user.id).first { $0.kind == .fido2 })
            _ = try await workflow.deleteMethod(of: user.principalName, id: fido.id)
        }
        let journal = try await JournalStore.open(environment: harness.environment)
        let deleted = try #require(try await journal.audit().last)
        do {
            _ = try await UndoWorkflow.plan(try #require(deleted.id), in: journal)
            Issue.record("a FIDO2 key was planned to come back")
        } catch let error as UsageError {
            #expect(error.description.contains("registers the key again"))
            #expect(ExitStatus.of(error) == .badInput)
        }
    }
}
