/// Where one user of a job is: waiting, running its steps, verifying, then done or failed.
public enum UserState: String, Sendable, Hashable, Codable, CaseIterable {
    case waiting
    case running
    case verifying
    case done
    case failed

    /// Whether the user is finished with (done or failed).
    public var isFinal: Bool { self == .done || self == .failed }
}
