import AuthdeskCore
import Foundation

/// A hold on one user (tenant + user id) while an operator changes them, kept by a
/// ``UserLeasing`` (the shared journal, or this host's) so that other operators and processes
/// are told who, where, since when and for which ticket.
public struct UserLease: Sendable, Hashable {
    /// The user held.
    public typealias Key = TenantUserKey

    /// Who holds it: the operator, the host and process, and a token only that process knows
    /// (to renew and release what is its own).
    public struct Holder: Sendable, Hashable {
        public var token: String
        public var operatorName: String
        public var host: String
        public var pid: Int32
        public var ticket: String?

        public init(token: String, operatorName: String, host: String, pid: Int32, ticket: String?) {
            self.token = token
            self.operatorName = operatorName
            self.host = host
            self.pid = pid
            self.ticket = ticket
        }

        /// This process as a holder: `operatorName` (the local account by default), this host
        /// (``OperatorName/host``), this process's id, and a new random token, so that two
        /// holders in one process (the console's dialog and its bulk job) keep apart too.
        public static func thisProcess(operatorName: String = OperatorName.current, ticket: String?) -> Holder {
            Holder(
                token: UUID().uuidString.lowercased(), operatorName: operatorName, host: OperatorName.host,
                pid: ProcessInfo.processInfo.processIdentifier, ticket: ticket)
        }
    }

    public var key: Key
    public var holder: Holder
    /// When the holder took it (the server's clock).
    public var since: Date
    /// When it lapses unless renewed (the server's clock): a crashed holder's lease ends here.
    public var expiresAt: Date

    public init(key: Key, holder: Holder, since: Date, expiresAt: Date) {
        self.key = key
        self.holder = holder
        self.since = since
        self.expiresAt = expiresAt
    }

    /// The code of the refusal a lease held by another raises (exit 4, no role hint).
    public static let refusalCode = "leaseHeld"

    /// Who holds `user` (a name for the operator), from where, since when and for which ticket:
    /// `Adele Vance is being changed by alice@jump-1 on jump-1 (process 4101) since
    /// 2026-12-03 20:41:07 UTC, ticket INC-1`.
    public func heldSentence(user: String) -> String {
        let since = String(since.formatted(Date.ISO8601FormatStyle(dateTimeSeparator: .space, timeZone: .gmt)).dropLast())
        return "\(user) is being changed by \(holder.operatorName) on \(holder.host) (process \(holder.pid)) since \(since) UTC, "
            + (holder.ticket.map { "ticket \($0)" } ?? "no ticket")
    }
}
