import Foundation

/// Where a team keeps its shared journal: a PostgreSQL URL, checked before anything connects.
///
/// `postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=MODE]`. The password is never part of it (it
/// comes from PGPASSWORD or ~/.pgpass), so the URL can be shown in messages and logs as it is.
public struct TeamJournalURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS: the libpq modes authdesk supports (libpq's default is prefer).
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public static let defaultPort = 5432
    static let valid = "postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-full]"

    public let user: String
    public let host: String
    public let port: Int
    public let database: String
    public let sslMode: SSLMode

    /// Parses and checks `text`; `source` says where it came from, for the message.
    public init(_ text: String, source: String) throws(ConfigError) {
        func refuse(_ why: String) -> ConfigError {
            ConfigError("\(source): \(why); a journal URL is \(Self.valid)")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme else {
            throw refuse("'\(text)' is not a URL")
        }
        guard scheme == "postgresql" || scheme == "postgres" else {
            throw refuse("the scheme '\(scheme)' is not postgresql")
        }
        if components.password != nil {
            throw refuse("the URL holds a password; give it in PGPASSWORD or ~/.pgpass instead, never in the configuration")
        }
        guard let user = components.user, !user.isEmpty else { throw refuse("the URL names no user (USER@HOST)") }
        // Foundation keeps an IPv6 address's brackets in `host`; the address itself is what connects.
        guard let bracketed = components.host, !bracketed.isEmpty else { throw refuse("the URL names no host") }
        let host = bracketed.hasPrefix("[") && bracketed.hasSuffix("]") ? String(bracketed.dropFirst().dropLast()) : bracketed
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw refuse("the URL names no database (/DATABASE)") }
        if let port = components.port, !(1...65535).contains(port) { throw refuse("the port \(port) is not 1-65535") }
        if components.fragment != nil { throw refuse("the URL has a fragment (#...)") }
        var mode = SSLMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else { throw refuse("the parameter '\(item.name)' is not supported (only sslmode)") }
            guard let value = item.value, let parsed = SSLMode(rawValue: value) else {
                throw refuse("sslmode '\(item.value ?? "")' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mode = parsed
        }
        self.user = user
        self.host = host
        self.port = components.port ?? Self.defaultPort
        self.database = database
        self.sslMode = mode
    }

    /// The URL in its normal form (scheme postgresql, port and sslmode written out); no secret in it.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)@\(shownHost):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
    }
}
