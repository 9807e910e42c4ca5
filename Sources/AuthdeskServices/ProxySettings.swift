import Foundation

/// The proxy a request goes through, from `HTTPS_PROXY` / `HTTP_PROXY` and `NO_PROXY` (either
/// case), as curl and URLSession read them: async-http-client reads no environment itself, and a
/// jump host behind a corporate proxy must keep working whichever client carries the request.
/// Loopback addresses never go through a proxy.
public struct ProxySettings: Sendable, Equatable {
    /// Where a request goes instead of its host.
    public struct Server: Sendable, Equatable, Hashable {
        public var host: String
        public var port: Int
        /// `user:password` from the proxy URL, if any (never logged).
        public var user: String?
        public var password: String?
    }

    public var https: Server?
    public var http: Server?
    /// `NO_PROXY` entries, lower case, without a leading `*.` or `.`; `*` bypasses every host.
    public var bypass: [String]

    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            let found = environment[name.lowercased()] ?? environment[name.uppercased()]
            return found?.isEmpty == false ? found : nil
        }
        https = value("https_proxy").flatMap(Self.server)
        http = value("http_proxy").flatMap(Self.server)
        bypass = (value("no_proxy") ?? "").split(separator: ",").map { entry in
            var entry = entry.trimmingCharacters(in: .whitespaces).lowercased()
            if entry.hasPrefix("*.") { entry.removeFirst(2) } else if entry.hasPrefix(".") { entry.removeFirst() }
            return entry
        }.filter { !$0.isEmpty }
    }

    /// The proxy for `url`, or nil to connect directly.
    public func server(for url: URL) -> Server? {
        guard let host = url.host?.lowercased(), !Self.isLoopback(host) else { return nil }
        let server = url.scheme?.lowercased() == "https" ? https : http
        guard let server else { return nil }
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        for entry in bypass {
            if entry == "*" { return nil }
            let name = entry.split(separator: ":").first.map(String.init) ?? entry
            if bare == name || bare.hasSuffix("." + name) { return nil }
        }
        return server
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    /// `http://user:pass@proxy.example.net:3128` (or without a scheme) as a server; without a
    /// port, 80 (443 for an `https://` proxy URL).
    static func server(_ text: String) -> Server? {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            return nil
        }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        return Server(
            host: host, port: port, user: components.user?.removingPercentEncoding,
            password: components.password?.removingPercentEncoding)
    }
}
