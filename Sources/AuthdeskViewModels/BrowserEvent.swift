import AuthdeskCore
import AuthdeskServices

/// Everything that can change the browser's state: the operator's keys and the services' answers.
public enum BrowserEvent: Sendable, Equatable {
    /// The browser opened: list everyone.
    case start
    case key(Key)
    case action(BrowserAction)
    /// The console laid the panes out with this many visible rows per list.
    case viewport(usersRows: Int, methodsRows: Int)
    case searchAnswered(generation: Int, Result<UserPage, ServiceError>)
    case moreUsersAnswered(generation: Int, Result<UserPage, ServiceError>)
    case methodsAnswered(generation: Int, userID: String, Result<[AuthMethod], ServiceError>)
    case flashExpired(id: Int)
}
