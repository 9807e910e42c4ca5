import AuthdeskCore
import GRDB

/// A method a job's plan kept for one user, and why, so that a summary can show it later.
public struct KeptMethodRecord: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "keptMethod"

    public var jobUserID: Int64
    public var methodID: String
    public var kind: MethodKind
    public var title: String
    public var reason: KeepReason

    /// A kept method as a store read it back.
    public init(jobUserID: Int64, methodID: String, kind: MethodKind, title: String, reason: KeepReason) {
        self.jobUserID = jobUserID
        self.methodID = methodID
        self.kind = kind
        self.title = title
        self.reason = reason
    }
}
