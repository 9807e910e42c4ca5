import AuthdeskCore
import AuthdeskServices

/// The selected user's account as the details pane knows it: not asked, on the way, read, or failed.
public enum AccountState: Sendable, Equatable {
    case none
    case loading(userID: String)
    case loaded(userID: String, AccountDetails)
    case failed(userID: String, ServiceError)

    /// The user this account belongs to, if any.
    public var userID: String? {
        switch self {
        case .none: nil
        case .loading(let id), .loaded(let id, _), .failed(let id, _): id
        }
    }
}
