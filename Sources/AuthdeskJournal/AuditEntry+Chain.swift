import AuthdeskCore
import Foundation
import GRDB

/// An audit entry as the hash chain sees it, in the SQLite journal's stored form whichever store
/// keeps it: a PostgreSQL store hashes the same texts, so a chain copied between stores keeps
/// its hashes.
extension AuditEntry {
    /// The hashed values, in ``AuditChain/columns`` order, as SQLite binds them.
    var chainValues: [DatabaseValueConvertible?] {
        [
            at, operatorName, tenant, userID, userName, action, target, outcome.rawValue, detail, requestID, ticket,
            jobID?.rawValue, redacted, verification, requests, methodsBefore, methodsAfter, undoOf,
        ]
    }

    /// The hashed fields, in ``AuditChain/columns`` order, each as SQLite stores it (the time as
    /// `yyyy-MM-dd HH:mm:ss.SSS` UTC, a flag as 1 or 0, a number as text).
    public var chainFields: [String?] {
        chainValues.map { Journal.chainText(($0?.databaseValue) ?? .null) }
    }

    /// `date` as the journal stores and hashes it: `yyyy-MM-dd HH:mm:ss.SSS`, UTC.
    public static func storedText(of date: Date) -> String {
        Journal.chainText(date.databaseValue) ?? ""
    }

    /// A date from its stored text, read as the SQLite journal reads it; nil if it is not one.
    public static func storedDate(_ text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }

    /// The entry checked and scrubbed for appending: a ticket of one line of at most 200
    /// characters; tenant, user and action required; cleared of `secrets` and of anything
    /// shaped like a secret in its free text.
    public func preparedForAppend(scrubbing secrets: [Secret]) throws(JournalError) -> AuditEntry {
        if let ticket, ticket.contains(where: \.isNewline) || ticket.count > 200 {
            throw .invalidInput(field: "ticket", message: "a ticket reference is one line of at most 200 characters")
        }
        guard !tenant.isEmpty, !userID.isEmpty, !action.isEmpty else {
            throw .invalidInput(field: "audit entry", message: "tenant, user and action are required")
        }
        return scrubbed(with: SecretScrubber(known: secrets))
    }
}
