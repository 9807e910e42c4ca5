/// The waits for the service's limits a run is making now (``ServiceWait``), as the run screen
/// and the progress line say them.
extension BulkRunProgress {
    /// Applies a wait beginning or ending at `time` (a wait beginning after the run ended is
    /// not shown).
    public mutating func apply(_ wait: ServiceWait.Event, at time: Duration) {
        now = time
        switch wait {
        case .began(let id, let wait):
            if ended == nil { waits[id] = wait }
        case .ended(let id, _):
            waits[id] = nil
        }
    }

    /// `waiting for limits: 4 s, contoso`: the longest wait of each tenant waiting now, the
    /// longest first (`; ` between tenants); nil when nothing waits.
    public var waitText: String? {
        guard ended == nil, !waits.isEmpty else { return nil }
        var longest: [String: ServiceWait] = [:]
        for wait in waits.values where wait.duration > (longest[wait.tenant]?.duration ?? .zero) {
            longest[wait.tenant] = wait
        }
        let shown = longest.values.sorted { $0.duration != $1.duration ? $0.duration > $1.duration : $0.tenant < $1.tenant }
        return "waiting for limits: " + shown.map { "\($0.durationText), \($0.tenant)" }.joined(separator: "; ")
    }
}
