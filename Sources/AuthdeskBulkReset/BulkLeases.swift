import AuthdeskJournal

/// How a bulk run holds its users' leases (``UserLeasing``): each user's steps run under that
/// user's lease, renewed while the user runs; a user another operator holds is deferred to the
/// end of the run, asked for again for up to ``deferralWait``, then failed naming the holder
/// (so that `jobs resume --retry-failed` finishes it later). Two overlapping jobs from two hosts
/// thus never work on one user at once.
public struct BulkLeases: Sendable {
    public var leasing: any UserLeasing
    /// How long a lease lasts unless renewed: a killed run blocks its users no longer than this.
    public var length: Duration
    /// Read each user's methods again once held, and send only the steps whose method is still
    /// there (team mode: another host's job may have removed them since this job's plan). A
    /// deferred user is always read again.
    public var recheckEveryUser: Bool
    /// How long deferred users are asked for again at the end of the run, and how often.
    public var deferralWait: Duration
    public var retryInterval: Duration
    /// What the renewals wait on (``LeaseKeeper/Pause``): `Task.sleep` but in tests.
    public var pause: LeaseKeeper.Pause

    public init(
        leasing: any UserLeasing, length: Duration = .seconds(30), recheckEveryUser: Bool,
        deferralWait: Duration = .seconds(30), retryInterval: Duration = .seconds(1),
        pause: @escaping LeaseKeeper.Pause = { try await Task.sleep(for: $0) }
    ) {
        self.leasing = leasing
        self.length = length
        self.recheckEveryUser = recheckEveryUser
        self.deferralWait = deferralWait
        self.retryInterval = retryInterval
        self.pause = pause
    }
}
