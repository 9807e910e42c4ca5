import AuthdeskCore
import AuthdeskJournal
import AuthdeskOutput
import Foundation

/// Writes a job's summary, one row per user (state, steps done / failed / untouched, the reason
/// with status, code and request id), as a CSV and a JSON file, for the ticket or the customer.
/// Users the pre-flight refused (left out of the job) are rows in state `refused` with the reason.
public enum BulkExport {
    /// Writes `authdesk-job-<id>.csv` and `.json` into `directory` (created if missing);
    /// returns their paths.
    public static func write(_ summary: JobSummary, refused: [UserResetPlan] = [], to directory: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var report = summary.usersReport()
        for user in refused {
            report.append(cells: [
                .string(user.tenant), .string(user.userID), .text(user.displayName), "refused", 0, 0,
                .int(user.plan.steps.count), .int(user.plan.kept.count),
                .string("pre-flight, nothing sent: " + (user.plan.refusal ?? "refused")),
            ])
        }
        var paths: [String] = []
        for format in [OutputFormat.csv, .json] {
            let url = directory.appendingPathComponent("authdesk-job-\(summary.job.id.rawValue).\(format.rawValue)")
            try Data(report.render(format).utf8).write(to: url, options: .atomic)
            paths.append(url.path)
        }
        return paths
    }
}
