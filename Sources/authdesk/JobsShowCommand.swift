import ArgumentParser
import AuthdeskJournal
import Foundation

/// `authdesk jobs show ID`: a job's users and steps, their states and the reasons of failures.
/// JSON is the whole summary (job, users with their steps and kept methods, counts); CSV the
/// users; the table both users and steps.
struct JobsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a job's users and steps, their states and reasons.")

    /// Accepted as by every command; the journal is local, so no tenant is opened.
    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "The job's id, as 'jobs list' shows it.")
    var id: String

    func run() async throws {
        let journal = try StateJournal.open()
        let summary: JobSummary
        do {
            summary = try await journal.summary(of: JobID(id))
        } catch {
            if case .noSuchJob = error { throw UsageError(error.description) }
            throw StateJournal.fail(error.description, .someFailed)
        }
        switch outputOption.output {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let data = try encoder.encode(summary)
            print(String(decoding: data, as: UTF8.self))
        case .csv:
            print(summary.usersReport().render(.csv), terminator: "")
        case .table:
            let counts = summary.counts
            print("Job \(summary.job.id): \(summary.job.state.rawValue), policy \(summary.job.policy.rawValue), "
                + "operator \(summary.job.operatorName ?? "-"), ticket \(summary.job.ticket ?? "-")")
            print("Users \(counts.users): \(counts.usersDone) done, \(counts.usersFailed) failed, "
                + "\(counts.usersUntouched) untouched, \(counts.usersInProgress) in progress; steps \(counts.steps): "
                + "\(counts.stepsDone) done, \(counts.stepsFailed) failed, \(counts.stepsPending) pending, \(counts.stepsSent) sent\n")
            print(summary.usersReport().render(.table))
            print(summary.stepsReport().render(.table), terminator: "")
        }
    }
}
