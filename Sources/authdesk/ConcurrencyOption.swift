import ArgumentParser
import AuthdeskBulkReset
import AuthdeskWorkflows

/// `--concurrency N` of the commands that run a reset job: the ceiling of users at a time per
/// tenant; how many run adapts below it to the service's answers.
struct ConcurrencyOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The most users worked on at a time in each tenant, 1 to \(BulkResetEngine.maxConcurrency); how many run adapts "
            + "below it to the service's latency and limits.", valueName: "N"))
    var concurrency: Int = ResetMfaWorkflow.defaultCeiling

    func validate() throws {
        let most = BulkResetEngine.maxConcurrency
        guard (1...most).contains(concurrency) else {
            throw ValidationError("--concurrency \(concurrency) is out of range; use 1 to \(most) users at a time per tenant")
        }
    }
}
