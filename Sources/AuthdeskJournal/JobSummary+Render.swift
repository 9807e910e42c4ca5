import AuthdeskOutput
import Foundation

extension JobSummary {
    /// The job as `jobs show` prints it: JSON is the whole summary (job, users with their steps
    /// and kept methods, counts); CSV the users; the table a headline, the users and the steps.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json, .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = format == .jsonl ? [.sortedKeys, .withoutEscapingSlashes]
                : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        case .csv:
            return usersReport().render(.csv)
        case .table:
            return "Job \(job.id): \(job.state.rawValue), policy \(job.policy.rawValue), "
                + "operator \(job.operatorName ?? "-"), ticket \(job.ticket ?? "-")\n"
                + "Users \(counts.users): \(counts.usersDone) done, \(counts.usersFailed) failed, "
                + "\(counts.usersUntouched) untouched, \(counts.usersInProgress) in progress; steps \(counts.steps): "
                + "\(counts.stepsDone) done, \(counts.stepsFailed) failed, \(counts.stepsPending) pending, \(counts.stepsSent) sent\n\n"
                + usersReport().render(.table) + "\n" + stepsReport().render(.table)
        }
    }
}
