import AuthdeskCore
import AuthdeskServices
import AuthdeskWorkflows

/// The console's changes hold their user's lease, as the commands' do (``ChangeLease``): a user
/// another operator holds is refused in the dialog's error line with who, where, since when and
/// for which ticket, and nothing is sent.
extension BrowserViewModel {
    /// The lease a change made now holds (the session's ticket), or nil when the console's
    /// directory keeps no leases.
    var changeLease: ChangeLease? {
        (directory as? any LeasingDirectory)?.changeLease(ticket: auditor?.ticket)
    }

    /// Sends `request` holding its user's lease (`user`: the dialog's, to name them).
    func sendHoldingLease(
        _ request: ChangeRequest, to provider: any IdentityProvider, user: DirectoryUser?
    ) async throws(ServiceError) -> ChangeOutcome {
        guard let lease = changeLease else { return try await request.send(to: provider) }
        let name = user.map(ChangeLease.name(of:)) ?? request.userID
        return try await lease.send(request, to: provider, user: name)
    }
}
