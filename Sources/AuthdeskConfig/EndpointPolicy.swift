import Foundation

/// The rule for service URLs: `https://` everywhere, plain `http://` on loopback only.
public enum EndpointPolicy {
    /// Whether `host` names this machine's loopback interface.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The URL in `text` checked as ``checkedURL(_:source:)`` does, or `fallback` when `text` is nil
    /// (the key or variable is not set).
    static func checkedURL(_ text: String?, source: String, or fallback: URL) throws(ConfigError) -> URL {
        guard let text else { return fallback }
        return try checkedURL(text, source: source)
    }

    /// Parses and checks a URL from `source` (a config key or variable name).
    public static func checkedURL(_ text: String, source: String) throws(ConfigError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else {
            throw ConfigError("\(source): '\(text)' is not an absolute URL such as https://login.microsoftonline.com")
        }
        switch scheme {
        case "https":
            return url
        case "http" where isLoopback(host):
            return url
        case "http":
            throw ConfigError(
                "\(source): '\(text)' uses plain http:// for a host that is not loopback; use https:// "
                    + "(http:// is accepted only for 127.0.0.1, localhost and ::1)")
        default:
            throw ConfigError("\(source): '\(text)' must start with https://")
        }
    }

    /// The root URL of an Auth0 tenant from its domain: `https://` unless the domain is a
    /// loopback address (the sandbox), or the domain is already a URL.
    public static func auth0Root(domain: String, source: String) throws(ConfigError) -> URL {
        if domain.contains("://") { return try checkedURL(domain, source: source) }
        let host = domain.split(separator: ":").first.map(String.init) ?? domain
        let scheme = isLoopback(host) ? "http" : "https"
        return try checkedURL("\(scheme)://\(domain)", source: source)
    }
}
