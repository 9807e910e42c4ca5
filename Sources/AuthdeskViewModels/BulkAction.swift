/// Everything an operator can ask of the bulk reset screen; ``BulkKeys`` maps keys to these.
public enum BulkAction: String, Sendable, Hashable, CaseIterable {
    case moveDown
    case moveUp
    case pageDown
    case pageUp
    case top
    case bottom
    case togglePolicy
    case accept
    case back
    case pause
    case cancelRun
    case export
    case deleteBackward
    case clearInput
    /// Quit the console: while a job runs, asks once, then pauses the job (resumable) and quits.
    case quit
    /// Run a job's failed users again (their failed steps, then the verify).
    case retryFailed
}
