import Foundation

/// A password-reset long-running operation; its status follows from the time since it started.
struct OperationRecord: Sendable {
    var id: String
    var tenantId: String
    var userId: String
    var createdAt: Date
    /// Whether it ends in failure (a synced user without password writeback).
    var willFail: Bool

    /// How many times the operation was read: each read moves it on by one status at most.
    var reads = 0

    /// notStarted for the first half second, running until two seconds, then succeeded or failed;
    /// a read moves it on by one status at most, so a client sees every status whatever the load.
    mutating func read(at now: Date) -> (status: String, detail: String?, lastAction: Date) {
        let age = now.timeIntervalSince(createdAt)
        let byTime = age < 0.5 ? 0 : age < 2.0 ? 1 : 2
        let stage = min(byTime, reads)
        reads += 1
        switch stage {
        case 0: return ("notStarted", nil, createdAt)
        case 1: return ("running", nil, createdAt.addingTimeInterval(0.5))
        default:
            return willFail
                ? ("failed", "OnPremisesPasswordWritebackNotEnabled", createdAt.addingTimeInterval(2.0))
                : ("succeeded", "ResetSuccess", createdAt.addingTimeInterval(2.0))
        }
    }
}
