import AuthdeskConfig
import NIOSSL
import PostgresNIO

/// The shared journal cannot be used: what PostgreSQL (or the network) said, with the journal's
/// URL (which never holds the password) and the SQLSTATE code when the server gave one.
public struct TeamJournalError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// PostgreSQL's SQLSTATE, when the server answered (28P01: wrong password, 3D000: no such database).
    public var sqlState: String?

    public init(_ message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String { message }

    /// Turns a postgres-nio error into a message an operator can act on. PSQLError's own
    /// description is deliberately empty; its server fields are what the server said.
    static func describing(_ error: any Error, at url: TeamJournalURL) -> TeamJournalError {
        if let known = error as? TeamJournalError { return known }
        if let transaction = error as? PostgresTransactionError,
            let cause = transaction.closureError ?? transaction.beginError ?? transaction.commitError
        {
            return describing(cause, at: url)
        }
        guard let failure = error as? PSQLError else { return TeamJournalError("the shared journal at \(url): \(error)") }
        switch failure.code {
        case .server:
            let state = failure.serverInfo?[.sqlState]
            let said = failure.serverInfo?[.message] ?? "an error"
            var message = "PostgreSQL at \(url) refused: \(said) (SQLSTATE \(state ?? "unknown"))"
            if state == "28P01" || state == "28000" {
                message += "; the password comes from PGPASSWORD or ~/.pgpass (host:port:database:user:password)"
            }
            return TeamJournalError(message, sqlState: state)
        case .sslUnsupported:
            return TeamJournalError(
                "PostgreSQL at \(url) does not offer TLS, and sslmode=\(url.sslMode.rawValue) requires it; "
                    + "enable ssl on the server, or (on a trusted network only) use sslmode=prefer or disable")
        case .authMechanismRequiresPassword:
            return TeamJournalError(
                "PostgreSQL at \(url) asks for a password and none was found: set PGPASSWORD or add a line to ~/.pgpass "
                    + "(host:port:database:user:password, mode 600)")
        case .connectionError, .failedToAddSSLHandler, .serverClosedConnection, .uncleanShutdown:
            if let tls = failure.underlying, tls is NIOSSLError || tls is NIOSSLExtraError || tls is BoringSSLError {
                return TeamJournalError(
                    "the TLS handshake with PostgreSQL at \(url) failed: \(tls); sslmode=verify-full checks the server's "
                        + "certificate against the CA file in PGSSLROOTCERT (else the system's CAs) and the host name or address")
            }
            let cause = failure.underlying.map { ": \($0)" } ?? ""
            return TeamJournalError("cannot reach PostgreSQL at \(url)\(cause)")
        default:
            return TeamJournalError("PostgreSQL at \(url): \(failure.code)")
        }
    }
}
