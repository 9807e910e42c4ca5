import AuthdeskConfig
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import GRDB
import Testing

/// The two stores the journal's and the audit log's tests run against: the SQLite journal in a
/// temporary folder, and the shared journal in a throwaway PostgreSQL cluster.
enum AuditStore: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The statements that lift the log's append-only triggers, to tamper with it as an intruder would.
    var dropTriggers: [String] {
        switch self {
        case .sqlite:
            ["auditNoUpdate", "auditNoDelete", "auditCheckpointNoUpdate", "auditCheckpointNoDelete"].map { "DROP TRIGGER \($0)" }
        case .postgres:
            ["audit_append_only ON audit", "audit_checkpoint_append_only ON audit_checkpoint"].map { "DROP TRIGGER \($0)" }
        }
    }

    /// A journal of this kind, open; `sql` runs a statement on it behind the log's back (for
    /// tampering), `text` is every byte the store holds about the log, to look for secrets in;
    /// `reopen` opens the same store again, as another process (or host `host`) would.
    struct Opened {
        let log: any JournalStorage
        let reopen: (_ host: String) async throws -> any JournalStorage
        let sql: (String) async throws -> Void
        let text: () async throws -> String
        let close: () async -> Void
    }

    /// Opens a fresh log, runs `body` on it, and removes it.
    func withLog(_ body: (Opened) async throws -> Void) async throws {
        let opened = try await open()
        do {
            try await body(opened)
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
    }

    private func open() async throws -> Opened {
        switch self {
        case .sqlite:
            let fixture = try JournalFixture()
            let journal = try fixture.open()
            return Opened(
                log: journal, reopen: { host in try Journal(url: fixture.url, host: host) },
                sql: { statement in try await DatabasePool(path: fixture.url.path).write { try $0.execute(sql: statement) } },
                text: {
                    try String(decoding: Data(contentsOf: fixture.url), as: UTF8.self)
                        + String(decoding: Data(contentsOf: URL(fileURLWithPath: fixture.url.path + "-wal")), as: UTF8.self)
                },
                close: { fixture.remove() })
        case .postgres:
            let cluster = try PostgresCluster.start()
            let folder = try JournalFixture()
            do {
                let url = try TeamJournalURL(cluster.url(), source: "test")
                let environment = ["PGPASSWORD": cluster.password]
                let database = try await TeamJournalDatabase.open(url, environment: environment)
                let others = Reopened()
                return Opened(
                    log: TeamJournal(database: database, localDirectory: folder.directory),
                    reopen: { host in
                        let other = try await TeamJournalDatabase.open(url, environment: environment)
                        others.add(other)
                        return TeamJournal(database: other, localDirectory: folder.directory, host: host)
                    },
                    sql: { statement in try cluster.psql(statement) },
                    text: { try cluster.psql("SELECT audit::text FROM audit") },
                    close: {
                        for other in others.all { await other.close() }
                        await database.close()
                        cluster.remove()
                        folder.remove()
                    })
            } catch {
                cluster.remove()
                folder.remove()
                throw error
            }
        }
    }
}
