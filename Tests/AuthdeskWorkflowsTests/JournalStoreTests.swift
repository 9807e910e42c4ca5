import AuthdeskJournal
import AuthdeskPostgresTesting
import Foundation
import Testing
@testable import AuthdeskWorkflows

/// A command's one use of the team journal ends its connections itself, whether what it ran
/// succeeded or failed: PostgreSQL sees them closed, not dropped when the process exits.
@Suite(.serialized, .timeLimit(.minutes(3))) struct JournalStoreTests {
    /// The clients' connections the server has, other than psql's own.
    static func connections(_ cluster: PostgresCluster) throws -> Int {
        let count = try cluster.psql(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")
        return Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func theTeamsConnectionsAreClosedAfterTheCommandsUseSucceedsOrFails() async throws {
        try await TwoTeamHosts.withCluster { cluster in
            let harness = try WorkflowHarness()
            defer { harness.remove() }
            var environment = harness.environment
            environment["AUTHDESK_JOURNAL_URL"] = cluster.url()
            environment["PGPASSWORD"] = cluster.password

            let open = try await JournalStore.using(config: nil, environment: environment) { journal in
                _ = try await journal.jobs()
                return try Self.connections(cluster)
            }
            #expect(open > 0, "the journal was read over its own connections")
            #expect(try Self.connections(cluster) == 0)

            await #expect(throws: JournalError.self) {
                try await JournalStore.using(config: nil, environment: environment) { journal in
                    try await journal.summary(of: JobID("no-such-job"))
                }
            }
            #expect(try Self.connections(cluster) == 0)
        }
    }
}
