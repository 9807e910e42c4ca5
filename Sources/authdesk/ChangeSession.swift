import AuthdeskAudit
import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation

/// What a single-user change command works with: the profile, and its provider wrapped so that
/// every change it sends is written to the audit journal with the command's `--ticket`.
struct ChangeSession {
    let provider: any IdentityProvider
    let profile: Profile
    let auditor: ChangeAuditor
}

extension ServiceSession {
    /// Opens a session for a change (read-only profiles refused first), runs `body` with an
    /// audited provider, and warns on standard error when a change could not be journalled.
    static func changing<T>(
        _ global: GlobalOptions, ticket: TicketOption, _ body: (ChangeSession) async throws -> T
    ) async throws -> T {
        try await with(global, writes: true) { session in
            let auditor = ChangeAudit.auditor(for: session, ticket: ticket.ticket)
            let change = ChangeSession(provider: auditor.wrap(session.provider), profile: session.profile, auditor: auditor)
            do {
                let result = try await body(change)
                ChangeAudit.warn(auditor)
                return result
            } catch {
                ChangeAudit.warn(auditor)
                throw error
            }
        }
    }
}

/// The command line's audit: the journal in the state directory, the signed-in operator (else
/// the local account and host), the profile's client secret kept out of every entry.
enum ChangeAudit {
    static func auditor(for session: ServiceSession, ticket: String?) -> ChangeAuditor {
        let (journal, problem) = openJournal()
        return ChangeAuditor(
            journal: journal, problem: problem,
            operatorSource: OperatorSource(signedIn: session.tokens, fallback: OperatorName.current),
            secrets: session.profile.clientSecret.map { [$0] } ?? [], ticket: ticket)
    }

    /// The console's auditor: tenants are signed in one by one, each telling its operator and
    /// secrets (``ChangeAuditor/signedIn(_:tenant:secrets:)``); until then the local account.
    static func consoleAuditor(ticket: String?) -> ChangeAuditor {
        let (journal, problem) = openJournal()
        return ChangeAuditor(
            journal: journal, problem: problem, operatorSource: OperatorSource(fixed: OperatorName.current), ticket: ticket)
    }

    /// The state directory's journal, or why it cannot be opened.
    static func openJournal(environment: [String: String] = ProcessInfo.processInfo.environment) -> (Journal?, String?) {
        do {
            let directory = try StateDirectory(environment: environment)
            do {
                return (try Journal(directory: directory), nil)
            } catch {
                return (nil, "the journal in \(directory) cannot be opened: \(error.description)")
            }
        } catch {
            return (nil, "state directory: \(error.description)")
        }
    }

    /// Says on standard error that changes were not journalled, and why.
    static func warn(_ auditor: ChangeAuditor) {
        var messages = auditor.takeFailures()
        if auditor.journal == nil, let problem = auditor.problem {
            messages = ["\(problem); the change is not journalled"]
        }
        for message in messages {
            FileHandle.standardError.write(Data("authdesk: warning: \(message)\n".utf8))
        }
    }
}
