/// Leases on users, whatever keeps them: the team's PostgreSQL journal across hosts
/// (`TeamLeases`), or this host's state folder (``LocalLeases``). The workflows hold a user's
/// lease while they change the user, so that two operators (or two processes) never change one
/// user at the same time; a lease not renewed lapses, so a crashed holder blocks nobody for long.
public protocol UserLeasing: Sendable {
    /// Takes (or renews, when it is already `holder`'s) the lease on `key` for `duration`; held
    /// by another, answers who holds it.
    func acquire(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> UserLeaseOutcome
    /// Extends `holder`'s lease on `key`; false when it is no longer theirs (lapsed and taken).
    func renew(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> Bool
    /// Gives up `holder`'s lease on `key` (another's is left alone).
    func release(_ key: UserLease.Key, as holder: UserLease.Holder) async throws
    /// The lease in force on `key`, if any (a lapsed one is not).
    func lease(on key: UserLease.Key) async throws -> UserLease?
    /// Every lease in force, oldest first.
    func active() async throws -> [UserLease]
}
