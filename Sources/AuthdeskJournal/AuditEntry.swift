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
    /// How the caller was verified (`callback: rang the number on file`), when it was asked.
    public var verification: String?
    /// The write requests sent, as JSON (``AuditRequest``s): method, URL, masked body, request id.
    public var requests: String?
    /// The user's methods before and after the change, as JSON (``MethodSnapshot``s).
    public var methodsBefore: String?
    public var methodsAfter: String?
    /// The entry this change undid.
    public var undoOf: Int64?
    /// The hash chain: the previous entry's hash and this entry's (nil before the chain started).
    public var prevHash: String?
    public var hash: String?

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

    /// The requests recorded with the entry.
    public var sentRequests: [AuditRequest] { Self.decode(requests) ?? [] }
    /// The user's methods before the change; nil when they were not captured.
    public var before: [MethodSnapshot]? { Self.decode(methodsBefore) }
    /// The user's methods after the change; nil when they were not captured.
    public var after: [MethodSnapshot]? { Self.decode(methodsAfter) }

    /// `value` as the JSON text a column holds.
    public static func encode<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }

    static func decode<T: Decodable>(_ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
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
        copy.verification = clean(verification, freeText: true)
        copy.requests = clean(requests, freeText: false)
        copy.methodsBefore = clean(methodsBefore, freeText: false)
        copy.methodsAfter = clean(methodsAfter, freeText: false)
        copy.redacted = redacted || removed
        return copy
    }
}

extension AuditEntry {
    /// Entries as a table, CSV or JSON (`authdesk journal`): every field but the internal ones.
    public static func report(_ entries: [AuditEntry]) -> Report {
        var report = Report(columns: [
            .init("at", "When (UTC)"), .init("operator", "Operator"), .init("tenant", "Tenant"), .init("user", "User"),
            .init("userName", "Name"), .init("action", "Action"), .init("target", "Target"),
            .init("outcome", "Outcome"), .init("detail", "Detail"), .init("requestId", "Request id"),
            .init("ticket", "Ticket"), .init("job", "Job"), .init("redacted", "Redacted"),
            .init("id", "Entry"), .init("verification", "Verification"), .init("undoOf", "Undoes"),
        ])
        for entry in entries {
            report.append([
                AuthMethod.timestamp(entry.at), entry.operatorName, entry.tenant, entry.userID, entry.userName,
                entry.action, entry.target, entry.outcome.rawValue, entry.detail, entry.requestID, entry.ticket,
                entry.jobID?.rawValue, entry.redacted ? "yes" : "no",
                entry.id.map(String.init), entry.verification, entry.undoOf.map(String.init),
            ])
        }
        return report
    }
}
