import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows

/// Work the browser's state machine asks for; ``BrowserViewModel`` runs it and feeds the answer
/// back as a ``BrowserEvent`` tagged with the same generation.
public enum BrowserEffect: Sendable, Equatable {
    /// Search users, after the typing pause when `debounce` is set.
    case search(query: String, generation: Int, debounce: Bool)
    /// Fetch the page after the current results.
    case loadMoreUsers(cursor: PageCursor, generation: Int)
    /// Fetch a user's methods, once the selection has rested on them when `settle` is set.
    case loadMethods(userID: String, generation: Int, settle: Bool)
    /// Read a user's account for the details pane.
    case loadAccount(userID: String, generation: Int)
    /// Clear the flash message `id` after the flash duration.
    case expireFlash(id: Int)
    /// Send a confirmed dialog's write; the answer comes back tagged with the dialog's id.
    case send(ChangeRequest, dialogID: Int)
    /// Follow a password reset's operation until its final status.
    case followOperation(PasswordReset, operationID: Int)
    /// Open tenant `name` (signing in when needed) for the switch `generation` asked for.
    case openTenant(name: String, generation: Int)
    /// Tick the spinner of a running operation once, after the spinner interval.
    case tickOperation(operationID: Int)
    /// Run the pre-flight of dialog `dialogID`'s change; the verdict comes back tagged with it.
    case preflight(PreflightAction, userID: String, dialogID: Int)
    /// Open the bulk "reset all MFA" screen for these users.
    case openBulkReset([Marks.Entry])
    /// Open the journal's job list (`:jobs`).
    case openJobs
    /// Read the audit journal for the journal screen.
    case loadJournal
    /// Write these entries as CSV and JSON into the state directory.
    case exportJournal([AuditEntry])
    /// Write this ticket reference with every change from now on.
    case setTicket(String?)
    /// Read who is signed in to tenant `tenant` and what they may do (`:whoami`).
    case loadWhoami(tenant: String)
    /// A job changed in the shared journal: the bulk screen's `:jobs` reads the jobs again.
    case jobsChanged
    /// Read every user lease in force again (another operator took or released one).
    case readLeases
    /// Plan the undo of journal entry `id` (the journal screen's `u`): then ask, or say why not.
    case planUndo(Int64)
    /// Undo journal entry `id` (confirmed), journalled with how the caller was verified.
    case undoEntry(Int64, verification: CallerVerification?)
    /// Show the requests dialog `dialogID`'s change would send (recorded, not sent).
    case previewRequests(ChangeRequest, dialogID: Int)
}
