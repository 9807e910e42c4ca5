import AuthdeskCore
import AuthdeskServices

/// Following a password reset's operation (the banner's spinner and history): its updates,
/// the spinner's ticks and the end of the stream.
extension BrowserState {
    mutating func followOperation(_ event: BrowserEvent) -> [BrowserEffect] {
        switch event {
        case .operationUpdated(let operationID, let update, let at):
            return operationUpdated(operationID, update, at: at)
        case .operationLost(let operationID, let error, let at):
            return operationLost(operationID, error, at: at)
        case .operationTicked(let operationID, let at):
            guard var operation, operation.id == operationID, !operation.isFinished else { return [] }
            operation.now = at
            operation.spinnerFrame += 1
            self.operation = operation
            return [.tickOperation(operationID: operationID)]
        default:
            return []
        }
    }

    private mutating func operationUpdated(_ operationID: Int, _ update: LongRunningOperation, at: Duration) -> [BrowserEffect] {
        guard var operation, operation.id == operationID, !operation.isFinished else { return [] }
        operation.now = max(operation.now, at)
        if operation.history.last?.status != update.status || operation.history.last?.statusDetail != update.statusDetail {
            operation.history.append(update)
        }
        self.operation = operation
        guard update.status.isFinal else { return [] }
        let detail = update.statusDetail.map { " (\($0))" } ?? ""
        var effects: [BrowserEffect] = []
        if update.status == .succeeded {
            effects += showFlash(.info, "Password reset of \(operation.userName): succeeded\(detail) after \(operation.elapsedSeconds)s")
        } else {
            effects += showFlash(.error, "Password reset of \(operation.userName): failed\(detail) after \(operation.elapsedSeconds)s")
        }
        return effects + refreshMethods(of: operation.userID)
    }

    private mutating func operationLost(_ operationID: Int, _ error: ServiceError?, at: Duration) -> [BrowserEffect] {
        guard var operation, operation.id == operationID, !operation.isFinished else { return [] }
        operation.now = max(operation.now, at)
        let reason = error ?? ServiceError(
            kind: .invalidResponse, message: "The operation's updates ended before a final status")
        operation.error = reason
        self.operation = operation
        return showFlash(.error, "Lost track of the password reset of \(operation.userName): \(reason)")
    }
}
