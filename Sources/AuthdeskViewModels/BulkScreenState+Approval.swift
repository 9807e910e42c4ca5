import AuthdeskJournal
import AuthdeskWorkflows

/// Four eyes on the `:jobs` screen: `a` on a job awaiting approval asks, enter approves it
/// through ``JobApproval`` (as `authdesk jobs approve` does; its own operator is refused there
/// with the same sentence), esc does not. A confirmed job held for approval lands here too.
extension BulkScreenState {
    /// The question while ``BulkTrustSteps/approving`` is set, for the screen's top line.
    public var approvalQuestion: String? {
        guard let listing = trust.approving else { return nil }
        let operatorName = listing.job.operatorName.map { ", signed in as \($0)" } ?? ""
        return "Approve job \(listing.job.id) of \(listing.counts.users) users\(operatorName), so that it may run? "
            + "enter approves, esc does not"
    }

    /// Handles `a`, and enter or esc while asking; nil for the keys it leaves to the screen.
    mutating func performApproval(_ action: KeyAction) -> [BulkScreenEffect]? {
        guard phase == .jobs else { return nil }
        if let listing = trust.approving {
            switch action {
            case .accept:
                trust.approving = nil
                return [.approveJob(listing.job.id, generation: generation)]
            case .back, .approveJob:
                trust.approving = nil
                return showFlash(.info, "Job \(listing.job.id) was not approved")
            default:
                return []
            }
        }
        guard jobs.indices.contains(selectedJob) else { return action == .approveJob ? [] : nil }
        let listing = jobs[selectedJob]
        switch action {
        case .approveJob:
            guard listing.job.state == .awaitingApproval else {
                return showFlash(
                    .error, "Job \(listing.job.id) is \(listing.job.state.rawValue), not awaiting approval: nothing to approve")
            }
            guard !readOnly else { return showFlash(.error, "Read-only: job \(listing.job.id) cannot be approved here") }
            trust.approving = listing
            return []
        case .accept, .retryFailed:
            guard listing.job.state == .awaitingApproval else { return nil }
            return showFlash(
                .error, "Job \(listing.job.id) awaits approval by another operator (a approves it); nothing was sent")
        default:
            return nil
        }
    }

    /// The approval went through: said, and the jobs read again (it is planned now).
    mutating func approved(_ job: JobRecord, generation: Int) -> [BulkScreenEffect] {
        guard generation == self.generation, phase == .jobs else { return [] }
        return showFlash(.info, "Approved job \(job.id): it is \(job.state.rawValue) and runs on enter here or with 'authdesk jobs resume \(job.id)'")
            + [.loadJobs(generation: generation)]
    }

    /// The confirmed job waits for another operator: the jobs list shows it, with why.
    mutating func held(_ message: String, generation: Int) -> [BulkScreenEffect] {
        guard generation == self.generation, phase == .running else { return [] }
        phase = .jobs
        run = nil
        top = 0
        return showFlash(.info, message) + [.loadJobs(generation: generation)]
    }
}
