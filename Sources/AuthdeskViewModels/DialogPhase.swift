import AuthdeskServices

/// Where a dialog stands: being filled in, sent, refused (still editable, input kept), or
/// showing its result (a pass, a password, a reset's progress).
public enum DialogPhase: Sendable, Equatable {
    case editing
    case sending
    case refused(ServiceError)
    case result
}
