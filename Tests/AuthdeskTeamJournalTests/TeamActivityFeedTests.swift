import AuthdeskConfig
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// The live activity feed against a real PostgreSQL server: what another process does in the
/// shared journal (a lease taken, renewed, released; an audit entry; a job created and moved)
/// arrives as events, in order, with names and ids only; a renewal and a write that does not
/// change a job's state say nothing.
@Suite(.serialized) struct TeamActivityFeedTests {
    /// The next `count` events of `feed`, or a failure after `seconds` (a guard, not a wait:
    /// the events arrive in milliseconds).
    func next(_ count: Int, of feed: TeamActivityFeed, within seconds: Int = 20) async throws -> [TeamActivityEvent] {
        try await withThrowingTaskGroup(of: [TeamActivityEvent]?.self) { group in
            group.addTask {
                var events: [TeamActivityEvent] = []
                for await event in feed.events {
                    events.append(event)
                    if events.count == count { break }
                }
                return events
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return try #require(first, "fewer than \(count) events within \(seconds) s")
        }
    }

    @Test func anotherProcesssChangesArriveInOrderWithNamesOnly() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let url = try TeamJournalURL(
            "postgresql://\(PostgresCluster.user)@127.0.0.1:\(cluster.port)/\(PostgresCluster.database)?sslmode=disable", source: "test")
        let environment = ["PGPASSWORD": cluster.password]
        let database = try await TeamJournalDatabase.open(url, environment: environment)
        await database.close()
        let feed = try await TeamActivityFeed.open(url, environment: environment)
        // psql is another process, as another host would be.
        try cluster.psql("""
            INSERT INTO user_lease (tenant, user_id, token, operator_name, host, pid, ticket, since, expires_at)
            VALUES ('contoso', 'u-adele', 'token-1', 'bob@jump-2', 'jump-2', 42, 'INC-9', now(), now() + interval '1 minute')
            """)
        try cluster.psql("UPDATE user_lease SET expires_at = now() + interval '2 minutes' WHERE token = 'token-1'")
        try cluster.psql("""
            INSERT INTO audit (at, operator_name, tenant, user_id, action, target, outcome, detail, job_id)
            VALUES (now(), 'bob@jump-2', 'contoso', 'u-adele', 'delete method', 'Mobile phone', 'succeeded',
                    'TAP 8Xk2-secret-ish detail', 'job-1')
            """)
        try cluster.psql("DELETE FROM user_lease WHERE token = 'token-1'")
        try cluster.psql("""
            INSERT INTO job (id, created_at, operator_name, policy, state, updated_at)
            VALUES ('job-1', now(), 'bob@jump-2', 'portal', 'planned', now())
            """)
        try cluster.psql("UPDATE job SET updated_at = now() WHERE id = 'job-1'")
        try cluster.psql("UPDATE job SET state = 'running' WHERE id = 'job-1'")
        let events = try await next(5, of: feed)
        await feed.close()
        #expect(events.map(\.kind) == [.leaseTaken, .audit, .leaseReleased, .job, .job])
        #expect(events[0].line == "lease taken  contoso  u-adele  bob@jump-2 (jump-2)")
        #expect(events[1].line == "delete method  succeeded  contoso  u-adele  job job-1  bob@jump-2")
        #expect(events[2].host == "jump-2" && events[2].user == "u-adele")
        #expect(events.map(\.state) == [nil, nil, nil, "planned", "running"])
        #expect(events.allSatisfy { abs($0.at.timeIntervalSinceNow) < 120 })
        let payloads = try cluster.psql("SELECT count(*) FROM audit WHERE detail LIKE '%secret-ish%'")
        #expect(payloads.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "the detail is stored, and no event carries it")
        #expect(!events.contains { "\($0)".contains("secret-ish") })
    }

    @Test func aPayloadThatIsNotOursIsIgnored() {
        #expect(TeamActivityEvent(payload: "hello") == nil)
        #expect(TeamActivityEvent(payload: #"{"kind":"coffee","at":1}"#) == nil)
        let event = TeamActivityEvent(payload: #"{"kind":"job","job":"j","state":"paused","operator":null,"at":1790000000000}"#)
        #expect(event?.line == "job j is paused")
        #expect(event?.at == Date(timeIntervalSince1970: 1_790_000_000))
    }
}
