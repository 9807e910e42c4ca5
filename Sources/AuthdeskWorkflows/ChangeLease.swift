import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices

/// The lease a single change holds on its user (a console dialog, a command, an undo): taken
/// before anything is sent, renewed while the change goes on, given up after. A user another
/// operator holds refuses the change (exit 4) with who holds it, from which host, since when
/// and for which ticket, and nothing is sent.
public struct ChangeLease: Sendable {
    /// Where leases are kept: the team's database, or this host's state folder.
    public let leasing: any UserLeasing
    /// Who holds the leases this change takes.
    public let holder: UserLease.Holder
    /// How long a lease lasts unless renewed (a third of it between renewals): short, so that a
    /// killed process blocks the user no longer than this.
    public let length: Duration

    /// The length of every lease authdesk takes when none is given.
    public static let standardLength: Duration = .seconds(30)

    public init(leasing: any UserLeasing, holder: UserLease.Holder, length: Duration = ChangeLease.standardLength) {
        self.leasing = leasing
        self.holder = holder
        self.length = length
    }

    /// The user as a refusal names them: display name and principal name.
    public static func name(of user: DirectoryUser) -> String {
        user.displayName.isEmpty || user.displayName == user.principalName
            ? user.principalName : "\(user.displayName) (\(user.principalName))"
    }

    /// Runs `body` holding the lease on `key` (`user` names the user in a refusal). Held by
    /// another operator: a `forbidden` ``ServiceError`` with ``UserLease/refusalCode`` and the
    /// sentence ``UserLease/heldSentence(user:)``; the leases unreachable: an `unavailable` one.
    /// Either way `body` does not run, so nothing is sent.
    public func holding<T>(_ key: UserLease.Key, user: String, _ body: () async throws -> T) async throws -> T {
        let keeper = LeaseKeeper(leases: leasing, holder: holder, length: length)
        let outcome: UserLeaseOutcome
        do {
            outcome = try await keeper.hold(key)
        } catch {
            throw ServiceError(
                kind: .unavailable, message: "Cannot take the lease on \(user) (\(key.tenant)): \(error); nothing was sent")
        }
        if case .heldByAnother(let lease) = outcome {
            throw ServiceError(
                kind: .forbidden, code: UserLease.refusalCode, message: lease.heldSentence(user: user) + "; nothing was sent")
        }
        do {
            let result = try await body()
            try? await keeper.releaseAll()
            return result
        } catch {
            try? await keeper.releaseAll()
            throw error
        }
    }

    /// Sends `request` (to `provider`, its user named `user`) holding the user's lease, with the
    /// failures a change has: a ``ServiceError``.
    public func send(
        _ request: ChangeRequest, to provider: any IdentityProvider, user: String
    ) async throws(ServiceError) -> ChangeOutcome {
        do {
            return try await holding(TenantUserKey(tenant: provider.tenant.name, userID: request.userID), user: user) {
                try await request.send(to: provider)
            }
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(kind: .unavailable, message: "\(error)")
        }
    }
}
