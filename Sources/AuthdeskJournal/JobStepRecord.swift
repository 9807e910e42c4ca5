import AuthdeskCore
import Foundation
import GRDB

/// One step of a job's user, in plan order, with what happened to it: how many times it was
/// sent, and the last answer's status, service error code and request id.
public struct JobStepRecord: Sendable, Hashable, Codable, Identifiable, FetchableRecord, TableRecord {
    public static let databaseTableName = "jobStep"

    public var id: Int64
    public var jobUserID: Int64
    /// The step's place in the user's plan, from 0.
    public var position: Int
    public var methodID: String
    public var kind: MethodKind
    public var action: StepAction
    public var title: String
    public var isDefault: Bool
    public var state: StepState
    /// How many times the request was sent (more than one after a resume or a retry).
    public var attempts: Int
    public var httpStatus: Int?
    public var errorCode: String?
    public var errorMessage: String?
    public var requestID: String?
    public var sentAt: Date?
    public var finishedAt: Date?

    /// A step as a store read it back.
    public init(
        id: Int64, jobUserID: Int64, position: Int, methodID: String, kind: MethodKind, action: StepAction, title: String,
        isDefault: Bool, state: StepState, attempts: Int, httpStatus: Int?, errorCode: String?, errorMessage: String?,
        requestID: String?, sentAt: Date?, finishedAt: Date?
    ) {
        self.id = id
        self.jobUserID = jobUserID
        self.position = position
        self.methodID = methodID
        self.kind = kind
        self.action = action
        self.title = title
        self.isDefault = isDefault
        self.state = state
        self.attempts = attempts
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.requestID = requestID
        self.sentAt = sentAt
        self.finishedAt = finishedAt
    }

    /// The step as the plan had it.
    public var planStep: PlanStep {
        PlanStep(methodID: methodID, kind: kind, action: action, title: title, isDefault: isDefault)
    }
}
