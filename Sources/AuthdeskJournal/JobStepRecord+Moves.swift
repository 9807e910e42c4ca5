import Foundation

extension JobStepRecord {
    /// The step as journalled before its request goes out: `sent`, one more attempt, the last
    /// answer cleared. A `done` step is refused: nothing is done twice. Both stores use this.
    public func sending(at date: Date) throws(JournalError) -> JobStepRecord {
        guard state != .done else {
            throw .invalidTransition(what: "step \(id) (\(action.rawValue) \(methodID))", from: "done", to: "sent")
        }
        var step = self
        step.state = .sent
        step.attempts += 1
        step.sentAt = date
        step.finishedAt = nil
        step.httpStatus = nil
        step.errorCode = nil
        step.errorMessage = nil
        step.requestID = nil
        return step
    }

    /// The step with its answer: `done` when it succeeded, `failed` otherwise, with the status,
    /// code, `message` (already scrubbed) and request id. Only a `sent` step has an answer.
    public func answered(_ answer: StepAnswer, message: String?, at date: Date) throws(JournalError) -> JobStepRecord {
        guard state == .sent else {
            throw .invalidTransition(
                what: "step \(id) (\(action.rawValue) \(methodID))", from: state.rawValue,
                to: "answered (only a sent step has an answer)")
        }
        var step = self
        step.state = answer.succeeded(for: action) ? .done : .failed
        step.httpStatus = answer.httpStatus
        step.errorCode = answer.errorCode
        step.errorMessage = message
        step.requestID = answer.requestID
        step.finishedAt = date
        return step
    }
}
