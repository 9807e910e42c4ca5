import AuthdeskCore
import AuthdeskOutput
import Foundation

/// One line of `jobs list`: the job and how far it got.
public struct JobListing: Sendable, Hashable, Codable {
    public var job: JobRecord
    public var counts: JobCounts

    public init(job: JobRecord, counts: JobCounts) {
        self.job = job
        self.counts = counts
    }

    /// The listings as a table, CSV or JSON: id, created, operator, host, ticket, policy, state,
    /// users done / failed / total.
    public static func report(_ listings: [JobListing]) -> Report {
        var report = Report(columns: [
            .init("id", "Job"), .init("created", "Created"), .init("operator", "Operator"), .init("host", "Host"),
            .init("ticket", "Ticket"), .init("policy", "Policy"), .init("state", "State"),
            .init("usersDone", "Done"), .init("usersFailed", "Failed"), .init("users", "Users"),
        ])
        for listing in listings {
            report.append(cells: [
                .string(listing.job.id.rawValue), .date(listing.job.createdAt), .text(listing.job.operatorName),
                .text(listing.job.host),
                .text(listing.job.ticket), .string(listing.job.policy.rawValue), .string(listing.job.state.rawValue),
                .int(listing.counts.usersDone), .int(listing.counts.usersFailed), .int(listing.counts.users),
            ])
        }
        return report
    }
}
