/// What the single-change workflow tells its front end while it works: the command line
/// writes these to standard error, the console shows them in its flash line.
public enum ChangeEvent: Sendable, Equatable {
    /// The pre-flight warns; the change goes on.
    case preflightWarning(String)
    /// The pre-flight says the service will refuse; sent anyway because the operator forced it.
    case forced(String)
    /// A change could not be written to the audit journal (it was sent all the same).
    case notJournalled(String)

    /// The event as the operator reads it.
    public var message: String {
        switch self {
        case .preflightWarning(let text): "pre-flight warning: \(text)"
        case .forced(let text): "pre-flight says the service will refuse this (\(text)); sending anyway (--force)"
        case .notJournalled(let message): "warning: \(message)"
        }
    }
}
