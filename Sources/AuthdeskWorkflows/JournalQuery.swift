import AuthdeskJournal
import Foundation

/// Which audit entries an operator asks for: since a time, for a user, in a tenant, with a
/// ticket. Filters combine; every bad value is refused before the journal is read.
public struct JournalQuery: Sendable {
    public var since: Date?
    /// The user's object id (Auth0: user id), display name or principal name, in any letter case.
    public var user: String?
    public var tenant: String?
    public var ticket: String?

    /// `since`: an ISO 8601 time with a zone, or a date (UTC midnight).
    public init(since: String? = nil, user: String? = nil, tenant: String? = nil, ticket: String? = nil) throws(UsageError) {
        self.since = try since.map(Self.parseDate)
        self.user = user
        self.tenant = tenant
        self.ticket = ticket
    }

    /// The matching entries of `journal`, oldest first.
    public func entries(in journal: any AuditLogStorage) async throws -> [AuditEntry] {
        let entries = try await journal.audit(since: since, tenant: tenant, ticket: ticket)
        guard let user else { return entries }
        let wanted = user.lowercased()
        return entries.filter { entry in
            let name = entry.userName?.lowercased() ?? ""
            return entry.userID.lowercased() == wanted || name == wanted || name.hasPrefix(wanted + " (")
                || name.hasSuffix("(" + wanted + ")")
        }
    }

    /// An ISO 8601 time with a zone (`2026-11-26T09:00:00Z`, fractions allowed), or a date (UTC midnight).
    public static func parseDate(_ text: String) throws(UsageError) -> Date {
        if let date = InputCheck.isoTime(text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        if let date = day.date(from: text) { return date }
        throw UsageError("--since '\(text)' is not an ISO 8601 time; write 2026-11-26T09:00:00Z or 2026-11-26")
    }
}
