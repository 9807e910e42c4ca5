import ArgumentParser

/// `--concurrency N` of the commands that run a reset job.
struct ConcurrencyOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Users worked on at a time in each tenant, 1 to 20.", valueName: "N"))
    var concurrency: Int = 4

    func validate() throws {
        guard (1...20).contains(concurrency) else {
            throw ValidationError("--concurrency \(concurrency) is out of range; use 1 to 20 users at a time per tenant")
        }
    }
}
