import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices

/// What a journalled change proves: the exact write requests sent (secrets masked, with the
/// service's request ids), and the user's methods read just before and just after it.
public struct ChangeEvidence: Sendable {
    public var requests: [PlannedRequest]
    /// Nil when they could not be read (the change went on regardless).
    public var before: [AuthMethod]?
    public var after: [AuthMethod]?

    public init(requests: [PlannedRequest] = [], before: [AuthMethod]? = nil, after: [AuthMethod]? = nil) {
        self.requests = requests
        self.before = before
        self.after = after
    }

    /// `entry` with the evidence in its columns.
    func fill(_ entry: inout AuditEntry) {
        if !requests.isEmpty {
            entry.requests = AuditEntry.encode(requests.map {
                AuditRequest(method: $0.method, url: $0.url, body: $0.body, requestID: $0.requestID)
            })
        }
        entry.methodsBefore = AuditEntry.encode(before?.map(MethodSnapshot.init))
        entry.methodsAfter = AuditEntry.encode(after?.map(MethodSnapshot.init))
    }
}
