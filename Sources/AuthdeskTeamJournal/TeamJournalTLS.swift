import AuthdeskConfig
import NIOSSL
import PostgresNIO

/// libpq's sslmode as postgres-nio's TLS: prefer and require encrypt without checking the
/// certificate (as libpq does), verify-full checks the chain against the system's CAs and the
/// host name.
enum TeamJournalTLS {
    static func configuration(_ mode: TeamJournalURL.SSLMode) -> TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return nil
        case .prefer, .require:
            tls.certificateVerification = .none
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        return tls
    }

    /// For one connection (the schema check at open).
    static func forConnection(_ mode: TeamJournalURL.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        guard let tls = configuration(mode) else { return .disable }
        let context = try NIOSSLContext(configuration: tls)
        return mode == .prefer ? .prefer(context) : .require(context)
    }

    /// For the pool of connections the journal works with.
    static func forClient(_ mode: TeamJournalURL.SSLMode) -> PostgresClient.Configuration.TLS {
        guard let tls = configuration(mode) else { return .disable }
        return mode == .prefer ? .prefer(tls) : .require(tls)
    }
}
