import AuthdeskConfig
import NIOSSL
import PostgresNIO

/// libpq's sslmode as postgres-nio's TLS: prefer and require encrypt without checking the
/// certificate (as libpq does without a root certificate), verify-full checks the chain and the
/// host name (or IP address), against the CA file in PGSSLROOTCERT when set (a company's own CA),
/// else the system's CAs.
enum TeamJournalTLS {
    static func configuration(_ mode: TeamJournalURL.SSLMode, environment: [String: String]) -> TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return nil
        case .prefer, .require:
            tls.certificateVerification = .none
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            if let roots = environment["PGSSLROOTCERT"], !roots.isEmpty { tls.trustRoots = .file(roots) }
        }
        return tls
    }

    /// For one connection (the schema check at open).
    static func forConnection(_ mode: TeamJournalURL.SSLMode, environment: [String: String]) throws -> PostgresConnection.Configuration.TLS {
        guard let tls = configuration(mode, environment: environment) else { return .disable }
        let context = try NIOSSLContext(configuration: tls)
        return mode == .prefer ? .prefer(context) : .require(context)
    }

    /// For the pool of connections the journal works with.
    static func forClient(_ mode: TeamJournalURL.SSLMode, environment: [String: String]) -> PostgresClient.Configuration.TLS {
        guard let tls = configuration(mode, environment: environment) else { return .disable }
        return mode == .prefer ? .prefer(tls) : .require(tls)
    }
}
