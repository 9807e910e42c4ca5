import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
@testable import AuthdeskServices

/// An ``HTTPLoading`` that answers by URL (for requests sent concurrently), recording the paths.
final class RoutedLoader: HTTPLoading {
    private let route: @Sendable (URL) -> (Int, String)
    private let seen = Mutex<[String]>([])

    init(_ route: @escaping @Sendable (URL) -> (Int, String)) {
        self.route = route
    }

    /// Paths as sent, percent-encoding kept.
    var paths: [String] { seen.withLock { $0 } }

    func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let url = request.url ?? URL(filePath: "/")
        let path = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path
        seen.withLock { $0.append(path) }
        let (status, body) = route(url)
        guard let response = HTTPURLResponse(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: ["Content-Type": "application/json"]) else {
            throw URLError(.badServerResponse)
        }
        return (Data(body.utf8), response)
    }
}
