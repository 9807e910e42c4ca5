/// A wait the transport makes before sending to a tenant, as long as the service's limits ask:
/// a 429's (or 503's) `Retry-After`, or the client's pacing at a rate limit the service states.
/// A bulk run shows the waits of its tenants (``BulkRunProgress/waitText``) so that an operator
/// sees why it slowed down.
public struct ServiceWait: Sendable, Hashable {
    /// A wait beginning or ending, numbered so that its end finds it.
    public enum Event: Sendable, Hashable {
        case began(id: Int, ServiceWait)
        case ended(id: Int, tenant: String)

        /// The tenant the wait is for.
        public var tenant: String {
            switch self {
            case .began(_, let wait): wait.tenant
            case .ended(_, let tenant): tenant
            }
        }
    }

    /// The tenant's name (its profile's).
    public var tenant: String
    public var duration: Duration

    public init(tenant: String, duration: Duration) {
        self.tenant = tenant
        self.duration = duration
    }

    /// `4 s`, `1.5 s`: the duration as the run screen and the progress line say it.
    public var durationText: String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let tenths = Int((seconds * 10).rounded())
        if seconds >= 10 || tenths % 10 == 0 { return "\(Int(seconds.rounded())) s" }
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
