import AuthdeskJournal
import AuthdeskServices
import AuthdeskViewModels
import Foundation

/// The console's entry point: the executable hands it a signed-in provider and the options.
public enum ConsoleApp {
    /// Runs the console until the operator quits, a signal arrives or the terminal goes away;
    /// returns the exit status (0 on quit, 128 + the signal number otherwise) once the terminal
    /// is restored. Throws ``ConsoleError`` when the console cannot start.
    ///
    /// `directory`: the tenants the bulk reset may reach (marks can span tenants); by default the
    /// one `provider`. The journal and the exports live in the state directory (INTERFACES.md).
    public static func run(
        provider: any IdentityProvider, options: ConsoleOptions, directory: (any TenantDirectory)? = nil
    ) async throws -> Int32 {
        let state = try? StateDirectory()
        let bulk = BulkScreenViewModel(
            directory: directory ?? FixedTenantDirectory([provider]),
            journal: {
                guard let state else { throw StateDirectoryError.noHome }
                return try Journal(directory: state)
            },
            exportDirectory: state?.url.appendingPathComponent("exports", isDirectory: true)
                ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            readOnly: options.readOnly || provider.tenant.readOnly)
        let model = BrowserViewModel(
            provider: provider, readOnly: options.readOnly, auditor: options.auditor, bulk: bulk)
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
