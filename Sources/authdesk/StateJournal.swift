import ArgumentParser
import AuthdeskJournal
import Foundation

/// The journal in the state directory (`AUTHDESK_STATE_DIR`, `XDG_STATE_HOME`, or
/// `~/.local/state/authdesk`), opened for the bulk and journal commands.
enum StateJournal {
    static func open() throws -> Journal {
        let directory: StateDirectory
        do {
            directory = try StateDirectory()
        } catch {
            throw UsageError("state directory: \(error.description)")
        }
        do {
            return try Journal(directory: directory)
        } catch {
            throw fail(error.description, .someFailed)
        }
    }

    /// Says `message` on standard error and gives the exit to throw with `status`.
    static func fail(_ message: String, _ status: ExitStatus) -> ExitCode {
        FileHandle.standardError.write(Data("authdesk: \(message)\n".utf8))
        return ExitCode(status.rawValue)
    }
}
