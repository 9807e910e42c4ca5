import AuthdeskCore
import Foundation
import GRDB

/// A job as the journal holds it: who started it, for which ticket, under which policy, and
/// where it is.
public struct JobRecord: Sendable, Hashable, Codable, Identifiable, FetchableRecord, TableRecord {
    public static let databaseTableName = "job"

    public var id: JobID
    public var createdAt: Date
    /// The signed-in operator (`helpdesk@contoso.com`), when known.
    public var operatorName: String?
    /// The ticket the job is for (`INC-1234`), when given.
    public var ticket: String?
    public var policy: ResetPolicy
    public var state: JobState
    public var updatedAt: Date
    /// How the callers were verified (`callback: ...`), written with each step's audit entry.
    public var verification: String?
    /// The host that created the job, or last ran it (`jobs resume` from another host); nil for
    /// jobs journalled before hosts were recorded.
    public var host: String?
}
