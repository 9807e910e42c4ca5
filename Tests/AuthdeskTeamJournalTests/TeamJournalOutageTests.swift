import AuthdeskConfig
import AuthdeskJournal
import AuthdeskPostgresTesting
@testable import AuthdeskTeamJournal
import Foundation
import Testing

/// A team journal whose server stops: the access waiting for it is reported with the URL and
/// why; every access after asks the server first and fails at once (it does not wait in the
/// pool again) until the server is back, when accesses work again.
@Suite(.serialized) struct TeamJournalOutageTests {
    func failure(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func aStoppedServerIsReportedAndAccessesFailAtOnceUntilItIsBack() async throws {
        try await TwoTeamHosts.withCluster { cluster in
            let url = try TeamJournalURL(cluster.url(), source: "test")
            let database = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
            let leases = TeamLeases(database: database)
            #expect(try await leases.active().isEmpty)
            try await TwoTeamHosts.onItsOwnThread { try cluster.halt() }

            let first = await failure { _ = try await leases.active() }
            #expect(first.contains("PostgreSQL at \(url)"))
            // The pool's connection was cut: a statement on it fails at once, else the access
            // waits its patience and a new connection is refused.
            if !database.isLost { _ = await failure { _ = try await leases.active() } }
            #expect(database.isLost)

            let next = await failure { _ = try await leases.active() }
            #expect(next.contains("cannot reach PostgreSQL at \(url)"))
            #expect(!next.contains("no answer from the team journal"), "the access waited in the pool again")

            try await TwoTeamHosts.onItsOwnThread { try cluster.resume() }
            #expect(try await leases.active().isEmpty)
            #expect(!database.isLost)
            await database.close()
        }
    }
}
