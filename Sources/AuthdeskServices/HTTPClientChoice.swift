import Foundation

/// Which HTTP client carries the transport's requests: async-http-client by default (it carries
/// more requests a second beside URLSession on Linux; README, Benchmarks), URLSession (libcurl)
/// when `AUTHDESK_HTTP_CLIENT=urlsession`, a way back should a proxy or a TLS setup work with
/// curl alone. Anything else is refused with the values there are.
public enum HTTPClientChoice: String, Sendable, CaseIterable {
    case asyncHTTPClient = "async-http-client"
    case urlSession = "urlsession"

    /// The environment variable read.
    public static let variable = "AUTHDESK_HTTP_CLIENT"

    /// Connections open at once to one host, over HTTP/1.1 (HTTP/2 carries all on one): as many
    /// as a bulk run's default ceiling of users at once (32), so that a request of each can be
    /// on its way at once; with 8, planning's batches went out in waves of 8.
    public static let connectionsPerHost = 32

    /// The client `environment` asks for (the default when it asks for none).
    public static func from(_ environment: [String: String]) throws(ServiceError) -> HTTPClientChoice {
        guard let value = environment[variable]?.lowercased(), !value.isEmpty else { return .asyncHTTPClient }
        guard let choice = HTTPClientChoice(rawValue: value) else {
            throw ServiceError(
                kind: .badInput,
                message: "\(variable)=\(value) is not a client; valid: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// The process's loader for this client (one pool of connections for every transport).
    public var loader: any HTTPLoading {
        switch self {
        case .asyncHTTPClient: AsyncHTTPClientLoader.shared
        case .urlSession: URLSessionLoader.shared
        }
    }

    /// The loader the environment of this process asks for; an unknown value falls back to the
    /// default (``from(_:)`` refuses it where the command line can say so first).
    public static var processDefault: any HTTPLoading {
        ((try? from(ProcessInfo.processInfo.environment)) ?? .asyncHTTPClient).loader
    }
}
