import AuthdeskAudit
import AuthdeskWorkflows

extension BrowserViewModel {
    /// Undoes journal entry `id` in its own tenant, through the same workflow as `authdesk undo`:
    /// planned from the entry's evidence, refused with the reason when it cannot be done or was
    /// done already, journalled as the undo of that entry.
    func runUndo(_ id: Int64) {
        guard let auditor, let journal = auditor.journal else {
            send(.undoAnswered(auditor?.problem ?? "Changes are not audited in this session", isError: true))
            return
        }
        let directory = directory
        spawn(.journal) { [self] in
            do {
                let undo = try await UndoWorkflow.plan(id, in: journal)
                let provider = Self.audited(try await directory.provider(for: undo.entry.tenant), by: auditor)
                let (user, _) = try await undo.run(ChangeWorkflow(provider: provider, auditor: auditor))
                send(.undoAnswered("Entry \(id) undone for \(user.displayName): \(undo.description)", isError: false))
            } catch {
                send(.undoAnswered("Undo of entry \(id) refused: \(ExitStatus.message(for: error))", isError: true))
            }
            reportAuditFailures()
        }
    }
}
