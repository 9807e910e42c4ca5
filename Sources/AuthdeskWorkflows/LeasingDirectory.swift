import AuthdeskBulkReset
import AuthdeskJournal
import AuthdeskServices

/// A tenant directory that also keeps leases on its users (the ``Workspace``): the console's
/// dialogs and bulk jobs find the leasing there, as the commands do.
public protocol LeasingDirectory: TenantDirectory {
    /// Where this session's leases are kept, or nil when there is nowhere to keep them (the local
    /// state folder cannot be opened: changes then go on unleased, as they go on unjournalled).
    var leasing: (any UserLeasing)? { get }
    /// Whether the leases are shared with other hosts (team mode): then a bulk job reads each
    /// user's methods again once it holds the user, since another host may have changed them.
    var sharesLeases: Bool { get }
}

extension LeasingDirectory {
    /// The lease a single change of this session holds, for `ticket`; nil without leasing.
    public func changeLease(ticket: String?) -> ChangeLease? {
        leasing.map { ChangeLease(leasing: $0, holder: .thisProcess(ticket: ticket)) }
    }

    /// How a bulk run of this session holds its users' leases; nil without leasing. In team
    /// mode every user's methods are read again once held (another host's job may have removed
    /// some since the plan); on one host only a user that had to wait for another is.
    public var bulkLeases: BulkLeases? {
        leasing.map { BulkLeases(leasing: $0, length: ChangeLease.standardLength, recheckEveryUser: sharesLeases) }
    }
}
