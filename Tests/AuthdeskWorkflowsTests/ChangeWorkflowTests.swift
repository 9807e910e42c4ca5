import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
import Synchronization
import Testing

/// One change to one user through the workflow both front ends use, against the embedded
/// sandbox: found, checked by the pre-flight, sent through the audited provider, journalled.
@Suite(.timeLimit(.minutes(1))) struct ChangeWorkflowTests {
    @Test func aPhoneIsAddedAndJournalledWithTheTicketAndTheOperator() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let events = Mutex<[ChangeEvent]>([])
        let (user, outcome) = try await ChangeWorkflow.run(harness.options(), report: { event in events.withLock { $0.append(event) } }) {
            workflow in
            let number = try InputCheck.phoneNumber("+1 2065550100")
            return try await workflow.change("CameronW@contoso.com") {
                .addPhone(userID: $0.id, number: number.description, type: .mobile)
            }
        }
        guard case .added(.phone(let phone)) = outcome else {
            Issue.record("expected the added phone, got \(outcome)")
            return
        }
        #expect(phone.phoneType == .mobile)
        #expect(phone.phoneNumber == "+1 2065550100")
        #expect(events.withLock { $0 }.isEmpty)
        let entries = try await JournalStore.open(environment: harness.environment).audit(since: nil, tenant: nil, ticket: nil)
        let entry = try #require(entries.last)
        #expect(entries.count == 1)
        #expect(entry.userID == user.id)
        #expect(entry.tenant == "contoso")
        #expect(entry.operatorName == "helpdesk@contoso.com")
        #expect(entry.outcome == .succeeded)
        #expect(entry.requestID != nil)
    }

    @Test func thePreflightRefusesAnAdministratorAndNothingIsSent() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            let before = try await workflow.provider.methods(of: try await workflow.user("priya.raman@contoso.com").id)
            do {
                _ = try await workflow.change("priya.raman@contoso.com") { .revokeSessions(userID: $0.id) }
                Issue.record("the pre-flight let a change to an administrator through")
            } catch let error as ServiceError {
                #expect(error.kind == .forbidden)
                #expect(error.code == ChangeWorkflow.preflightRefusedCode)
                #expect(error.message.contains("Nothing was sent"))
                #expect(ExitStatus.of(error) == .refused)
            }
            let target = try await workflow.user("priya.raman@contoso.com")
            #expect(try await workflow.provider.methods(of: target.id) == before)
        }
        let entries = try await JournalStore.open(environment: harness.environment).audit(since: nil, tenant: nil, ticket: nil)
        #expect(entries.isEmpty)
    }

    @Test func forcedTheChangeIsSentAndTheServiceRefusesIt() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let events = Mutex<[ChangeEvent]>([])
        let refusal = await #expect(throws: ServiceError.self) {
            try await ChangeWorkflow.run(harness.options(), force: true, report: { event in events.withLock { $0.append(event) } }) {
                workflow in
                _ = try await workflow.deleteMethod(of: "priya.raman@contoso.com", id: "3179e48a-750b-4051-897c-87b9720928f7")
            }
        }
        // The 403 names what would allow it, from the table whoami reads.
        #expect(refusal?.message.contains("'methods delete' needs Microsoft Graph: the permission UserAuthenticationMethod.ReadWrite.All") == true)
        #expect(refusal.map { ExitStatus.message(for: $0, arguments: ["methods", "delete"]) }?.components(separatedBy: "whoami").count == 2)
        let said = events.withLock { $0 }
        #expect(said.contains { if case .forced = $0 { true } else { false } })
    }

    @Test func anUnknownMethodIdListsTheUsersIds() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            do {
                _ = try await workflow.deleteMethod(of: "avery.howard@contoso.com", id: "no-such-id")
                Issue.record("an unknown id was deleted")
            } catch let error as UsageError {
                #expect(error.description.contains("has no method with the id no-such-id; nothing was changed"))
                #expect(error.description.contains("3179e48a-750b-4051-897c-87b9720928f7"))
            }
        }
    }

    @Test func aReadOnlySessionIsRefusedBeforeTheWorkflowStarts() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        await #expect(throws: ServiceError.self) {
            try await ChangeWorkflow.run(harness.options(readOnly: true), report: { _ in }) { _ in
                Issue.record("the workflow ran on a read-only tenant")
            }
        }
    }
}
