import AuthdeskServices
import Foundation

/// Measures the HTTP clients behind ``HTTPTransport`` on one workload: URLSession (libcurl) and
/// async-http-client (SwiftNIO), each through the same transport (request ids, retries, error
/// decoding), against a real `authdesk sandbox serve` process it starts. Workloads: many
/// concurrent GETs of users' methods (`methods`), and `$batch` POSTs of 20 such reads (`batch`).
/// Prints, per client and round, requests a second, p50 and p99 of a request, and failures;
/// the clients take turns, round after round, so that a busy machine hurts both alike.
///
///     scripts/build-release authdesk authdesk-bench-transport
///     .build/release/authdesk-bench-transport [--requests 4000] [--concurrency 32]
///         [--latency-ms 0] [--workload methods|batch] [--rounds 3] [--throttling] [--authdesk PATH]
@main
struct TransportBench {
    static func main() async {
        do {
            let options = try BenchOptions(CommandLine.arguments.dropFirst())
            try await run(options)
        } catch {
            FileHandle.standardError.write(Data("authdesk-bench-transport: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: BenchOptions) async throws {
        let server = try SandboxProcess(
            binary: options.authdesk, latencyMs: options.latencyMs, users: options.users, throttling: options.throttling)
        defer { server.stop() }
        print("sandbox: \(server.authority) (authdesk sandbox serve --latency-ms \(options.latencyMs) --users \(options.users)"
            + "\(options.throttling ? "" : " --no-throttling"))")
        print("workload: \(options.workload.rawValue), \(options.requests) requests, \(options.concurrency) at a time, \(options.rounds) rounds")
        let clients: [(String, any HTTPLoading)] = [
            ("URLSession", URLSessionLoader(maxConnectionsPerHost: options.concurrency)),
            ("async-http-client", AsyncHTTPClientLoader(maxConnectionsPerHost: options.concurrency)),
        ]
        var results: [String: [Measurement]] = [:]
        for round in 1...options.rounds {
            for (name, loader) in clients {
                let workload = try await Workload(server: server, loader: loader, kind: options.workload)
                _ = try await workload.run(requests: min(200, options.requests), concurrency: options.concurrency)
                let measured = try await workload.run(requests: options.requests, concurrency: options.concurrency)
                results[name, default: []].append(measured)
                print("round \(round)  \(name.padding(toLength: 18, withPad: " ", startingAt: 0))  \(measured.summary)")
            }
        }
        print("best of \(options.rounds) rounds (by requests/s):")
        for (name, _) in clients {
            guard let best = results[name]?.max(by: { $0.perSecond < $1.perSecond }) else { continue }
            print("  \(name.padding(toLength: 18, withPad: " ", startingAt: 0))  \(best.summary)")
        }
        if let slow = results["URLSession"]?.map(\.perSecond).max(), let fast = results["async-http-client"]?.map(\.perSecond).max(),
           slow > 0 {
            print(String(format: "async-http-client / URLSession: %.2fx the requests a second", fast / slow))
        }
    }
}
