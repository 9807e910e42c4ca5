import AuthdeskOutput

/// A job's outcome, user by user: what was done, what failed and why, what was not touched;
/// as data for `jobs show ID` and its CSV and JSON export.
public struct JobSummary: Sendable, Hashable, Codable {
    public var job: JobRecord
    /// In job order.
    public var users: [UserSummary]
    public var counts: JobCounts

    public init(job: JobRecord, users: [UserSummary]) {
        self.job = job
        self.users = users
        counts = JobCounts(users: users.map(\.user), steps: users.flatMap(\.steps))
    }

    /// One row per user: tenant, user, name, state, steps done / failed / untouched, and the
    /// reason (for a failure, the first failed step's status, code and request id).
    public func usersReport() -> Report {
        var report = Report(columns: [
            .init("tenant", "Tenant"), .init("user", "User"), .init("name", "Name"), .init("state", "State"),
            .init("done", "Done"), .init("failed", "Failed"), .init("untouched", "Untouched"), .init("kept", "Kept"),
            .init("reason", "Reason"),
        ])
        for entry in users {
            var reason = entry.user.reason
            if reason == nil, let failure = entry.failures.first {
                reason = Self.describe(failure)
            }
            report.append(cells: [
                .string(entry.user.tenant), .string(entry.user.userID), .text(entry.user.displayName),
                .string(entry.user.state.rawValue), .int(entry.stepsDone), .int(entry.stepsFailed),
                .int(entry.stepsUntouched), .int(entry.kept.count), .text(reason),
            ])
        }
        return report
    }

    /// One row per step: tenant, user, step, action, method, state, attempts, HTTP status,
    /// service error code, request id.
    public func stepsReport() -> Report {
        var report = Report(columns: [
            .init("tenant", "Tenant"), .init("user", "User"), .init("step", "#"), .init("action", "Action"),
            .init("method", "Method"), .init("methodId", "Method id"), .init("state", "State"),
            .init("attempts", "Attempts"), .init("status", "HTTP"), .init("code", "Code"),
            .init("requestId", "Request id"),
        ])
        for entry in users {
            for step in entry.steps {
                report.append(cells: [
                    .string(entry.user.tenant), .string(entry.user.userID), .int(step.position + 1),
                    .string(step.action.rawValue), .string(step.title), .string(step.methodID), .string(step.state.rawValue),
                    .int(step.attempts), .number(step.httpStatus), .text(step.errorCode), .text(step.requestID),
                ])
            }
        }
        return report
    }

    /// `Delete Mobile phone: HTTP 403 accessDenied: ... (request id abc)`.
    public static func describe(_ step: JobStepRecord) -> String {
        let answer = StepAnswer(
            httpStatus: step.httpStatus, errorCode: step.errorCode, message: step.errorMessage, requestID: step.requestID)
        var text = "\(step.planStep.description): \(answer.summary)"
        if let requestID = step.requestID { text += " (request id \(requestID))" }
        return text
    }
}
