import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal
import AuthdeskWorkflows
import Foundation
import Testing

/// Undo of the account changes against the embedded sandbox: a block, an unblock and a per-user
/// MFA change keep the state they replaced, and the undo puts exactly that back, once; an entry
/// without it (journalled before it was kept) is refused with the reason.
@Suite(.timeLimit(.minutes(1))) struct AccountUndoTests {
    static let cameron = "CameronW@contoso.com"

    /// Blocks (`enabled` false) or unblocks `user` in the sandbox of `options`, then undoes that
    /// entry in the same sandbox; answers the entry, its undo and whether the user can sign in.
    private func changeAndUndo(
        _ user: String, enabled: Bool, options: WorkspaceOptions, journal: any JournalStorage
    ) async throws -> (entry: AuditEntry, undo: UndoWorkflow, enabledAfter: Bool?) {
        try await ChangeWorkflow.run(options, report: { _ in }) { workflow in
            _ = try await workflow.setAccountEnabled(of: user, enabled: enabled)
            let entry = try #require(try await journal.audit().last)
            let undo = try await UndoWorkflow.plan(try #require(entry.id), in: journal)
            let (target, _) = try await undo.run(workflow)
            return (entry, undo, try await workflow.provider.accountDetails(of: target.id).accountEnabled)
        }
    }

    @Test func aBlockKeepsTheStateBeforeAndIsUndoneOnce() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let journal = try await JournalStore.open(environment: harness.environment)
        let (blocked, undo, enabled) = try await changeAndUndo(Self.cameron, enabled: false, options: harness.options(), journal: journal)
        #expect(blocked.action == "block sign-in" && blocked.detail == "before: sign-in enabled")
        #expect(AccountStateBefore(blocked) == .signIn(enabled: true))
        #expect(undo.request == .setAccountEnabled(userID: blocked.userID, enabled: true))
        #expect(enabled == true)
        let undone = try #require(try await journal.audit().last)
        #expect(undone.undoOf == blocked.id && undone.action == "unblock sign-in")
        #expect(undone.detail == "before: sign-in blocked")
        await #expect(throws: UsageError.self) { try await UndoWorkflow.plan(try #require(blocked.id), in: journal) }
        #expect(try await journal.verifyChain().isIntact)
    }

    @Test func anAuth0BlockIsUndone() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let journal = try await JournalStore.open(environment: harness.environment)
        let (blocked, _, enabled) = try await changeAndUndo(
            "auth0|65f2b7c8d9e0f1a2b3c4d5e6", enabled: false, options: harness.options(profiles: ["acme"]), journal: journal)
        #expect(blocked.detail == "before: sign-in enabled")
        #expect(enabled == true)
        #expect(try await journal.audit().last?.detail == "before: sign-in blocked")
    }

    @Test func anUnblockOfAnEnabledUserChangedNothingToUndo() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            _ = try await workflow.setAccountEnabled(of: Self.cameron, enabled: true)
        }
        let journal = try await JournalStore.open(environment: harness.environment)
        let unblocked = try #require(try await journal.audit().last)
        #expect(unblocked.detail == "before: sign-in enabled")
        do {
            _ = try await UndoWorkflow.plan(try #require(unblocked.id), in: journal)
            Issue.record("an unblock of an enabled user was offered for undo")
        } catch let error as UsageError {
            #expect(error.description.contains("already enabled"))
        }
    }

    @Test func thePerUserMfaStateGoesBackToTheOneBefore() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let journal = try await JournalStore.open(environment: harness.environment)
        try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            let id = try await workflow.user(Self.cameron).id
            let before = try await workflow.provider.perUserMfaState(of: id)
            let other: PerUserMfaState = before == .disabled ? .enforced : .disabled
            _ = try await workflow.setPerUserMfaState(of: Self.cameron, to: other)
            #expect(try await workflow.provider.perUserMfaState(of: id) != before)
            let changed = try #require(try await journal.audit().last)
            #expect(changed.detail == "before: per-user MFA \(before.rawValue)")
            let undo = try await UndoWorkflow.plan(try #require(changed.id), in: journal)
            #expect(undo.request == .setPerUserMfaState(userID: changed.userID, before))
            #expect(undo.description == "set the per-user MFA state back to \(before.rawValue)")
            _ = try await undo.run(workflow)
            #expect(try await workflow.provider.perUserMfaState(of: id) == before)
        }
    }

    @Test func anEntryWithoutTheStateBeforeIsRefusedWithTheReason() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let journal = try await JournalStore.open(environment: harness.environment)
        for action in ["block sign-in", "set per-user MFA"] {
            let legacy = try await journal.appendAudit(AuditEntry(
                at: Date(), operatorName: "op", tenant: "contoso", userID: "u-1", action: action,
                target: action == "block sign-in" ? nil : "enforced", outcome: .succeeded))
            do {
                _ = try await UndoWorkflow.plan(try #require(legacy.id), in: journal)
                Issue.record("\(action) without the state before was offered for undo")
            } catch let error as UsageError {
                #expect(error.description.contains("has no record of"))
                #expect(error.description.contains("before it"))
            }
        }
    }
}
