import Foundation

/// A password-reset long-running operation; its status follows from the time since it started.
struct OperationRecord: Sendable {
    var id: String
    var tenantId: String
    var userId: String
    var createdAt: Date
    /// Whether it ends in failure (a synced user without password writeback).
    var willFail: Bool

    /// notStarted for the first half second, running until two seconds, then succeeded or failed.
    func status(at now: Date) -> (status: String, detail: String?, lastAction: Date) {
        let age = now.timeIntervalSince(createdAt)
        if age < 0.5 { return ("notStarted", nil, createdAt) }
        if age < 2.0 { return ("running", nil, createdAt.addingTimeInterval(0.5)) }
        return willFail
            ? ("failed", "OnPremisesPasswordWritebackNotEnabled", createdAt.addingTimeInterval(2.0))
            : ("succeeded", "ResetSuccess", createdAt.addingTimeInterval(2.0))
    }
}
