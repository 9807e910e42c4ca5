import AuthdeskBulkReset
import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskTeamJournal

/// The exit statuses INTERFACES.md promises, and the one place that says which failure maps to
/// which, with the message the operator reads: both front ends report failures through it.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case someFailed = 1
    case badInput = 2
    case signInFailed = 3
    case refused = 4
    /// Team mode's four eyes: the bulk job was created awaiting another operator's approval, and
    /// nothing was sent (`jobs approve ID`, then `jobs resume ID`).
    case awaitingApproval = 5
    /// Stopped by SIGINT or SIGTERM (128 + 2, as shells report Ctrl-C).
    case interrupted = 130

    /// The status of a failure the workflows know, or nil for an error that is not theirs (the
    /// argument parser's own, which the command line reports itself).
    public static func of(_ error: any Error) -> ExitStatus? {
        switch error {
        case is AuthdeskCore.ValidationError, is ConfigError, is UsageError: .badInput
        case let error as any CarriesExitStatus: error.exitStatus
        case is CommandFailure: .someFailed
        case let error as ServiceError:
            switch error.kind {
            case .signIn: .signInFailed
            case .forbidden, .readOnly: .refused
            case .badInput: .badInput
            default: .someFailed
            }
        case let error as JournalError: error.isMissingJob ? .badInput : .someFailed
        // The shared journal cannot be opened (team mode): nothing was sent.
        case is TeamJournalError: .someFailed
        case let error as BulkResetError:
            switch error {
            case .journal(let journal): journal.isMissingJob ? .badInput : .someFailed
            case .awaitingApproval: .refused
            default: .badInput
            }
        default: nil
        }
    }

    /// What a refusal by the service (403) means for the operator: the role they need.
    public static let roleHint = """
        The signed-in role does not allow this: an Authentication Administrator may change the methods \
        and passwords of users who are not administrators; an administrator's need a Privileged \
        Authentication Administrator. A password reset needs a signed-in operator (sign_in = "device-code"), \
        not an application.
        """

    /// The message for a failure ``of(_:)`` knows; a 403 says the permission or role that would
    /// allow the command named at the start of `arguments` (``ActionPermissions``), else the roles.
    public static func message(for error: any Error, arguments: [String] = []) -> String {
        switch error {
        case let error as ServiceError
        where error.kind == .forbidden && error.code != ChangeWorkflow.preflightRefusedCode && error.code != UserLease.refusalCode
            && !error.message.contains(ActionPermissions.whoamiPointer):
            error.description + "\n"
                + (ActionPermissions.command(in: arguments).flatMap { ActionPermissions.refusalHint(for: $0, provider: nil) } ?? roleHint)
        case let error as any CustomStringConvertible: error.description
        default: String(describing: error)
        }
    }
}

extension JournalError {
    /// The job asked for is not in the journal: the operator gave a wrong id.
    var isMissingJob: Bool {
        if case .noSuchJob = self { true } else { false }
    }
}
