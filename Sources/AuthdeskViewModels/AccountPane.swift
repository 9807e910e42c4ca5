import AuthdeskCore
import AuthdeskServices

/// The details pane's account view (`i`): whether it shows the selected user's account instead
/// of the selected method, and how far that account is read. A stale answer is dropped.
public struct AccountPane: Sendable, Equatable {
    public var isShown = false
    public var account: AccountState = .none
    /// Bumped whenever the account of another user (or the same one afresh) is asked for.
    public var generation = 0

    /// `i` in either pane: the account instead of the method, and back (hinted where the
    /// methods are, beside the details pane).
    static let bindings: [KeyBinding] = [
        KeyBinding(.character("i"), .toggleAccount, scope: .methods, "show the account (or the method) in the details pane",
                   isHint: true, hint: "account"),
        KeyBinding(.character("i"), .toggleAccount, scope: .users, "show the account (or the method) in the details pane"),
    ]

    /// Asks for the account of `userID`.
    mutating func load(userID: String) -> BrowserEffect {
        generation += 1
        account = .loading(userID: userID)
        return .loadAccount(userID: userID, generation: generation)
    }

    /// The account of `userID` arrived, or could not be read; false when the answer is stale.
    mutating func answered(generation: Int, userID: String, _ result: Result<AccountDetails, ServiceError>) -> Bool {
        guard generation == self.generation, account.userID == userID else { return false }
        switch result {
        case .success(let details): account = .loaded(userID: userID, details)
        case .failure(let error): account = .failed(userID: userID, error)
        }
        return true
    }
}
