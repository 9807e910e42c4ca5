import AsyncHTTPClient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NIOCore
import NIOHTTP1
import Synchronization

/// ``HTTPLoading`` over async-http-client (SwiftNIO): a pool of connections per host (HTTP/2
/// where the service offers it), TLS verified against the system's roots, the same time-outs as
/// ``URLSessionLoader``, `HTTPS_PROXY`/`NO_PROXY` honoured (``ProxySettings``), redirects
/// followed. Failures come back as the `URLError` codes the transport decides retries on
/// (``AsyncHTTPClientErrors``).
public final class AsyncHTTPClientLoader: HTTPLoading {
    /// The process's loader: one pool of connections shared by every tenant and credential.
    public static let shared = AsyncHTTPClientLoader()

    /// The largest answer read (a page of users or methods is a few hundred kilobytes at most).
    static let maximumBody = 64 * 1024 * 1024

    private let direct: HTTPClient
    /// One client per proxy server met (normally none or one), made on first use.
    private let proxied: Mutex<[ProxySettings.Server: HTTPClient]>
    private let configuration: HTTPClient.Configuration
    private let proxies: ProxySettings
    private let resourceTimeout: TimeAmount

    /// - Parameters:
    ///   - requestTimeout: longest wait to connect or for data on a request, in seconds.
    ///   - resourceTimeout: longest a whole request may take, in seconds.
    ///   - environment: where `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are read.
    public init(
        requestTimeout: TimeInterval = 60, resourceTimeout: TimeInterval = 120, maxConnectionsPerHost: Int = HTTPClientChoice.connectionsPerHost,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let wait = TimeAmount.nanoseconds(Int64(requestTimeout * 1_000_000_000))
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: wait, read: wait),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maxConnectionsPerHost),
            decompression: .disabled)
        configuration.httpVersion = .automatic
        // A refused or failed connection fails its request at once, as with URLSession: the
        // transport decides the retries (by default the pool would try again until the connect
        // time-out, a minute, before saying anything).
        configuration.connectionPool.retryConnectionEstablishment = false
        self.configuration = configuration
        direct = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        proxied = Mutex([:])
        proxies = ProxySettings(environment: environment)
        self.resourceTimeout = .nanoseconds(Int64(resourceTimeout * 1_000_000_000))
    }

    deinit {
        let clients = [direct] + proxied.withLock { Array($0.values) }
        for client in clients {
            client.shutdown { _ in }
        }
    }

    public func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        guard let url = request.url else { throw URLError(.badURL) }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.httpMethod ?? "GET")
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            outgoing.headers.replaceOrAdd(name: name, value: value)
        }
        if let body = request.httpBody {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await client(for: url).execute(outgoing, timeout: resourceTimeout)
            var buffer = try await response.body.collect(upTo: Self.maximumBody)
            let data = buffer.readBytes(length: buffer.readableBytes).map { Data($0) } ?? Data()
            var fields: [String: String] = [:]
            for (name, value) in response.headers {
                fields[name] = fields[name].map { "\($0), \(value)" } ?? value
            }
            guard let http = HTTPURLResponse(
                url: response.url ?? url, statusCode: Int(response.status.code), httpVersion: "HTTP/1.1",
                headerFields: fields)
            else { throw URLError(.badServerResponse) }
            return (data, http)
        } catch {
            throw AsyncHTTPClientErrors.urlError(error)
        }
    }

    private func client(for url: URL) -> HTTPClient {
        guard let server = proxies.server(for: url) else { return direct }
        return proxied.withLock { clients in
            if let client = clients[server] { return client }
            var configuration = configuration
            let authorization = server.user.map { HTTPClient.Authorization.basic(username: $0, password: server.password ?? "") }
            configuration.proxy = .server(host: server.host, port: server.port, authorization: authorization)
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[server] = client
            return client
        }
    }
}
