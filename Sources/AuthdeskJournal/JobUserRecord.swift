import Foundation
import GRDB

/// One user of a job, in the order the job lists them, with its state and, when failed, why.
public struct JobUserRecord: Sendable, Hashable, Codable, Identifiable, FetchableRecord, TableRecord {
    public static let databaseTableName = "jobUser"

    /// The journal's own id for this user in this job (for the step and state calls).
    public var id: Int64
    public var jobID: JobID
    public var position: Int
    public var tenant: String
    /// The object id (Graph) or user id (Auth0).
    public var userID: String
    public var displayName: String
    public var state: UserState
    /// Why the user failed (or what verify found left over).
    public var reason: String?
    public var updatedAt: Date

    /// A user as a store read it back.
    public init(
        id: Int64, jobID: JobID, position: Int, tenant: String, userID: String, displayName: String, state: UserState,
        reason: String?, updatedAt: Date
    ) {
        self.id = id
        self.jobID = jobID
        self.position = position
        self.tenant = tenant
        self.userID = userID
        self.displayName = displayName
        self.state = state
        self.reason = reason
        self.updatedAt = updatedAt
    }
}
