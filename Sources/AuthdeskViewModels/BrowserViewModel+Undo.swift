import AuthdeskAudit
import AuthdeskCore
import AuthdeskWorkflows

extension BrowserViewModel {
    /// `u` on journal entry `id`: plans its undo through the same workflow as `authdesk undo`
    /// (refused at once with the reason when it cannot be done, or was done already), then asks
    /// it, with the caller's verification when the entry's tenant requires it.
    func planUndo(_ id: Int64) {
        guard let auditor, let journal = auditor.journal else {
            send(.undoAnswered(auditor?.problem ?? "Changes are not audited in this session", isError: true))
            return
        }
        let tenants = directory.tenants
        spawn(.journal) { [self] in
            do {
                let undo = try await UndoWorkflow.plan(id, in: journal)
                send(.undoPlanned(entryID: id, question: undo.question, verifies: undo.requiresVerification(among: tenants)))
            } catch {
                send(.undoAnswered("Undo of entry \(id) refused: \(ExitStatus.message(for: error))", isError: true))
            }
        }
    }

    /// Undoes journal entry `id` in its own tenant (confirmed), journalled as the undo of that
    /// entry with how the caller was verified.
    func runUndo(_ id: Int64, verification: CallerVerification?) {
        guard let auditor, let journal = auditor.journal else {
            send(.undoAnswered(auditor?.problem ?? "Changes are not audited in this session", isError: true))
            return
        }
        let directory = directory
        spawn(.journal) { [self] in
            do {
                let undo = try await UndoWorkflow.plan(id, in: journal)
                try undo.requireVerification(verification, among: directory.tenants)
                let provider = Self.audited(try await directory.provider(for: undo.entry.tenant), by: auditor)
                let (user, _) = try await ChangeAuditor.$verifying.withValue(verification) {
                    try await undo.run(ChangeWorkflow(provider: provider, auditor: auditor, lease: changeLease))
                }
                send(.undoAnswered("Entry \(id) undone for \(user.displayName): \(undo.description)", isError: false))
            } catch {
                send(.undoAnswered("Undo of entry \(id) refused: \(ExitStatus.message(for: error))", isError: true))
            }
            reportAuditFailures()
        }
    }
}
