import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// `authdesk-bench-bulk`: how close a bulk "reset all MFA" comes to the best time the service's
/// write budget and latency allow, and how it compares with doing the same work one request
/// at a time. Prints figures; asserts nothing.
///
/// Starts the sandbox with the given latency and Graph write budget (throttling on), plans and
/// runs a journalled job over N generated users of `contoso` with the same planner, journal and
/// engine as the console and the command line, then resets other users of `fabrikam` (its own
/// budget) the simple way. Build in release mode:
///
///     scripts/build-release authdesk-bench-bulk
///     .build/release/authdesk-bench-bulk --users 1000 --latency 20 --budget 1800
@main
struct BulkBench {
    var users = 1000
    var latencyMs = 20
    /// Graph writes per 150 s (the sandbox's `graphWriteBudget`); nil: 1.3 x the users, at least 100:
    /// below the ~1.7 writes per user of the portal policy, so the budget decides.
    var budget: Int?
    var readBudget = 3500
    var concurrency = 4
    /// Batches of 20 users read at once while planning (Graph's `$batch`).
    var readConcurrency = 4
    /// Whether the client uses the product's default write budget (Graph's documented limits,
    /// ``WriteBudget/graphLimits``) instead of one of the sandbox's burst and rate.
    var clientDefaultBudget = false
    var simpleUsers: Int?
    var policy = ResetPolicy.portal
    /// The client's write rate as a share of the service's (1 = the same rate).
    var clientShare = 1.0

    static func main() async {
        var bench = BulkBench()
        do {
            try bench.parse(Array(CommandLine.arguments.dropFirst()))
            try await bench.run()
        } catch {
            FileHandle.standardError.write(Data("authdesk-bench-bulk: \(error)\n".utf8))
            exit(1)
        }
    }

    mutating func parse(_ arguments: [String]) throws {
        var rest = arguments[...]
        func number(_ name: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = rest.popFirst(), let value = Int(text), range.contains(value) else {
                throw BenchError("\(name) needs a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--users": users = try number(argument, 1...100_000)
            case "--latency": latencyMs = try number(argument, 0...10_000)
            case "--budget": budget = try number(argument, 1...10_000_000)
            case "--read-budget": readBudget = try number(argument, 1...10_000_000)
            case "--concurrency": concurrency = try number(argument, 1...20)
            case "--read-concurrency": readConcurrency = try number(argument, 1...20)
            case "--client-default-budget": clientDefaultBudget = true
            case "--simple-users": simpleUsers = try number(argument, 0...100_000)
            case "--policy": policy = try ResetPolicy(parsing: rest.popFirst() ?? "")
            case "--client-share":
                guard let text = rest.popFirst(), let share = Double(text), share > 0, share <= 1 else {
                    throw BenchError("--client-share needs a share of the service's write rate above 0, at most 1 (0.95)")
                }
                clientShare = share
            default:
                throw BenchError(
                    "unknown argument \(argument); valid: --users N, --latency MS, --budget WRITES_PER_150S, "
                        + "--read-budget UNITS_PER_10S, --concurrency 1-20, --read-concurrency 1-20, --client-default-budget, --simple-users N, --policy portal|all, --client-share 0-1")
            }
        }
    }

    func run() async throws {
        let writeBudget = budget ?? max(100, users * 13 / 10)
        let simpleCount = simpleUsers ?? min(users, 100)
        var options = SandboxOptions(
            usersPerTenant: users + 50, latencyMs: latencyMs, throttling: true,
            graphWriteBudget: writeBudget, graphReadBudget: readBudget)
        options.seed = 7
        let sandbox = try await Sandbox.start(options)
        defer { Task { await sandbox.stop() } }
        let bed = try TestBed(sandbox: sandbox, writeBudget: writeBudget, clientShare: clientShare, clientDefaultBudget: clientDefaultBudget)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        Output.line("authdesk-bench-bulk: reset all MFA (policy \(policy.rawValue)) through the planner, journal and engine")
        Output.line("sandbox: latency \(latencyMs) ms per request; Graph write budget \(writeBudget) per 150 s "
            + "(\(String(format: "%.2f", Double(writeBudget) / 150)) writes/s, burst \(writeBudget)); "
            + "read budget \(readBudget) units per 10 s; throttling on")
        let clientBudget = clientDefaultBudget
            ? "the product's default write budget (Graph's limits at \(String(format: "%.0f", WriteBudget.graphShare * 100)) %)"
            : "write budget of the same burst, \(String(format: "%.0f", clientShare * 100)) % of the rate"
        Output.line("client: \(clientBudget); \(concurrency) users at a time; reads in $batch of 20, "
            + "\(readConcurrency) batches at a time; journal \(directory.path)/journal.sqlite")

        let engineRun = try await EngineRun(
            bed: bed, tenant: "contoso", count: users, policy: policy, concurrency: concurrency, readConcurrency: readConcurrency)
            .run(journalURL: directory.appendingPathComponent("journal.sqlite"))
        let limit = BulkLimit(
            writes: engineRun.writes, reads: engineRun.readUnits, roundTrips: engineRun.roundTrips,
            users: engineRun.users, latency: Double(latencyMs) / 1000, concurrency: concurrency, readConcurrency: readConcurrency,
            writeBurst: Double(writeBudget), writeRate: Double(writeBudget) / 150,
            readBurst: Double(readBudget), readRate: Double(readBudget) / 10)
        Output.line()
        Output.line("engine: \(engineRun.users) users, \(engineRun.steps) steps (\(engineRun.writes) writes)")
        Output.line("  plan  \(Self.seconds(engineRun.planTime))   run \(Self.seconds(engineRun.runTime))")
        Output.line("  wall time (plan + journal + run): \(Self.seconds(engineRun.wallTime))")
        Output.line("  limit: \(Self.seconds(limit.seconds)) (\(limit.explanation))")
        Output.line("  ratio wall/limit: \(String(format: "%.2f", engineRun.wallTime / limit.seconds))")
        Output.line("  requests sent: \(engineRun.stats.total)  (2xx \(engineRun.stats.succeeded), 429 \(engineRun.stats.count(429)), other refused \(engineRun.stats.refused - engineRun.stats.count(429)))")
        Output.line("  users done \(engineRun.done), failed \(engineRun.failed)\(engineRun.unplanned > 0 ? ", unreadable \(engineRun.unplanned)" : "")")
        for reason in engineRun.failureReasons.prefix(5) { Output.line("    failed: \(reason)") }

        Output.line()
        guard simpleCount > 0 else {
            Output.line("simple way: skipped (--simple-users 0)")
            return
        }
        let simple = try await SimpleReset(bed: bed, tenant: "fabrikam", count: simpleCount, policy: policy).run()
        let perUser = simple.wallTime / Double(max(1, simple.users))
        Output.line("simple way (one user after another, one request at a time, no journal) on fabrikam"
            + (simpleCount < users ? " with \(simple.users) users, fewer than \(users) to keep the run short:" : ":"))
        Output.line("  wall time \(Self.seconds(simple.wallTime)) (\(String(format: "%.1f", perUser * 1000)) ms per user; "
            + "for \(engineRun.users) users about \(Self.seconds(perUser * Double(engineRun.users))))")
        Output.line("  requests sent: \(simple.stats.total)  (2xx \(simple.stats.succeeded), 429 \(simple.stats.count(429)))")
        Output.line("  users done \(simple.done), failed \(simple.failed)")
        Output.line("  engine speed-up per user: \(String(format: "%.1f", perUser / (engineRun.wallTime / Double(max(1, engineRun.users)))))x")
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }
}
