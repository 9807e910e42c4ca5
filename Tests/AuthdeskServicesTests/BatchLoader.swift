import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
@testable import AuthdeskServices

/// An ``HTTPLoading`` that answers Graph JSON batches: each inner request is answered by
/// `answer(version, url, attempt)` (the attempt counts that url's sends, from 1), and the batches
/// are recorded as sent (their version and inner urls).
final class BatchLoader: HTTPLoading {
    struct Inner: Sendable {
        var status: Int
        var body: String
        var headers: [String: String] = ["Content-Type": "application/json"]
    }

    private let answer: @Sendable (_ version: String, _ url: String, _ attempt: Int) -> Inner
    private let state = Mutex<(batches: [(version: String, urls: [String])], attempts: [String: Int])>(([], [:]))

    init(_ answer: @escaping @Sendable (_ version: String, _ url: String, _ attempt: Int) -> Inner) {
        self.answer = answer
    }

    var batches: [(version: String, urls: [String])] { state.withLock { $0.batches } }

    func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let url = request.url ?? URL(filePath: "/")
        let path = url.path
        guard request.httpMethod == "POST", path.hasSuffix("/$batch"),
              let body = request.httpBody, let json = try JSONSerialization.jsonObject(with: body) as? [String: Any],
              let requests = json["requests"] as? [[String: Any]] else {
            throw URLError(.unsupportedURL)
        }
        let version = path.split(separator: "/").first.map(String.init) ?? ""
        var responses: [[String: Any]] = []
        for item in requests {
            let id = item["id"] as? String ?? ""
            let inner = item["url"] as? String ?? ""
            let attempt = state.withLock { state in
                state.attempts["\(version)\(inner)", default: 0] += 1
                return state.attempts["\(version)\(inner)"] ?? 0
            }
            let reply = answer(version, inner, attempt)
            let parsed = try JSONSerialization.jsonObject(with: Data(reply.body.utf8), options: [.fragmentsAllowed])
            responses.append(["id": id, "status": reply.status, "headers": reply.headers, "body": parsed])
        }
        state.withLock { $0.batches.append((version, requests.compactMap { $0["url"] as? String })) }
        // Graph answers in any order: reversed here, so that nothing relies on the order.
        let data = try JSONSerialization.data(withJSONObject: ["responses": Array(responses.reversed())])
        guard let response = HTTPURLResponse(url: url, statusCode: 200, httpVersion: "HTTP/1.1",
                                             headerFields: ["Content-Type": "application/json", "request-id": "batch-1"]) else {
            throw URLError(.badServerResponse)
        }
        return (data, response)
    }
}
