import Foundation

/// A password reset's progress as Graph reports it (`longRunningOperation`).
public struct LongRunningOperation: Sendable, Hashable {
    /// Where the operation stands; `succeeded` and `failed` are final.
    public enum Status: Sendable, Hashable {
        case notStarted
        case running
        case succeeded
        case failed
        case other(String)

        /// The statuses Graph documents; any other value is kept as `other`.
        static let known: [Status] = [.notStarted, .running, .succeeded, .failed]

        public init(rawValue: String) {
            self = Status.known.first { $0.rawValue == rawValue } ?? .other(rawValue)
        }

        public var rawValue: String {
            switch self {
            case .notStarted: "notStarted"
            case .running: "running"
            case .succeeded: "succeeded"
            case .failed: "failed"
            case .other(let value): value
            }
        }

        public var isFinal: Bool { self == .succeeded || self == .failed }
    }

    public var id: String
    public var status: Status
    /// `ResetSuccess`, or why it failed.
    public var statusDetail: String?
    public var createdAt: Date?
    public var lastActionAt: Date?
    public var resourceLocation: String?

    public init(
        id: String, status: Status, statusDetail: String? = nil, createdAt: Date? = nil,
        lastActionAt: Date? = nil, resourceLocation: String? = nil
    ) {
        self.id = id
        self.status = status
        self.statusDetail = statusDetail
        self.createdAt = createdAt
        self.lastActionAt = lastActionAt
        self.resourceLocation = resourceLocation
    }
}
