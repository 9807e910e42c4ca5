import AuthdeskServices

/// Where the user search stands: the list pane shows a spinner, the results, or the error.
public enum UsersStatus: Sendable, Equatable {
    case idle
    case searching
    case loaded
    case failed(ServiceError)
}
