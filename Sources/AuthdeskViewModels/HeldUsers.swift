import AuthdeskCore
import AuthdeskJournal
import AuthdeskTeamJournal
import Foundation

/// The users whose lease another operator (or another authdesk process) holds, so that the
/// users pane marks them and says who holds them before anyone opens a dialog. Read whole when
/// the list loads and again on every lease taken or released that team mode's activity feed
/// announces; this process's own holders are left out.
public struct HeldUsers: Sendable, Equatable {
    /// This process (its host and id): leases it holds are not marked.
    public let ownHost: String
    public let ownPID: Int32
    /// The leases held by others, by user.
    public private(set) var leases: [TenantUserKey: UserLease] = [:]

    public init(ownHost: String = OperatorName.host, ownPID: Int32 = ProcessInfo.processInfo.processIdentifier) {
        self.ownHost = ownHost
        self.ownPID = ownPID
    }

    /// Whether `holder` is this process.
    public func isOwn(_ holder: UserLease.Holder) -> Bool {
        holder.host == ownHost && holder.pid == ownPID
    }

    /// Replaces what is known with `active` (every lease in force), this process's left out.
    mutating func replace(with active: [UserLease]) {
        leases = Dictionary(active.filter { !isOwn($0.holder) }.map { ($0.key, $0) }, uniquingKeysWith: { $1 })
    }

    /// The lease another holds on `userID` in `tenant`, if any.
    public func lease(tenant: String, userID: String) -> UserLease? {
        leases[TenantUserKey(tenant: tenant, userID: userID)]
    }

    /// Whether an activity event changes who holds whom (a lease taken or released).
    static func isLeaseEvent(_ event: TeamActivityEvent) -> Bool {
        event.kind == .leaseTaken || event.kind == .leaseReleased
    }

    /// `held by alice@jump-1 on jump-1 since 20:41, ticket INC-1` (UTC; no ticket, no clause).
    /// Names from the journal are data: the renderer shows them through its terminal-safe text.
    public static func label(_ lease: UserLease) -> String {
        let since = lease.since.formatted(
            Date.VerbatimFormatStyle(format: "\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
                                     timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
        let ticket = lease.holder.ticket.map { ", ticket \($0)" } ?? ""
        return "held by \(lease.holder.operatorName) on \(lease.holder.host) since \(since)\(ticket)"
    }
}
