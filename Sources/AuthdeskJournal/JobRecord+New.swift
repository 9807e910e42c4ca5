import AuthdeskCore
import Foundation

extension JobRecord {
    /// A job as a store read it back.
    public static func stored(
        id: JobID, createdAt: Date, operatorName: String?, ticket: String?, policy: ResetPolicy, state: JobState,
        updatedAt: Date, verification: String?, host: String?
    ) -> JobRecord {
        JobRecord(
            id: id, createdAt: createdAt, operatorName: operatorName, ticket: ticket, policy: policy, state: state,
            updatedAt: updatedAt, verification: verification, host: host)
    }

    /// A new job, `planned` or `awaiting-approval` (any other `state` is refused), as every store
    /// records it: the ticket cleared of anything shaped like a secret and checked (one line of
    /// at most 200 characters), the host that made it.
    public static func planned(
        _ plan: ResetJobPlan, operatorName: String?, ticket: String?, id: JobID?, at date: Date, verification: String?,
        host: String?, state: JobState = .planned
    ) throws(JournalError) -> JobRecord {
        guard JobState.initial.contains(state) else {
            throw .invalidInput(
                field: "state", message: "a new job is planned or awaiting-approval, not \(state.rawValue)")
        }
        let cleanTicket = ticket.map { SecretScrubber().scrub($0).text }
        if let cleanTicket, cleanTicket.contains(where: \.isNewline) || cleanTicket.count > 200 {
            throw .invalidInput(field: "ticket", message: "a ticket reference is one line of at most 200 characters")
        }
        return JobRecord(
            id: id ?? JobID.make(at: date), createdAt: date, operatorName: operatorName, ticket: cleanTicket,
            policy: plan.policy, state: state, updatedAt: date, verification: verification, host: host)
    }

    /// The job moved to `state` at `date`, if its state allows it; a host that runs it becomes its host.
    public func moved(to state: JobState, at date: Date, by runningHost: String?) throws(JournalError) -> JobRecord {
        guard self.state.canMove(to: state) else {
            throw .invalidTransition(what: "job \(id)", from: self.state.rawValue, to: state.rawValue)
        }
        var job = self
        job.state = state
        job.updatedAt = date
        if state == .running, let runningHost { job.host = runningHost }
        return job
    }
}
