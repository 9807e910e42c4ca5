import AuthdeskServices

/// A password reset being followed: each status as it arrived, the time since it was accepted,
/// and a spinner frame that ticks only while it runs. Shown in the dialog, and in the banner
/// once the dialog is closed; never holds the password.
public struct OperationProgress: Sendable, Equatable {
    public let id: Int
    public let userID: String
    public let userName: String
    /// When the service accepted the reset, on the view model's clock.
    public let startedAt: Duration
    /// The latest time heard of (a status or a spinner tick).
    public var now: Duration
    /// How long the service asked to wait before the first poll, if it said.
    public var firstPollAfter: Duration?
    /// Every status in the order it arrived, with its detail.
    public var history: [LongRunningOperation] = []
    /// Following it failed (the operation vanished or its URL expired).
    public var error: ServiceError?
    public var spinnerFrame = 0

    public init(id: Int, userID: String, userName: String, startedAt: Duration, firstPollAfter: Duration?) {
        self.id = id
        self.userID = userID
        self.userName = userName
        self.startedAt = startedAt
        now = startedAt
        self.firstPollAfter = firstPollAfter
    }

    /// The latest status, nil before the first answer.
    public var status: LongRunningOperation.Status? { history.last?.status }

    public var statusDetail: String? { history.last?.statusDetail }

    public var isFinished: Bool { error != nil || status?.isFinal == true }

    public var elapsed: Duration { now - startedAt }

    /// Whole seconds since the reset was accepted.
    public var elapsedSeconds: Int64 { max(0, elapsed.components.seconds) }

    /// `running 4s`: the status and the elapsed time, for the banner and the dialog.
    public var line: String {
        var text = status?.rawValue ?? (error == nil ? "waiting" : "lost")
        if let detail = statusDetail, !detail.isEmpty { text += " (\(detail))" }
        return text + " \(elapsedSeconds)s"
    }
}
