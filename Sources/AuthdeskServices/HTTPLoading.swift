import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The one thing the transport needs from an HTTP client: send a request, get the answer.
/// ``AsyncHTTPClientLoader`` and ``URLSessionLoader`` are the real ones (``HTTPClientChoice``
/// picks); tests script answers through their own.
public protocol HTTPLoading: Sendable {
    func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse)
}
