import AuthdeskJournal

/// What the bulk screen's renderer and key hints ask of its state, apart from the reducer.
extension BulkScreenState {
    /// Whether `t` would retry something: the summary's job, or the selected job of `:jobs`, has
    /// failed users and was not cancelled.
    public var canRetryFailed: Bool {
        switch phase {
        case .summary:
            guard let summary else { return false }
            return summary.counts.usersFailed > 0 && summary.job.state != .cancelled
        case .jobs:
            guard jobs.indices.contains(selectedJob) else { return false }
            return jobs[selectedJob].counts.usersFailed > 0 && jobs[selectedJob].job.state != .cancelled
        default:
            return false
        }
    }

    /// Lines of the summary screen's list: a line per journalled user, and one per user the
    /// pre-flight refused (left out of the job).
    public var summaryLineCount: Int { (summary?.users.count ?? 0) + refused.count }
}
