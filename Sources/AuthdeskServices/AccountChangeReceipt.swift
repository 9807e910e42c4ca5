/// What a block or unblock did: the state the account is now in, and each step the service
/// answered (Auth0's unblock also lifts brute-force blocks), so the report can say which happened.
public struct AccountChangeReceipt: Sendable, Hashable {
    public var accountEnabled: Bool
    /// One line per request: `accountEnabled set to false`, `brute-force blocks lifted`.
    public var steps: [String]

    public init(accountEnabled: Bool, steps: [String]) {
        self.accountEnabled = accountEnabled
        self.steps = steps
    }
}
