import AuthdeskJournal
import AuthdeskServices

/// A step's answer from what the provider returned: a write's receipt, or its failure.
extension StepAnswer {
    /// The status the service answered and its request id.
    public init(_ receipt: WriteReceipt) {
        self.init(httpStatus: receipt.status, requestID: receipt.requestID)
    }

    /// The failure's status, code, message and request id.
    public init(_ error: ServiceError) {
        self.init(
            httpStatus: error.status, errorCode: error.code, message: error.message, requestID: error.requestID,
            retryAfter: error.retryAfter)
    }
}
