import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices

/// Undoes one journal entry (`authdesk undo`, the console's `u`): re-reads the entry, plans the
/// change that re-creates what it removed (``UndoPlanner``), refuses an entry already undone,
/// and sends the change in the entry's tenant, journalled as the undo of that entry.
public struct UndoWorkflow: Sendable {
    public var entry: AuditEntry
    public var request: ChangeRequest
    /// What the undo does, for the confirmation: `add the mobile phone +1 2065555555 again`.
    public var description: String

    /// Plans the undo of entry `id` in `journal`; a refusal (exit 2) says why it cannot be done.
    public static func plan(_ id: Int64, in journal: any JournalStorage) async throws -> UndoWorkflow {
        guard let entry = try await journal.auditEntry(id) else {
            throw UsageError("the journal has no entry \(id); `authdesk journal` lists the entries with their numbers")
        }
        if let undo = try await journal.undoEntry(of: id) {
            throw UsageError("entry \(id) was already undone by entry \(undo.id ?? 0); it cannot be undone twice")
        }
        let (request, description) = try UndoPlanner.plan(entry)
        return UndoWorkflow(entry: entry, request: request, description: description)
    }

    /// `Undo entry 12 (delete method, Mobile phone ...) for CameronW@contoso.com in contoso: add ... again`.
    public var question: String {
        "Undo entry \(entry.id ?? 0) (\(entry.action)\(entry.target.map { ", \($0)" } ?? "")) for "
            + "\(entry.userName ?? entry.userID) in \(entry.tenant): \(description)"
    }

    /// `options` opening the entry's tenant.
    public func options(_ options: WorkspaceOptions) -> WorkspaceOptions {
        var options = options
        options.profiles = [entry.tenant]
        return options
    }

    /// Sends the undo through `workflow` (the entry's tenant), journalled as the undo of the
    /// entry; checks once more, just before sending, that no one undid it meanwhile.
    public func run(_ workflow: ChangeWorkflow) async throws -> (user: DirectoryUser, outcome: ChangeOutcome) {
        let id = entry.id ?? 0
        if let journal = workflow.auditor?.journal, let undo = try await journal.undoEntry(of: id) {
            throw UsageError("entry \(id) was already undone by entry \(undo.id ?? 0); it cannot be undone twice")
        }
        let request = request
        return try await ChangeAuditor.$undoing.withValue(id) {
            try await workflow.change(entry.userID) { _ in request }
        }
    }
}

extension UndoWorkflow {
    /// Whether the entry's tenant (among `tenants`) requires caller verification for the undo.
    public func requiresVerification(among tenants: [TenantInfo]) -> Bool {
        tenants.first { $0.name == entry.tenant }?.requiresCallerVerification == true
    }

    /// Refuses, before anything is sent, an undo without `verification` in a tenant that
    /// requires it.
    public func requireVerification(_ verification: CallerVerification?, among tenants: [TenantInfo]) throws(UsageError) {
        guard verification == nil, requiresVerification(among: tenants) else { return }
        throw UsageError(
            "the profile \(entry.tenant) requires caller verification (require_caller_verification = true): "
                + "say how the caller was verified; nothing was sent")
    }
}
