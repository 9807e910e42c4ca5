import AuthdeskConfig
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// Opening the shared journal against a real PostgreSQL server (a throwaway cluster per test):
/// the schema is made and migrated once whoever opens it, and every refusal says what PostgreSQL
/// said and what to do, never the password.
@Suite(.serialized) struct TeamJournalDatabaseTests {
    func withCluster(_ body: (PostgresCluster) async throws -> Void) async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        try await body(cluster)
    }

    func url(_ cluster: PostgresCluster, database: String = PostgresCluster.database, sslMode: String = "disable") throws -> TeamJournalURL {
        try TeamJournalURL(
            "postgresql://\(PostgresCluster.user)@127.0.0.1:\(cluster.port)/\(database)?sslmode=\(sslMode)", source: "test")
    }

    func refusal(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "no error"
        } catch let error as TeamJournalError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func makesTheSchemaOnceWhoeverOpensIt() async throws {
        try await withCluster { cluster in
            let environment = ["PGPASSWORD": cluster.password]
            // Two hosts opening an empty database at the same moment: the advisory lock lets one migrate.
            async let first = TeamJournalDatabase.open(try url(cluster), environment: environment)
            async let second = TeamJournalDatabase.open(try url(cluster), environment: environment)
            let (one, two) = try await (first, second)
            let names = try await one.migrations()
            #expect(names == [
                "v1: jobs, users, steps, kept methods, audit with its hash chain and checkpoints", "v2: leases on users",
                "v3: the host that created or last ran each job, kept methods in plan order",
                "v4: jobs awaiting approval (four eyes)",
                "v5: live activity: notifications on leases, audit entries and job states",
                "v6: the registry of the hosts' signing keys, and each checkpoint's signer",
            ])
            await one.close()
            await two.close()
            let again = try await TeamJournalDatabase.open(try url(cluster), environment: environment)
            await again.close()
            let tables = try cluster.psql(
                "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")
            #expect(tables.trimmingCharacters(in: .whitespacesAndNewlines)
                == "audit,audit_chain,audit_checkpoint,audit_signer,authdesk_migration,job,job_step,job_user,kept_method,user_lease")
            #expect(try cluster.psql("SELECT count(*) FROM authdesk_migration").trimmingCharacters(in: .whitespacesAndNewlines) == "6")
            #expect(try cluster.psql("SELECT legacy_through FROM audit_chain").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }
    }

    @Test func theAuditLogAndItsCheckpointsAreAppendOnly() async throws {
        try await withCluster { cluster in
            let database = try await TeamJournalDatabase.open(try url(cluster), environment: ["PGPASSWORD": cluster.password])
            await database.close()
            try cluster.psql(
                "INSERT INTO audit (at, tenant, user_id, action, outcome) VALUES (now(), 'contoso', 'u-1', 'deleteMethod', 'succeeded')")
            try cluster.psql("INSERT INTO audit_checkpoint (entry_id, hash, signature, at) VALUES (1, 'h', 's', now())")
            for sql in [
                "UPDATE audit SET outcome = 'failed'", "DELETE FROM audit", "TRUNCATE audit",
                "UPDATE audit_checkpoint SET hash = 'x'", "DELETE FROM audit_checkpoint",
            ] {
                #expect(throws: PostgresClusterError.self) { try cluster.psql(sql) }
            }
            #expect(try cluster.psql("SELECT count(*) FROM audit").trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            let said = (try? cluster.psql("DELETE FROM audit")) == nil
            #expect(said)
        }
    }

    @Test func refusesADatabaseMigratedByANewerAuthdesk() async throws {
        try await withCluster { cluster in
            try cluster.psql("CREATE TABLE authdesk_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz)")
            try cluster.psql("INSERT INTO authdesk_migration (version, name) VALUES (99, 'from the future')")
            let message = await refusal { _ = try await TeamJournalDatabase.open(try url(cluster), environment: ["PGPASSWORD": cluster.password]) }
            #expect(message.contains("the shared journal is at schema version 99, made by a newer authdesk"))
            #expect(message.contains("upgrade authdesk on this host"))
            #expect(try cluster.psql("SELECT count(*) FROM pg_tables WHERE tablename = 'job'").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }
    }

    @Test func saysWhatPostgresSaidAndNeverThePassword() async throws {
        try await withCluster { cluster in
            let wrong = await refusal { _ = try await TeamJournalDatabase.open(try url(cluster), environment: ["PGPASSWORD": "hunter2-wrong"]) }
            #expect(wrong.contains("PostgreSQL at postgresql://authdesk@127.0.0.1:\(cluster.port)/authdesk?sslmode=disable refused:"))
            #expect(wrong.contains("password authentication failed"))
            #expect(wrong.contains("SQLSTATE 28P01"))
            #expect(wrong.contains("PGPASSWORD or ~/.pgpass"))
            #expect(!wrong.contains("hunter2"))

            let none = await refusal {
                _ = try await TeamJournalDatabase.open(try url(cluster), environment: ["PGPASSFILE": "/nonexistent/pgpass"])
            }
            #expect(none.contains("asks for a password and none was found: set PGPASSWORD or add a line to ~/.pgpass"))

            let missing = await refusal {
                _ = try await TeamJournalDatabase.open(try url(cluster, database: "nope"), environment: ["PGPASSWORD": cluster.password])
            }
            #expect(missing.contains("database \"nope\" does not exist"))
            #expect(missing.contains("SQLSTATE 3D000"))

            let tls = await refusal {
                _ = try await TeamJournalDatabase.open(try url(cluster, sslMode: "require"), environment: ["PGPASSWORD": cluster.password])
            }
            #expect(tls.contains("does not offer TLS, and sslmode=require requires it"))

            // prefer falls back to plain text on a server without TLS, as libpq does.
            let preferred = try await TeamJournalDatabase.open(try url(cluster, sslMode: "prefer"), environment: ["PGPASSWORD": cluster.password])
            await preferred.close()
        }
    }

    @Test func saysWhenTheServerCannotBeReached() async throws {
        let cluster = try PostgresCluster.start()
        let closed = try url(cluster)
        cluster.remove()
        let message = await refusal { _ = try await TeamJournalDatabase.open(closed, environment: ["PGPASSWORD": "x"]) }
        #expect(message.hasPrefix("cannot reach PostgreSQL at postgresql://authdesk@127.0.0.1:\(cluster.port)/authdesk?sslmode=disable"))
    }
}
