/// What asking for a lease gave: the lease, or the lease someone else holds (nothing may be sent).
public enum UserLeaseOutcome: Sendable, Hashable {
    case granted(UserLease)
    case heldByAnother(UserLease)
}
