import AuthdeskCore
import AuthdeskServices

/// The selected user's methods as the methods pane knows them: not asked, on the way, read, or failed.
public enum MethodsState: Sendable, Equatable {
    case none
    case loading(userID: String)
    case loaded(userID: String, methods: [AuthMethod])
    case failed(userID: String, error: ServiceError)

    /// The user these methods belong to, if any.
    public var userID: String? {
        switch self {
        case .none: nil
        case .loading(let id), .loaded(let id, _), .failed(let id, _): id
        }
    }

    /// The methods, once loaded (empty otherwise).
    public var methods: [AuthMethod] {
        if case .loaded(_, let methods) = self { return methods }
        return []
    }
}
