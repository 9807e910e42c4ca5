import AuthdeskJournal
import Foundation
import PostgresNIO

/// Leases on users in the shared journal. One statement decides each request (an upsert that
/// takes the row only when it is free, lapsed or already the asker's), so two hosts asking at
/// once cannot both win; times are the server's, so hosts' clocks do not matter.
public struct TeamLeases: UserLeasing {
    public let database: TeamJournalDatabase

    public init(database: TeamJournalDatabase) {
        self.database = database
    }

    /// Takes (or renews, when it is already `holder`'s) the lease on `key` for `duration`.
    public func acquire(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> UserLeaseOutcome {
        let seconds = Self.seconds(duration)
        for _ in 0..<3 {
            let taken = try await rows(
                """
                INSERT INTO user_lease (tenant, user_id, token, operator_name, host, pid, ticket, since, expires_at)
                VALUES (\(key.tenant), \(key.userID), \(holder.token), \(holder.operatorName), \(holder.host), \(holder.pid),
                    \(holder.ticket), now(), now() + make_interval(secs => \(seconds)))
                ON CONFLICT (tenant, user_id) DO UPDATE SET
                    token = EXCLUDED.token, operator_name = EXCLUDED.operator_name, host = EXCLUDED.host, pid = EXCLUDED.pid,
                    ticket = EXCLUDED.ticket, expires_at = EXCLUDED.expires_at,
                    since = CASE WHEN user_lease.token = EXCLUDED.token THEN user_lease.since ELSE EXCLUDED.since END
                WHERE user_lease.token = EXCLUDED.token OR user_lease.expires_at <= now()
                RETURNING \(unescaped: Self.columns)
                """)
            if let lease = taken.first { return .granted(lease) }
            // Held by another: say by whom (unless it was released in between: ask again).
            if let held = try await lease(on: key) { return .heldByAnother(held) }
        }
        throw TeamJournalError("the lease on \(key.tenant)/\(key.userID) changed hands three times while asked for; try again")
    }

    /// Extends `holder`'s lease on `key`; false when it is no longer theirs (lapsed and taken).
    public func renew(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> Bool {
        let renewed = try await rows(
            """
            UPDATE user_lease SET expires_at = now() + make_interval(secs => \(Self.seconds(duration)))
            WHERE tenant = \(key.tenant) AND user_id = \(key.userID) AND token = \(holder.token)
            RETURNING \(unescaped: Self.columns)
            """)
        return !renewed.isEmpty
    }

    /// Gives up `holder`'s lease on `key` (another's is left alone).
    public func release(_ key: UserLease.Key, as holder: UserLease.Holder) async throws {
        _ = try await rows(
            """
            DELETE FROM user_lease WHERE tenant = \(key.tenant) AND user_id = \(key.userID) AND token = \(holder.token)
            RETURNING \(unescaped: Self.columns)
            """)
    }

    /// The lease in force on `key`, if any (a lapsed one is not).
    public func lease(on key: UserLease.Key) async throws -> UserLease? {
        try await rows(
            """
            SELECT \(unescaped: Self.columns) FROM user_lease
            WHERE tenant = \(key.tenant) AND user_id = \(key.userID) AND expires_at > now()
            """
        ).first
    }

    /// Every lease in force, oldest first: what the other operators are changing now.
    public func active() async throws -> [UserLease] {
        try await rows("SELECT \(unescaped: Self.columns) FROM user_lease WHERE expires_at > now() ORDER BY since, tenant, user_id")
    }

    static let columns = "tenant, user_id, token, operator_name, host, pid, ticket, since, expires_at"

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The leases `query` returns, through the database's bounded access: a lost server is
    /// reported within ``TeamJournalDatabase/patience``, not after the pool's quiet minute, so a
    /// change or a bulk job waiting on its lease stops and says why.
    private func rows(_ query: PostgresQuery) async throws -> [UserLease] {
        try await database.access { client in
            var leases: [UserLease] = []
            let rows = try await client.query(query, logger: TeamJournalDatabase.logger)
            for try await (tenant, userID, token, operatorName, host, pid, ticket, since, expiresAt) in rows.decode(
                (String, String, String, String, String, Int32, String?, Date, Date).self)
            {
                leases.append(UserLease(
                    key: .init(tenant: tenant, userID: userID),
                    holder: .init(token: token, operatorName: operatorName, host: host, pid: pid, ticket: ticket),
                    since: since, expiresAt: expiresAt))
            }
            return leases
        }
    }
}
