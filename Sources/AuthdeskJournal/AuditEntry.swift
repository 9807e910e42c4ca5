import AuthdeskCore
import AuthdeskOutput
import Foundation
import GRDB

/// One change in the audit log: when, who, in which tenant, to which user, what, on what, how it
/// ended, the request id and the ticket. There is deliberately no field for a password, a pass
/// or a token. Before an entry is stored, every field is cleared of the secrets the caller
/// names, and the free-text fields (detail, ticket, user name) of anything shaped like a secret
/// (see ``SecretScrubber``); `redacted` says when that happened.
public struct AuditEntry: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "audit"

    /// The journal's sequence number; nil until appended.
    public var id: Int64?
    public var at: Date
    public var operatorName: String?
    public var tenant: String
    /// The object id (Graph) or user id (Auth0).
    public var userID: String
    public var userName: String?
    /// What was done: `delete method`, `deactivate hardware token`, `add phone`, `create TAP`, ...
    public var action: String
    /// What it was done to: a method's title and id, a phone type, ...
    public var target: String?
    public var outcome: AuditOutcome
    /// Free text: the failure, or a note. Scrubbed of secrets.
    public var detail: String?
    public var requestID: String?
    /// The ticket reference (`INC-1234`).
    public var ticket: String?
    /// The bulk job the change belongs to, if any.
    public var jobID: JobID?
    /// Whether something that looked like a secret was removed from the entry's text.
    public var redacted: Bool

    public init(
        at: Date, operatorName: String?, tenant: String, userID: String, userName: String? = nil,
        action: String, target: String? = nil, outcome: AuditOutcome, detail: String? = nil,
        requestID: String? = nil, ticket: String? = nil, jobID: JobID? = nil
    ) {
        self.id = nil
        self.at = at
        self.operatorName = operatorName
        self.tenant = tenant
        self.userID = userID
        self.userName = userName
        self.action = action
        self.target = target
        self.outcome = outcome
        self.detail = detail
        self.requestID = requestID
        self.ticket = ticket
        self.jobID = jobID
        self.redacted = false
    }

    /// The entry with every text field scrubbed by `scrubber`, and `redacted` set if that removed anything.
    func scrubbed(with scrubber: SecretScrubber) -> AuditEntry {
        var copy = self
        var removed = false
        func clean(_ text: String?, freeText: Bool) -> String? {
            guard let text else { return nil }
            let result = freeText ? scrubber.scrub(text) : scrubber.scrubKnown(text)
            removed = removed || result.redacted
            return result.text
        }
        copy.operatorName = clean(operatorName, freeText: false)
        copy.tenant = clean(tenant, freeText: false) ?? tenant
        copy.userID = clean(userID, freeText: false) ?? userID
        copy.userName = clean(userName, freeText: true)
        copy.action = clean(action, freeText: false) ?? action
        copy.target = clean(target, freeText: false)
        copy.detail = clean(detail, freeText: true)
        copy.requestID = clean(requestID, freeText: false)
        copy.ticket = clean(ticket, freeText: true)
        copy.redacted = redacted || removed
        return copy
    }
}

extension AuditEntry {
    /// Entries as a table, CSV or JSON (`authdesk journal`): every field but the internal ones.
    public static func report(_ entries: [AuditEntry]) -> Report {
        var report = Report(columns: [
            .init("at", "When"), .init("operator", "Operator"), .init("tenant", "Tenant"), .init("user", "User"),
            .init("userName", "Name"), .init("action", "Action"), .init("target", "Target"),
            .init("outcome", "Outcome"), .init("detail", "Detail"), .init("requestId", "Request id"),
            .init("ticket", "Ticket"), .init("job", "Job"), .init("redacted", "Redacted"),
        ])
        for entry in entries {
            report.append(cells: [
                .date(entry.at), .text(entry.operatorName), .string(entry.tenant), .string(entry.userID), .text(entry.userName),
                .string(entry.action), .text(entry.target), .string(entry.outcome.rawValue), .text(entry.detail),
                .text(entry.requestID), .text(entry.ticket), .text(entry.jobID?.rawValue), .bool(entry.redacted),
            ])
        }
        return report
    }
}
