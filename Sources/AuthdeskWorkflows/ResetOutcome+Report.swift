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
            report.append(cells: Self.row(entry, job: summary.job.id))
        }
        for entry in outcome.unreadable {
            report.append(cells: [
                .string(summary.job.id.rawValue), .string(entry.tenant), .string(entry.user), .null, "unreadable", 0, 0, 0, 0,
                .string(entry.failure.description),
            ])
        }
        for user in outcome.refused {
            report.append(cells: [
                .string(summary.job.id.rawValue), .string(user.tenant), .string(user.userID), .text(user.displayName),
                "refused", 0, 0, .int(user.plan.steps.count), .int(user.plan.kept.count),
                .string("pre-flight, nothing sent: " + (user.plan.refusal ?? "")),
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

    /// One journalled user's row: typed counts, and for a refused step (403) what would allow it
    /// (the same table as whoami).
    static func row(_ entry: UserSummary, job: JobID) -> [ReportValue] {
        var reason = entry.user.reason
        if reason == nil, let failure = entry.failures.first {
            reason = JobSummary.describe(failure)
            if failure.httpStatus == 403, let hint = ActionPermissions.refusalHint(for: "reset-mfa", provider: nil) {
                reason? += ". " + hint
            }
        }
        let state = entry.user.state == .waiting ? "untouched" : entry.user.state.rawValue
        return [
            .string(job.rawValue), .string(entry.user.tenant), .string(entry.user.userID), .text(entry.user.displayName),
            .string(state), .int(entry.stepsDone), .int(entry.stepsFailed), .int(entry.stepsUntouched),
            .int(entry.kept.count), .text(reason),
        ]
    }
}
