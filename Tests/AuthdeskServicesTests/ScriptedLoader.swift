import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
@testable import AuthdeskServices

/// An ``HTTPLoading`` that answers from a script, in order, and records what it was sent.
final class ScriptedLoader: HTTPLoading {
    enum Step: Sendable {
        case answer(status: Int, headers: [String: String], body: String)
        case fail(URLError.Code)
    }

    struct Sent: Sendable {
        var method: String
        var url: URL
        var headers: [String: String]
        var body: String
    }

    private let state: Mutex<(steps: [Step], sent: [Sent])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Step {
        .answer(status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: body)
    }

    var sent: [Sent] { state.withLock { $0.sent } }

    func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let step: Step = try state.withLock { state in
            state.sent.append(Sent(
                method: request.httpMethod ?? "GET", url: request.url ?? URL(filePath: "/"),
                headers: Dictionary((request.allHTTPHeaderFields ?? [:]).map { ($0.key.lowercased(), $0.value) }) { a, _ in a },
                body: request.httpBody.map { String(decoding: $0, as: UTF8.self) } ?? ""))
            guard !state.steps.isEmpty else { throw URLError(.resourceUnavailable) }
            return state.steps.removeFirst()
        }
        switch step {
        case .answer(let status, let headers, let body):
            let url = request.url ?? URL(filePath: "/")
            guard let response = HTTPURLResponse(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers) else {
                throw URLError(.badServerResponse)
            }
            return (Data(body.utf8), response)
        case .fail(let code):
            throw URLError(code)
        }
    }
}

/// A sleep that returns at once and remembers how long it was asked to wait.
final class SleepRecorder: Sendable {
    private let waits = Mutex<[Duration]>([])
    private let clock: ManualClock?

    /// `clock`: moved on by each wait, as time would be (nil: time stands still).
    init(advancing clock: ManualClock? = nil) {
        self.clock = clock
    }

    var recorded: [Duration] { waits.withLock { $0 } }

    var sleep: HTTPTransport.Sleep {
        { duration in
            self.waits.withLock { $0.append(duration) }
            self.clock?.advance(by: duration / .seconds(1))
        }
    }
}
