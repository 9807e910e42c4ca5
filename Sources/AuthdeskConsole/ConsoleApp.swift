import AuthdeskServices
import AuthdeskViewModels
import Foundation

/// The console's entry point: the executable hands it a signed-in provider and the options.
public enum ConsoleApp {
    /// Runs the console until the operator quits, a signal arrives or the terminal goes away;
    /// returns the exit status (0 on quit, 128 + the signal number otherwise) once the terminal
    /// is restored. Throws ``ConsoleError`` when the console cannot start.
    public static func run(provider: any IdentityProvider, options: ConsoleOptions) async throws -> Int32 {
        let model = BrowserViewModel(provider: provider, readOnly: options.readOnly, auditor: options.auditor)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let session = try TerminalSession(model: model, options: options)
                    continuation.resume(returning: try session.run().status)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "authdesk-terminal"
            thread.start()
        }
    }
}
