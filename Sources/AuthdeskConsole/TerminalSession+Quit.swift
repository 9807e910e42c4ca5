import Dispatch
import AuthdeskViewModels

extension TerminalSession {
    /// The longest the console waits, when it ends, for the steps in flight of a running job.
    static let pauseTimeout: DispatchTimeInterval = .seconds(60)

    /// Before the console ends (quit, SIGTERM, SIGHUP, the terminal gone): a running bulk job
    /// is stopped to continue later. The steps in flight finish and are journalled and the job
    /// is left `paused`, so `:jobs` and `authdesk jobs resume` continue it. Blocks this (the
    /// terminal's own) thread until then, at most ``pauseTimeout``.
    static func pauseRunningJob(_ bulk: BulkScreenViewModel?) {
        guard let bulk, bulk.isRunningJob else { return }
        let done = DispatchSemaphore(value: 0)
        Task {
            await bulk.suspendForQuit()
            done.signal()
        }
        _ = done.wait(timeout: .now() + Self.pauseTimeout)
    }
}
