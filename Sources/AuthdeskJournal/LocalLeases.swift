import Foundation
import GRDB
import Synchronization

/// Leases on users kept in this host's state folder (`leases.sqlite`, beside the journal), for
/// one operator without a team journal: two authdesk processes on one host (a bulk job in one
/// terminal, the console in another) keep apart as two hosts do in team mode. The same rules as
/// the team's leases: one upsert decides, a lease not renewed lapses (this host's clock, shared
/// by every holder here). Kept out of the journal's own file so that its schema stays the jobs'.
public final class LocalLeases: UserLeasing {
    let queue: DatabaseQueue
    /// The database file.
    public let url: URL
    let now: @Sendable () -> Date

    /// Opens (creating if needed) the leases at `url`.
    public init(url: URL, now: @escaping @Sendable () -> Date = { Date() }) throws(JournalError) {
        var configuration = Configuration()
        configuration.label = "authdesk.leases"
        configuration.busyMode = .timeout(10)
        // A lease lives seconds and is renewed: one lost to a power cut costs nothing, so commits
        // need not reach the disk (WAL, synchronous NORMAL), which keeps a bulk job's two lease
        // writes a user far cheaper than its journal's durable ones.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.url = url
        self.now = now
        do {
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS userLease (
                            tenant TEXT NOT NULL, userID TEXT NOT NULL, token TEXT NOT NULL, operatorName TEXT NOT NULL,
                            host TEXT NOT NULL, pid INTEGER NOT NULL, ticket TEXT, since DOUBLE NOT NULL,
                            expiresAt DOUBLE NOT NULL, PRIMARY KEY (tenant, userID))
                        """)
            }
        } catch {
            throw .storage("cannot open \(url.path): \(error)")
        }
    }

    /// The leases of the state folder `directory`, opened once per process and folder.
    public static func shared(in directory: StateDirectory) throws(JournalError) -> LocalLeases {
        let url = directory.url.appendingPathComponent("leases.sqlite", isDirectory: false)
        if let open = opened.withLock({ $0[url.path] }) { return open }
        do {
            try directory.create()
        } catch {
            throw .storage(error.description)
        }
        let leases = try LocalLeases(url: url)
        return opened.withLock { open in
            if let first = open[url.path] { return first }
            open[url.path] = leases
            return leases
        }
    }

    private static let opened = Mutex<[String: LocalLeases]>([:])

    public func acquire(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> UserLeaseOutcome {
        let at = now().timeIntervalSince1970
        let until = at + Self.seconds(duration)
        return try await queue.write { db in
            try db.executeCached(
                """
                    INSERT INTO userLease (tenant, userID, token, operatorName, host, pid, ticket, since, expiresAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant, userID) DO UPDATE SET
                        token = excluded.token, operatorName = excluded.operatorName, host = excluded.host, pid = excluded.pid,
                        ticket = excluded.ticket, expiresAt = excluded.expiresAt,
                        since = CASE WHEN userLease.token = excluded.token THEN userLease.since ELSE excluded.since END
                    WHERE userLease.token = excluded.token OR userLease.expiresAt <= ?
                    """,
                [
                    key.tenant, key.userID, holder.token, holder.operatorName, holder.host, Int(holder.pid), holder.ticket, at,
                    until, at,
                ])
            // The same transaction: the row is the asker's (taken) or another's (refused).
            guard let lease = try Self.fetch(db, "tenant = ? AND userID = ?", [key.tenant, key.userID]).first else {
                throw JournalError.storage("the lease on \(key.tenant)/\(key.userID) vanished while taken")
            }
            return lease.holder.token == holder.token ? .granted(lease) : .heldByAnother(lease)
        }
    }

    public func renew(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> Bool {
        let until = now().timeIntervalSince1970 + Self.seconds(duration)
        return try await queue.write { db in
            try db.executeCached(
                "UPDATE userLease SET expiresAt = ? WHERE tenant = ? AND userID = ? AND token = ?",
                [until, key.tenant, key.userID, holder.token])
            return db.changesCount > 0
        }
    }

    public func release(_ key: UserLease.Key, as holder: UserLease.Holder) async throws {
        try await queue.write { db in
            try db.executeCached(
                "DELETE FROM userLease WHERE tenant = ? AND userID = ? AND token = ?", [key.tenant, key.userID, holder.token])
        }
    }

    public func lease(on key: UserLease.Key) async throws -> UserLease? {
        let at = now().timeIntervalSince1970
        return try await queue.read { db in
            try Self.fetch(db, "tenant = ? AND userID = ? AND expiresAt > ?", [key.tenant, key.userID, at]).first
        }
    }

    public func active() async throws -> [UserLease] {
        let at = now().timeIntervalSince1970
        return try await queue.read { db in
            try Self.fetch(db, "expiresAt > ? ORDER BY since, tenant, userID", [at])
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func fetch(_ db: Database, _ condition: String, _ arguments: StatementArguments) throws -> [UserLease] {
        // Cached by its text: a bulk run asks the same condition for every user.
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT tenant, userID, token, operatorName, host, pid, ticket, since, expiresAt FROM userLease WHERE " + condition),
            arguments: arguments
        ).map { row in
            UserLease(
                key: .init(tenant: row["tenant"], userID: row["userID"]),
                holder: .init(
                    token: row["token"], operatorName: row["operatorName"], host: row["host"], pid: Int32(row["pid"] as Int),
                    ticket: row["ticket"]),
                since: Date(timeIntervalSince1970: row["since"]), expiresAt: Date(timeIntervalSince1970: row["expiresAt"]))
        }
    }
}
