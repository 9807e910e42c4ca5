import AuthdeskConfig
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import PostgresNIO
import Testing

/// sslmode against a real server that speaks TLS with a certificate from a test CA for the name
/// localhost: require encrypts, verify-full also checks the chain (PGSSLROOTCERT) and the name.
@Suite(.serialized) struct TeamJournalTLSTests {
    func encrypted(_ database: TeamJournalDatabase) async throws -> Bool {
        var answers: [Bool] = []
        for try await ssl in try await database.client.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").decode(Bool.self) {
            answers.append(ssl)
        }
        #expect(answers.count == 1)
        return answers.first == true
    }

    func open(_ cluster: PostgresCluster, host: String = "127.0.0.1", sslMode: String, roots: Bool) async throws -> TeamJournalDatabase {
        var environment = ["PGPASSWORD": cluster.password]
        if roots, let authority = cluster.certificates?.authority { environment["PGSSLROOTCERT"] = authority.path }
        return try await TeamJournalDatabase.open(
            try TeamJournalURL(cluster.url(host: host, sslMode: sslMode), source: "test"), environment: environment)
    }

    @Test func eachSSLModeDoesWhatLibpqDoes() async throws {
        let cluster = try PostgresCluster.start(tls: true)
        defer { cluster.remove() }
        for (mode, host, roots, expected) in [
            ("disable", "127.0.0.1", false, false), ("prefer", "127.0.0.1", false, true), ("require", "127.0.0.1", false, true),
            ("verify-full", "localhost", true, true),
        ] {
            let database = try await open(cluster, host: host, sslMode: mode, roots: roots)
            let ssl = try await encrypted(database)
            await database.close()
            #expect(ssl == expected, "sslmode=\(mode)")
        }
    }

    @Test func verifyFullRefusesAnUntrustedCertificateOrAnotherName() async throws {
        let cluster = try PostgresCluster.start(tls: true)
        defer { cluster.remove() }
        // An untrusted CA; then the trusted CA but an address the certificate does not name.
        for (host, roots) in [("localhost", false), ("127.0.0.1", true)] {
            do {
                let database = try await open(cluster, host: host, sslMode: "verify-full", roots: roots)
                await database.close()
                Issue.record("verify-full accepted \(host) with roots \(roots)")
            } catch let error as TeamJournalError {
                #expect(error.message.hasPrefix("the TLS handshake with PostgreSQL at postgresql://authdesk@\(host):\(cluster.port)"))
                #expect(error.message.contains("PGSSLROOTCERT"))
            }
        }
    }
}
