import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``HTTPLoading`` over one `URLSession`: connections are reused across requests, requests time
/// out like Graph's own (60 s), and the system's proxy settings (`HTTPS_PROXY`) apply.
public final class URLSessionLoader: HTTPLoading {
    /// The process's URLSession loader, when `AUTHDESK_HTTP_CLIENT=urlsession` (HTTPClientChoice).
    public static let shared = URLSessionLoader()

    let session: URLSession

    /// - Parameters:
    ///   - requestTimeout: longest wait for data on a request, in seconds.
    ///   - resourceTimeout: longest a whole request may take, in seconds.
    public init(requestTimeout: TimeInterval = 60, resourceTimeout: TimeInterval = 120, maxConnectionsPerHost: Int = 8) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = resourceTimeout
        configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return (data, http)
    }
}
