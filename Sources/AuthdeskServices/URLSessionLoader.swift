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
    /// The session's delegate, which sends a body again when libcurl repeats a request.
    let replay = BodyReplay()

    /// - Parameters:
    ///   - requestTimeout: longest wait for data on a request, in seconds.
    ///   - resourceTimeout: longest a whole request may take, in seconds.
    public init(requestTimeout: TimeInterval = 60, resourceTimeout: TimeInterval = 120, maxConnectionsPerHost: Int = HTTPClientChoice.connectionsPerHost) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = resourceTimeout
        configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: replay, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        var request = request
        var stream: InputStream?
        if let body = request.httpBody {
            // As a stream that ``BodyReplay`` can hand out again (a `Data` body is lost when
            // libcurl sends the request again); its length is not known to curl, so the body
            // goes chunked on HTTP/1.1.
            stream = replay.stream(of: body)
            request.httpBody = nil
            request.httpBodyStream = stream
        }
        defer {
            if let stream { replay.forget(stream) }
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return (data, http)
    }
}
