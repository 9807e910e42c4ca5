import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskSandbox
import Foundation

/// `authdesk sandbox serve`: serves until SIGINT or SIGTERM; the first line on standard output
/// is the JSON object of INTERFACES.md, printed once it accepts connections.
struct SandboxServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the sandbox until SIGINT or SIGTERM; print its endpoints and credentials as one JSON line first."
    )

    @Option(help: "The port on 127.0.0.1 (default: an ephemeral one).")
    var port: Int = 0

    @Option(help: "Generated users per tenant, besides the named ones.")
    var users: Int = 200

    @Option(help: "Entra tenants to serve: contoso and fabrikam, then generated ones (tenant03, ...) up to this many (1 to 100).")
    var tenants: Int = 2

    @Option(help: "The generator's seed: the same seed gives the same users.")
    var seed: UInt64 = 1

    @Option(name: .customLong("latency-ms"), help: "Milliseconds added to every answer.")
    var latencyMs: Int = 0

    @Option(help: "The share of requests (0 to 1) that get an injected fault: 429, 503, a dropped connection or a malformed body.")
    var faults: Double = 0

    @Option(name: .customLong("device-code-delay-ms"), help: "Milliseconds a device-code sign-in stays pending before the sandbox approves it.")
    var deviceCodeDelayMs: Int = 1500

    @Option(name: .customLong("auth0-rate-limit"), help: "Auth0 Management API requests a second (a free plan allows 2).")
    var auth0RateLimit: Int = 50

    @Option(name: .customLong("graph-write-budget"), help: "Graph writes per 2.5 minutes per app and tenant.")
    var graphWriteBudget: Int = 3000

    @Option(name: .customLong("graph-read-budget"), help: "Graph read resource units per 10 seconds per app and tenant (lists cost 2).")
    var graphReadBudget: Int = 3500

    @Flag(name: .customLong("expose-tokens"), help: .hidden)
    var exposeTokens = false

    @Flag(name: .customLong("hostile-users"), help: "Add users whose names, device names and phone numbers carry escape sequences, a bidi override and a formula (for tests).")
    var hostileUsers = false

    @Flag(name: .customLong("no-throttling"), help: "Serve without Graph's budgets and Auth0's rate limit (to measure a client).")
    var noThrottling = false

    var options: SandboxOptions {
        var options = SandboxOptions(
            port: port, users: users, seed: seed, latencyMs: latencyMs, faults: faults, deviceCodeDelayMs: deviceCodeDelayMs,
            exposesTokens: exposeTokens)
        options.entraTenants = tenants
        options.auth0RateLimit = auth0RateLimit
        options.graphWriteBudget = graphWriteBudget
        options.graphReadBudget = graphReadBudget
        options.hostileUsers = hostileUsers
        options.throttling = !noThrottling
        return options
    }

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
    }

    func run() async throws {
        let sandbox = try await Sandbox.start(options)
        FileHandle.standardOutput.write(try SandboxOptions.infoLine(sandbox.info))
        await SignalWatch.wait()
        await sandbox.stop()
    }
}
