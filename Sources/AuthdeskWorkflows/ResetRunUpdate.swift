import AuthdeskBulkReset

/// One thing a run's progress follows: an engine event, or a wait for a tenant's limits
/// beginning or ending. The command line's progress line draws both from one stream, so that a
/// wait shows while nothing else happens, as on the console's run screen.
public enum ResetRunUpdate: Sendable {
    case engine(BulkResetEvent)
    case wait(ServiceWait.Event)

    /// `events` and `waits` in one stream, each in its own order, as they come; it ends when
    /// both have ended.
    static func merging(
        _ events: AsyncStream<BulkResetEvent>, _ waits: AsyncStream<ServiceWait.Event>
    ) -> AsyncStream<ResetRunUpdate> {
        let (updates, input) = AsyncStream.makeStream(of: ResetRunUpdate.self)
        Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for await wait in waits { input.yield(.wait(wait)) } }
                group.addTask { for await event in events { input.yield(.engine(event)) } }
            }
            input.finish()
        }
        return updates
    }
}

extension ResetRun {
    /// The run's events and waits in one stream (``ResetRunUpdate``). It reads ``events`` and
    /// ``waits``: a front end follows either this or those.
    public func updates() -> AsyncStream<ResetRunUpdate> {
        ResetRunUpdate.merging(events, waits)
    }
}
