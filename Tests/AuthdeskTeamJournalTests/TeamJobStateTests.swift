import AuthdeskConfig
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Testing

/// The shared journal's job table takes the state `awaiting-approval` once migrated (its CHECK
/// widened by an appended migration), and still refuses a state authdesk does not know.
@Suite(.serialized) struct TeamJobStateTests {
    @Test func aJobMayAwaitApprovalAndNoUnknownState() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let url = try TeamJournalURL(
            "postgresql://\(PostgresCluster.user)@127.0.0.1:\(cluster.port)/\(PostgresCluster.database)?sslmode=disable", source: "test")
        let database = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        #expect(try await database.migrations().contains("v4: jobs awaiting approval (four eyes)"))
        await database.close()
        try cluster.psql("""
            INSERT INTO job (id, created_at, policy, state, updated_at)
            VALUES ('job-held', now(), 'portal', 'awaiting-approval', now())
            """)
        #expect(try cluster.psql("SELECT state FROM job").trimmingCharacters(in: .whitespacesAndNewlines) == "awaiting-approval")
        #expect(throws: PostgresClusterError.self) { try cluster.psql("UPDATE job SET state = 'approved'") }
    }
}
