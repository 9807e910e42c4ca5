import Foundation

/// Where a Graph tenant's services are: the Entra sign-in authority and the Graph v1.0 and beta
/// bases (Microsoft's, or the sandbox's on loopback).
public struct GraphEndpoints: Sendable, Hashable {
    /// `https://login.microsoftonline.com`.
    public var authority: URL
    /// `https://graph.microsoft.com/v1.0`.
    public var graph: URL
    /// `https://graph.microsoft.com/beta`.
    public var graphBeta: URL

    public init(authority: URL, graph: URL, graphBeta: URL) {
        self.authority = authority
        self.graph = graph
        self.graphBeta = graphBeta
    }

    /// From a Graph root without version (`https://graph.microsoft.com`): `/v1.0` and `/beta` under it.
    public init(authority: URL, graphRoot: URL) {
        self.init(
            authority: authority,
            graph: graphRoot.appending(path: "v1.0", directoryHint: .notDirectory),
            graphBeta: graphRoot.appending(path: "beta", directoryHint: .notDirectory))
    }

    /// Whether `url` is on the same scheme, host and port as the Graph bases: only such URLs
    /// (next links, operation locations) get the bearer token.
    public func isGraphURL(_ url: URL) -> Bool {
        [graph, graphBeta].contains { base in
            url.scheme?.lowercased() == base.scheme?.lowercased()
                && url.host?.lowercased() == base.host?.lowercased()
                && (url.port ?? GraphEndpoints.defaultPort(url.scheme)) == (base.port ?? GraphEndpoints.defaultPort(base.scheme))
        }
    }

    /// `base` + path segments (each percent-encoded) + query items (values percent-encoded).
    static func url(_ base: URL, _ segments: [String], query: [(String, String)] = []) -> URL? {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        for segment in segments { text += "/" + HTTPRequest.formEncode(segment) }
        if !query.isEmpty {
            text += "?" + query.map { "\($0.0)=\(HTTPRequest.formEncode($0.1))" }.joined(separator: "&")
        }
        return URL(string: text)
    }

    private static func defaultPort(_ scheme: String?) -> Int? {
        switch scheme?.lowercased() {
        case "https": 443
        case "http": 80
        default: nil
        }
    }
}
