import AuthdeskConfig
import AuthdeskTeamJournal
import Foundation

/// Two "hosts" on one throwaway PostgreSQL server: a fresh cluster and two handles on its team
/// database (two pools, as two authdesk processes have), closed and removed after the test. The
/// cluster starts and stops on a thread of its own: `initdb` and `pg_ctl` take seconds, and
/// waiting for them on one of the few threads the tests' tasks share would stall every other test.
/// One cluster of these at a time in the process: a dozen servers started at once on a small
/// machine starve the other tests running beside them.
public enum TwoTeamHosts {
    /// Runs `body` with the two hosts' databases (schema migrated).
    public static func run(_ body: (TeamJournalDatabase, TeamJournalDatabase) async throws -> Void) async throws {
        try await withCluster { cluster in
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

    /// Runs `body` with a fresh cluster, started and removed off the tasks' shared threads.
    public static func withCluster(_ body: (PostgresCluster) async throws -> Void) async throws {
        await turns.take()
        do {
            try await withOwnCluster(body)
        } catch {
            await turns.give()
            throw error
        }
        await turns.give()
    }

    private static let turns = Turns()

    private static func withOwnCluster(_ body: (PostgresCluster) async throws -> Void) async throws {
        let cluster = try await onItsOwnThread { try PostgresCluster.start() }
        do {
            try await body(cluster)
        } catch {
            _ = try? await onItsOwnThread { cluster.remove() }
            throw error
        }
        try await onItsOwnThread { cluster.remove() }
    }

    /// `work`'s result, run on a thread of its own (the cluster's programs block for seconds).
    public static func onItsOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// Who may start a cluster next: one at a time, the others waiting in order.
private actor Turns {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func take() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
