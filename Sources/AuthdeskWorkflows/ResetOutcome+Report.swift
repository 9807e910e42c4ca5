import AuthdeskJournal
import AuthdeskOutput

extension ResetOutcome {
    /// The results as `reset-mfa` and `jobs resume` print them: one row per user (done, failed
    /// with the reason, untouched, unreadable, refused), and a footer in table format. The
    /// users in `streamed` (`tenant/userID`, already written as they ended) are left out.
    public func render(_ output: OutputFormat, leavingOut streamed: Set<String> = []) -> String {
        let outcome = self
        var report = Self.report()
        for entry in summary.users where !streamed.contains("\(entry.user.tenant)/\(entry.user.userID)") {
            report.append(Self.row(entry, job: summary.job.id))
        }
        for entry in outcome.unreadable {
            report.append([
                summary.job.id.rawValue, entry.tenant, entry.user, nil, "unreadable", "0", "0", "0", "0",
                entry.failure.description,
            ])
        }
        for user in outcome.refused {
            report.append([
                summary.job.id.rawValue, user.tenant, user.userID, user.displayName, "refused", "0", "0",
                String(user.plan.steps.count), String(user.plan.kept.count),
                "pre-flight, nothing sent: " + (user.plan.refusal ?? ""),
            ])
        }
        var text = report.render(output)
        if output == .table {
            let counts = summary.counts
            text += "\nJob \(summary.job.id): \(summary.job.state.rawValue); \(counts.usersDone) done, \(counts.usersFailed) failed, "
                + "\(counts.usersUntouched + counts.usersInProgress) untouched, \(outcome.refused.count) refused by the pre-flight, "
                + "\(outcome.unreadable.count) unreadable; "
                + "steps \(counts.stepsDone) done, \(counts.stepsFailed) failed, \(counts.stepsPending + counts.stepsSent) not done\n"
        }
        return text
    }

    /// The columns of the results.
    static func report() -> Report {
        Report(columns: [
            .init("job", "Job"), .init("tenant", "Tenant"), .init("user", "User"), .init("name", "Name"),
            .init("state", "State"), .init("done", "Done"), .init("failed", "Failed"), .init("untouched", "Untouched"),
            .init("kept", "Kept"), .init("reason", "Reason"),
        ])
    }

    /// One journalled user's row.
    static func row(_ entry: UserSummary, job: JobID) -> [String?] {
        var reason = entry.user.reason
        if reason == nil, let failure = entry.failures.first { reason = JobSummary.describe(failure) }
        let state = entry.user.state == .waiting ? "untouched" : entry.user.state.rawValue
        return [
            job.rawValue, entry.user.tenant, entry.user.userID, entry.user.displayName, state,
            String(entry.stepsDone), String(entry.stepsFailed), String(entry.stepsUntouched), String(entry.kept.count),
            reason,
        ]
    }
}
