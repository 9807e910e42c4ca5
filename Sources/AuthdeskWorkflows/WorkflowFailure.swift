/// A failure a workflow reports with its exit status already decided (the journal could not be
/// written, every user was refused): the front end shows ``message`` and exits with ``status``.
public struct WorkflowFailure: CarriesExitStatus, Sendable {
    public var message: String
    public var status: ExitStatus

    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
    public var exitStatus: ExitStatus { status }
}
