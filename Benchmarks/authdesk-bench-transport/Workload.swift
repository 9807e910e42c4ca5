import AuthdeskServices
import Foundation
import Synchronization

/// One client's share of the benchmark: signed in as the sandbox's application through a
/// transport over that client, it sends `requests` reads, `concurrency` at a time.
struct Workload {
    let transport: HTTPTransport
    let requests: [HTTPRequest]

    init(server: SandboxProcess, loader: any HTTPLoading, kind: BenchOptions.Kind) async throws {
        transport = HTTPTransport(loader: loader)
        let signIn = EntraSignIn(authority: server.authority, tenantID: server.tenantID, clientID: server.clientID)
        let token = try await ClientSecretCredential(signIn: signIn, secret: server.clientSecret, transport: transport).token()
        let headers = ["Authorization": "Bearer \(token.value)", "Accept": "application/json"]
        let list = try await transport.send(HTTPRequest(
            url: server.graph.appendingPathComponent("users").appending(queryItems: [
                URLQueryItem(name: "$select", value: "id"), URLQueryItem(name: "$top", value: "999"),
            ]), headers: headers))
        let ids = ((try JSONSerialization.jsonObject(with: list.body) as? [String: Any])?["value"] as? [[String: Any]] ?? [])
            .compactMap { $0["id"] as? String }
        guard !ids.isEmpty else { throw BenchFailure("the sandbox listed no users") }
        switch kind {
        case .methods:
            requests = ids.map { id in
                HTTPRequest(url: server.graph.appendingPathComponent("users/\(id)/authentication/methods"), headers: headers)
            }
        case .batch:
            requests = stride(from: 0, to: ids.count, by: 20).map { start in
                let inner = ids[start..<min(start + 20, ids.count)].enumerated().map { index, id in
                    ["id": String(index + 1), "method": "GET", "url": "/users/\(id)/authentication/methods"]
                }
                let body = try? JSONSerialization.data(withJSONObject: ["requests": inner])
                var batchHeaders = headers
                batchHeaders["Content-Type"] = "application/json"
                return HTTPRequest(
                    method: "POST", url: server.graph.appendingPathComponent("$batch"), headers: batchHeaders, body: body,
                    idempotent: true)
            }
        }
    }

    /// Sends `count` requests (cycling through the users), `concurrency` at a time.
    func run(requests count: Int, concurrency: Int) async throws -> Measurement {
        let next = Counter()
        let clock = ContinuousClock()
        let started = clock.now
        let samples = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var times: [Double] = []
                    var failures = 0
                    while true {
                        let index = next.value.add(1, ordering: .relaxed).oldValue
                        guard index < count else { break }
                        let sent = clock.now
                        do {
                            _ = try await transport.send(requests[index % requests.count])
                        } catch {
                            failures += 1
                        }
                        times.append((clock.now - sent) / .milliseconds(1))
                    }
                    return (times, failures)
                }
            }
            var all: ([Double], Int) = ([], 0)
            for try await (times, failures) in group {
                all.0 += times
                all.1 += failures
            }
            return all
        }
        return Measurement(elapsed: clock.now - started, milliseconds: samples.0.sorted(), failures: samples.1)
    }
}

/// The next request to send, shared by the workers.
final class Counter: Sendable {
    let value = Atomic<Int>(0)
}

/// What one run of a workload measured.
struct Measurement {
    let elapsed: Duration
    /// Each request's time, sorted.
    let milliseconds: [Double]
    let failures: Int

    var perSecond: Double { Double(milliseconds.count) / (elapsed / .seconds(1)) }

    func percentile(_ fraction: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let rank = Int((fraction * Double(milliseconds.count)).rounded(.up)) - 1
        return milliseconds[min(max(rank, 0), milliseconds.count - 1)]
    }

    var summary: String {
        String(format: "%7.0f requests/s  p50 %7.2f ms  p99 %7.2f ms  failed %d", perSecond, percentile(0.5), percentile(0.99), failures)
    }
}
