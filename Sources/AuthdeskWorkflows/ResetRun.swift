import AuthdeskBulkReset
import AuthdeskJournal

/// A job running (or resuming) under the engine: its events as they happen, the waits for its
/// tenants' limits, and its controls.
public struct ResetRun: Sendable {
    public let jobID: JobID
    /// The job as it stood when this run began (the console's rows, the command line's names).
    public let before: JobSummary
    public let events: AsyncStream<BulkResetEvent>
    /// The transport's waits for the run's tenants (``ServiceWait``), beginning and ending, from
    /// the run's start to its last event; the stream ends with ``events``.
    public let waits: AsyncStream<ServiceWait.Event>
    public let control: ResetRunControl

    /// The run of job `jobID` whose engine reports `engineEvents`, following the waits `registry`
    /// announces for `tenants` until the engine's last event.
    init(
        jobID: JobID, before: JobSummary, engineEvents: AsyncStream<BulkResetEvent>, control: ResetRunControl,
        tenants: Set<String>, registry: ServiceWaits = .shared
    ) {
        self.jobID = jobID
        self.before = before
        self.control = control
        let (waits, waitsIn) = AsyncStream.makeStream(of: ServiceWait.Event.self, bufferingPolicy: .bufferingNewest(256))
        let (events, eventsIn) = AsyncStream.makeStream(of: BulkResetEvent.self)
        let observer = registry.observe { event in
            if tenants.contains(event.tenant) { waitsIn.yield(event) }
        }
        Task {
            for await event in engineEvents { eventsIn.yield(event) }
            registry.remove(observer)
            waitsIn.finish()
            eventsIn.finish()
        }
        self.waits = waits
        self.events = events
    }
}
