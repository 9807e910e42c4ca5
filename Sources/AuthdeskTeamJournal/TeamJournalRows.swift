import AuthdeskCore
import AuthdeskJournal
import Foundation
import PostgresNIO

/// The job tables' rows in PostgreSQL as the journal's records: the columns each query reads, in
/// the order the decoders expect, and the decoders (an unknown state or kind is an error, named).
enum TeamJournalRows {
    static let job = "id, created_at, operator_name, ticket, policy, state, updated_at, verification, host"
    static let user = "id, job_id, position, tenant, user_id, display_name, state, reason, updated_at"
    static let step = """
        id, job_user_id, position, method_id, kind, action, title, is_default, state, attempts, http_status, error_code, \
        error_message, request_id, sent_at, finished_at
        """
    static let kept = "job_user_id, method_id, kind, title, reason"

    /// `columns` with every name prefixed by `table.` (for joins).
    static func qualified(_ columns: String, _ table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }
            .joined(separator: ", ")
    }

    static func job(_ row: PostgresRow) throws -> JobRecord {
        let cells = row.makeRandomAccess()
        let id = JobID(try cells[0].decode(String.self))
        return try JobRecord.stored(
            id: id, createdAt: cells[1].decode(Date.self), operatorName: cells[2].decode(String?.self),
            ticket: cells[3].decode(String?.self), policy: value(cells[4].decode(String.self), "policy of job \(id)"),
            state: value(cells[5].decode(String.self), "state of job \(id)"), updatedAt: cells[6].decode(Date.self),
            verification: cells[7].decode(String?.self), host: cells[8].decode(String?.self))
    }

    static func user(_ row: PostgresRow) throws -> JobUserRecord {
        let cells = row.makeRandomAccess()
        let id = try cells[0].decode(Int64.self)
        return JobUserRecord(
            id: id, jobID: JobID(try cells[1].decode(String.self)), position: Int(try cells[2].decode(Int32.self)),
            tenant: try cells[3].decode(String.self), userID: try cells[4].decode(String.self),
            displayName: try cells[5].decode(String.self), state: try value(cells[6].decode(String.self), "state of job user \(id)"),
            reason: try cells[7].decode(String?.self), updatedAt: try cells[8].decode(Date.self))
    }

    static func step(_ row: PostgresRow) throws -> JobStepRecord {
        let cells = row.makeRandomAccess()
        let id = try cells[0].decode(Int64.self)
        return JobStepRecord(
            id: id, jobUserID: try cells[1].decode(Int64.self), position: Int(try cells[2].decode(Int32.self)),
            methodID: try cells[3].decode(String.self), kind: try value(cells[4].decode(String.self), "kind of step \(id)"),
            action: try value(cells[5].decode(String.self), "action of step \(id)"), title: try cells[6].decode(String.self),
            isDefault: try cells[7].decode(Bool.self), state: try value(cells[8].decode(String.self), "state of step \(id)"),
            attempts: Int(try cells[9].decode(Int32.self)), httpStatus: try cells[10].decode(Int32?.self).map(Int.init),
            errorCode: try cells[11].decode(String?.self), errorMessage: try cells[12].decode(String?.self),
            requestID: try cells[13].decode(String?.self), sentAt: try cells[14].decode(Date?.self),
            finishedAt: try cells[15].decode(Date?.self))
    }

    static func kept(_ row: PostgresRow) throws -> KeptMethodRecord {
        let cells = row.makeRandomAccess()
        let userRow = try cells[0].decode(Int64.self)
        return KeptMethodRecord(
            jobUserID: userRow, methodID: try cells[1].decode(String.self),
            kind: try value(cells[2].decode(String.self), "kind of a method kept for job user \(userRow)"),
            title: try cells[3].decode(String.self),
            reason: try value(cells[4].decode(String.self), "reason of a method kept for job user \(userRow)"))
    }

    /// Every row of `query`, decoded.
    static func all<T>(
        _ query: PostgresQuery, on connection: PostgresConnection, _ decode: (PostgresRow) throws -> T
    ) async throws -> [T] {
        var out: [T] = []
        for try await row in try await connection.query(query, logger: TeamJournalDatabase.logger) {
            out.append(try decode(row))
        }
        return out
    }

    private static func value<E: RawRepresentable>(_ text: String, _ what: String) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: text) else { throw JournalError.storage("\(what): unknown value '\(text)'") }
        return value
    }
}
