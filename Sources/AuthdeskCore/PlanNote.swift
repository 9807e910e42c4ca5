/// Something about a user's plan the operator should know before confirming it.
public enum PlanNote: Sendable, Hashable, Codable {
    /// The default method id the service gave is not among the user's methods (it changed, or
    /// it is a method this policy keeps): the plan is ordered without it.
    case defaultMethodNotFound(methodID: String)
    /// The default method is one the policy keeps, so no step needs to wait for the others.
    case defaultMethodKept(methodID: String)
    /// The default method is the alternate mobile phone and the mobile phone goes too: the
    /// service refuses to delete the mobile while an alternate exists, and the default while
    /// other methods exist, so the plan first makes the mobile phone the default, then deletes
    /// the alternate before the mobile, and the mobile last.
    case defaultIsAlternateMobile
    /// Methods of a type this version does not know were kept; review them by hand.
    case unknownMethodsKept(count: Int)
    /// The pre-flight knows the service will refuse this user's reset (an administrator the
    /// operator's role cannot change): the run skips the user and sends nothing for them.
    case willBeRefused(reason: String)
    /// The pre-flight could not be sure (a role it could not read): the run goes ahead.
    case preflightWarning(reason: String)

    /// One line for the plan view.
    public var message: String {
        switch self {
        case .defaultMethodNotFound(let id):
            "the default method \(id) is not among the user's methods; the plan is ordered without it"
        case .defaultMethodKept(let id):
            "the default method \(id) is kept by this policy"
        case .defaultIsAlternateMobile:
            "the default method is the alternate mobile phone: the mobile phone is made the default first, and deleted last"
        case .unknownMethodsKept(let count):
            "\(count) method\(count == 1 ? "" : "s") of an unknown type kept; review by hand"
        case .willBeRefused(let reason):
            "WILL BE REFUSED, skipped by the run: \(reason)"
        case .preflightWarning(let reason):
            "pre-flight warning: \(reason)"
        }
    }
}
