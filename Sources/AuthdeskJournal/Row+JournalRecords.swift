import AuthdeskCore
import Foundation
import GRDB

/// The journal's records read column by column, not through `Codable`: GRDB's row decoder
/// (a `Decoder`, generic metadata, a keyed container per row) was a quarter of the journal's
/// CPU in a 5,000-user run, which reads a step row for every mark and every answer. The columns
/// and their meaning are the same as the `Codable` forms (kept for JSON).
extension Row {
    /// The text in `column` as a `T`; a value `T` does not know is a storage error.
    func decodeRaw<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
        let text = try decode(String.self, forColumn: column)
        guard let value = T(rawValue: text) else {
            throw JournalError.storage("the journal's \(column) holds \(text.debugDescription), which this version does not know")
        }
        return value
    }
}

extension JobStepRecord {
    public init(row: Row) throws {
        self.init(
            id: try row.decode(Int64.self, forColumn: "id"), jobUserID: try row.decode(Int64.self, forColumn: "jobUserID"),
            position: try row.decode(Int.self, forColumn: "position"), methodID: try row.decode(String.self, forColumn: "methodID"),
            kind: try row.decodeRaw(MethodKind.self, "kind"), action: try row.decodeRaw(StepAction.self, "action"),
            title: try row.decode(String.self, forColumn: "title"), isDefault: try row.decode(Bool.self, forColumn: "isDefault"),
            state: try row.decodeRaw(StepState.self, "state"), attempts: try row.decode(Int.self, forColumn: "attempts"),
            httpStatus: try row.decode(Int?.self, forColumn: "httpStatus"),
            errorCode: try row.decode(String?.self, forColumn: "errorCode"),
            errorMessage: try row.decode(String?.self, forColumn: "errorMessage"),
            requestID: try row.decode(String?.self, forColumn: "requestID"),
            sentAt: try row.decode(Date?.self, forColumn: "sentAt"), finishedAt: try row.decode(Date?.self, forColumn: "finishedAt"))
    }
}

extension JobUserRecord {
    public init(row: Row) throws {
        self.init(
            id: try row.decode(Int64.self, forColumn: "id"), jobID: JobID(try row.decode(String.self, forColumn: "jobID")),
            position: try row.decode(Int.self, forColumn: "position"), tenant: try row.decode(String.self, forColumn: "tenant"),
            userID: try row.decode(String.self, forColumn: "userID"),
            displayName: try row.decode(String.self, forColumn: "displayName"),
            state: try row.decodeRaw(UserState.self, "state"), reason: try row.decode(String?.self, forColumn: "reason"),
            updatedAt: try row.decode(Date.self, forColumn: "updatedAt"))
    }
}

extension JobRecord {
    public init(row: Row) throws {
        id = JobID(try row.decode(String.self, forColumn: "id"))
        createdAt = try row.decode(Date.self, forColumn: "createdAt")
        operatorName = try row.decode(String?.self, forColumn: "operatorName")
        ticket = try row.decode(String?.self, forColumn: "ticket")
        policy = try row.decodeRaw(ResetPolicy.self, "policy")
        state = try row.decodeRaw(JobState.self, "state")
        updatedAt = try row.decode(Date.self, forColumn: "updatedAt")
        verification = try row.decode(String?.self, forColumn: "verification")
        host = try row.decode(String?.self, forColumn: "host")
    }
}

extension KeptMethodRecord {
    public init(row: Row) throws {
        self.init(
            jobUserID: try row.decode(Int64.self, forColumn: "jobUserID"),
            methodID: try row.decode(String.self, forColumn: "methodID"), kind: try row.decodeRaw(MethodKind.self, "kind"),
            title: try row.decode(String.self, forColumn: "title"), reason: try row.decodeRaw(KeepReason.self, "reason"))
    }
}
