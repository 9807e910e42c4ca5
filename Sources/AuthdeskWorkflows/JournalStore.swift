import AuthdeskJournal
import Foundation

/// The journal in the state directory (`AUTHDESK_STATE_DIR`, `XDG_STATE_HOME`, or
/// `~/.local/state/authdesk`): opened the same way for jobs, the audit log and the console.
public enum JournalStore {
    /// The state directory's journal; a failure says which directory and why.
    public static func open(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any JournalStorage {
        try TeamJournalGate.validate(environment: environment)
        let directory: StateDirectory
        do {
            directory = try StateDirectory(environment: environment)
        } catch {
            throw UsageError("state directory: \(error.description)")
        }
        do {
            return try Journal(directory: directory)
        } catch {
            throw WorkflowFailure(error.description, status: .someFailed)
        }
    }

    /// The journal for the audit of single changes, or why it cannot be opened (changes then go
    /// on unjournalled, and the front end warns).
    public static func openForAudit(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ((any JournalStorage)?, String?) {
        do {
            try TeamJournalGate.validate(environment: environment)
        } catch {
            return (nil, error.description)
        }
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

    /// Where exports go: `<state>/exports`, else the current directory.
    public static func exportDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = try? StateDirectory(environment: environment) {
            return state.url.appendingPathComponent("exports", isDirectory: true)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }
}
