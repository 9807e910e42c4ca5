import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskTeamJournal
import AuthdeskWorkflows

/// Everything that can change the browser's state: the operator's keys and the services' answers.
public enum BrowserEvent: Sendable, Equatable {
    /// The browser opened: list everyone.
    case start
    case key(Key)
    case action(KeyAction)
    /// The console laid the panes out with this many visible rows per list.
    case viewport(usersRows: Int, methodsRows: Int)
    case searchAnswered(generation: Int, Result<UserPage, ServiceError>)
    case moreUsersAnswered(generation: Int, Result<UserPage, ServiceError>)
    case methodsAnswered(generation: Int, userID: String, Result<[AuthMethod], ServiceError>)
    case accountAnswered(generation: Int, userID: String, Result<AccountDetails, ServiceError>)
    case flashExpired(id: Int)
    /// The service answered dialog `dialogID`'s request; `at` is the view model's clock.
    case dialogAnswered(dialogID: Int, Result<ChangeOutcome, ServiceError>, at: Duration)
    /// A followed operation reported a status.
    case operationUpdated(operationID: Int, LongRunningOperation, at: Duration)
    /// Following an operation ended without a final status (nil: the stream just ended).
    case operationLost(operationID: Int, ServiceError?, at: Duration)
    /// The tenant switch `generation` asked for opened the tenant, or could not.
    case tenantOpened(generation: Int, Result<TenantOpening, ServiceError>)
    /// A sign-in needs the operator (a device-code prompt): shown until the next message.
    case signInNotice(String)
    /// The spinner interval passed while an operation runs.
    case operationTicked(operationID: Int, at: Duration)
    /// The pre-flight of dialog `dialogID` answered.
    case preflightAnswered(dialogID: Int, PreflightVerdict)
    /// The operator's sign-in and roles were read (once per session).
    case operatorAnswered(OperatorProfile)
    /// The bulk screen closed; `done` are the users it reset completely (their marks go).
    case bulkClosed(done: [Marks.Key])
    /// The journal's entries, oldest first.
    case journalLoaded([AuditEntry])
    case journalFailed(String)
    /// The audit log's hash chain was checked (`journal verify`'s first line) when the journal was read.
    case journalChecked(String, intact: Bool)
    /// The export's files.
    case journalExported([String])
    case journalExportFailed(String)
    /// A change was made but its audit entry could not be written.
    case journalProblem(String)
    /// `:whoami`'s lines for the current tenant (or why they could not be read).
    case whoamiAnswered([String])
    /// Another operator did something in the shared journal (team mode's live activity).
    case activityArrived(TeamActivityEvent)
    /// Every user lease in force was read (when the list loads, and after a lease event).
    case leasesRead([UserLease])
    /// An undo from the journal screen was done (or refused): what to say.
    case undoAnswered(String, isError: Bool)
    /// The undo of entry `entryID` can be done: ask `question` (and the caller's verification).
    case undoPlanned(entryID: Int64, question: String, verifies: Bool)
    /// The requests dialog `dialogID`'s change would send, or why they could not be built.
    case requestsPreviewed(dialogID: Int, Result<[PlannedRequest], ServiceError>)
}
