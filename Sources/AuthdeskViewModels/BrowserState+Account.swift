import AuthdeskCore
import AuthdeskServices

/// The account in the details pane: shown or hidden with `i`, read for the selected user when
/// shown, read afresh after a change to that user.
extension BrowserState {
    mutating func toggleAccount() -> [BrowserEffect] {
        accountPane.isShown.toggle()
        guard accountPane.isShown else { return [] }
        return accountSettled()
    }

    /// The selection rests on a user: read their account if it is shown and not theirs yet.
    mutating func accountSettled() -> [BrowserEffect] {
        guard accountPane.isShown, let user = list.current, accountPane.account.userID != user.id else { return [] }
        return [accountPane.load(userID: user.id)]
    }

    /// Reads the account afresh when the pane shows `userID`'s.
    mutating func refreshAccount(of userID: String) -> [BrowserEffect] {
        guard accountPane.isShown, accountPane.account.userID == userID else { return [] }
        return [accountPane.load(userID: userID)]
    }

    mutating func accountAnswered(
        _ generation: Int, _ userID: String, _ result: Result<AccountDetails, ServiceError>
    ) -> [BrowserEffect] {
        guard accountPane.answered(generation: generation, userID: userID, result) else { return [] }
        return []
    }
}
