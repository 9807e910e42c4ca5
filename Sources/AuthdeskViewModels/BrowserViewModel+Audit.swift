import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
import Foundation

extension BrowserViewModel {
    /// `provider` audited by `auditor`, unless it already is (or there is no auditor).
    static func audited(_ provider: any IdentityProvider, by auditor: ChangeAuditor?) -> any IdentityProvider {
        guard let auditor, !(provider is AuditedProvider) else { return provider }
        return auditor.wrap(provider)
    }

    /// The state an audited console starts in: asking for the ticket at the first change, and
    /// warning once when the journal could not be opened (changes then go on unjournalled).
    static func prepareAudit(_ state: inout BrowserState, _ auditor: ChangeAuditor?) {
        guard let auditor else { return }
        state.ticketing.asks = true
        state.ticketing.reference = auditor.ticket
        state.ticketing.asked = auditor.ticket != nil
        if auditor.journal == nil {
            let problem = auditor.problem ?? "the journal cannot be opened"
            _ = state.showFlash(.error, "Warning: \(problem): changes are NOT journalled")
        }
    }

    /// Tells the state about audit entries that could not be written.
    func reportAuditFailures() {
        guard let auditor else { return }
        for message in auditor.takeFailures() { send(.journalProblem(message)) }
    }

    func runAudit(_ effect: BrowserEffect) {
        switch effect {
        case .setTicket(let ticket):
            auditor?.ticket = ticket
        case .loadJournal:
            guard let journal = auditor?.journal else {
                send(.journalFailed(auditor?.problem ?? "Changes are not audited in this session"))
                return
            }
            spawn(.journal) { [self] in
                do throws(JournalError) {
                    send(.journalLoaded(try await journal.audit(limit: Self.journalLimit)))
                } catch {
                    send(.journalFailed(error.description))
                    return
                }
                if let (lines, status) = try? await JournalTrust.verify(journal), let verdict = lines.first {
                    send(.journalChecked(verdict, intact: status == .success))
                }
            }
        case .exportJournal(let entries):
            guard let journal = auditor?.journal else {
                send(.journalExportFailed(auditor?.problem ?? "Changes are not audited in this session"))
                return
            }
            let directory = journal.localDirectory
            spawn(.journal) { [self] in
                do throws(JournalExport.Failure) {
                    send(.journalExported(try JournalExport.write(entries, into: directory, at: Date())))
                } catch {
                    send(.journalExportFailed(error.message))
                }
            }
        case .planUndo(let id):
            planUndo(id)
        case .undoEntry(let id, let verification):
            runUndo(id, verification: verification)
        default:
            break
        }
    }

    /// The newest entries the journal screen reads.
    static let journalLimit = 10_000
}
