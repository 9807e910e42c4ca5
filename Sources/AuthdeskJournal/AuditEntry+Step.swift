import AuthdeskCore
import Foundation

extension AuditEntry {
    /// The audit entry of a bulk step's answer (`answered`, already recorded), as every store
    /// appends it with the step: the job's operator, ticket and verification, the outcome, and
    /// for a failure its summary. Not yet scrubbed.
    public static func step(
        _ answered: JobStepRecord, answer: StepAnswer, of user: JobUserRecord, in job: JobRecord, at date: Date
    ) -> AuditEntry {
        let succeeded = answered.state == .done
        var detail: String?
        if !succeeded {
            detail = answer.summary
        } else if answer.httpStatus == 404 {
            detail = "already gone (HTTP 404)"
        } else if answer.errorCode == StepAnswer.alreadyRemovedCode {
            detail = answer.message
        }
        var entry = AuditEntry(
            at: date, operatorName: job.operatorName, tenant: user.tenant, userID: user.userID, userName: user.displayName,
            action: auditAction(answered.action), target: "\(answered.title) \(answered.methodID)",
            outcome: succeeded ? .succeeded : .failed, detail: detail, requestID: answer.requestID, ticket: job.ticket,
            jobID: job.id)
        entry.verification = job.verification
        return entry
    }

    static func auditAction(_ action: StepAction) -> String {
        switch action {
        case .delete: "delete method"
        case .deactivate: "deactivate hardware token"
        case .makeDefault: "make default method"
        }
    }
}
