import AuthdeskCore
import Foundation

/// A hold on one user (tenant + user id) while an operator changes them, kept in the shared
/// journal so that operators on other hosts are told who, where, since when and for which ticket.
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
}
