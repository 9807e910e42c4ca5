import AuthdeskBulkReset
import AuthdeskJournal

/// The controls both front ends offer over a running job: pause, resume, cancel, and suspend
/// (Ctrl-C, quitting the console) to continue later.
public struct ResetRunControl: Sendable {
    let engine: BulkResetEngine

    public func pause() async throws(JournalError) { try await engine.pause() }
    public func resume() async throws(JournalError) { try await engine.resume() }
    /// The step in flight finishes and is journalled; the job ends cancelled.
    public func cancel() async { await engine.cancel() }
    /// No new step starts; the steps in flight finish; the job is left paused (resumable).
    public func suspend() async { await engine.suspend() }
}
