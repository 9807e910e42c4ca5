import AuthdeskConfig
import AuthdeskTeamJournal

/// Two "hosts" on one throwaway PostgreSQL server: a fresh cluster and two handles on its team
/// database (two pools, as two authdesk processes have), closed and removed after the test.
public enum TwoTeamHosts {
    /// Runs `body` with the two hosts' databases (schema migrated).
    public static func run(_ body: (TeamJournalDatabase, TeamJournalDatabase) async throws -> Void) async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let url = try TeamJournalURL(cluster.url(), source: "test")
        let one = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        let two = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
        do {
            try await body(one, two)
        } catch {
            await one.close()
            await two.close()
            throw error
        }
        await one.close()
        await two.close()
    }
}
