import AuthdeskConfig
import AuthdeskJournal
import Foundation
import PostgresNIO

extension TeamJournalDatabase {
    /// How long a journal operation waits for PostgreSQL (a connection from the pool, its
    /// statements, the commit) before authdesk asks whether the server can still be reached:
    /// postgres-nio's pool would otherwise retry a lost server quietly for about a minute while
    /// a job waits to send. A server that answers a new connection is only slow: the wait goes on.
    public static let patience: Duration = .seconds(5)

    /// Runs a database access on the pool: a ``JournalError`` (thrown in a transaction too) passes
    /// through, any other error becomes `.storage` with what PostgreSQL said and the journal's
    /// URL. Every ``patience`` without an answer one new connection is tried; when it fails, the
    /// access is given up (cancelled, never waited for: a statement already written to a lost
    /// connection does not end on cancellation) and reported with why the server cannot be
    /// reached. Once the server has been found unreachable, each access asks it first (one new
    /// connection) and fails at once while it stays so: a job stops within seconds of an outage
    /// instead of waiting ``patience`` again for every lease, step and summary it still touches.
    func access<T: Sendable>(_ body: @escaping @Sendable (PostgresClient) async throws -> T) async throws(JournalError) -> T {
        if isLost, let problem = await unreachable() { throw .storage(problem.message) }
        let client = client
        let work = Task { () async -> Result<T, any Error> in
            do {
                return .success(try await body(client))
            } catch {
                return .failure(error)
            }
        }
        let outcome = await withTaskCancellationHandler {
            await answer(of: work)
        } onCancel: {
            work.cancel()
        }
        switch outcome {
        case .answered(let answer):
            return try answer.get(describingErrorsAt: url)
        case .unreachable(let problem):
            work.cancel()
            throw .storage("no answer from the team journal for \(Self.patience.components.seconds) s: \(problem.message)")
        }
    }

    /// `work`'s answer, waited for while the server answers a new connection each ``patience``.
    private func answer<T: Sendable>(of work: Task<Result<T, any Error>, Never>) async -> Outcome<T> {
        while true {
            if let answer = await BoundedWait.answer(within: Self.patience, { await work.value }) { return .answered(answer) }
            if let problem = await unreachable() { return .unreachable(problem) }
        }
    }

    /// Runs `body` in one transaction; committed before this returns, rolled back if it throws.
    func transaction<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(JournalError) -> T {
        try await access { client in
            try await client.withTransaction(logger: Self.logger) { connection in try await body(connection) }
        }
    }

    /// Runs `body`'s reads in one consistent snapshot (a read-only repeatable-read transaction).
    func snapshot<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(JournalError) -> T {
        try await transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: Self.logger)
            return try await body(connection)
        }
    }
}

/// How an access ended: its body's answer, or the server found unreachable while waiting for it.
private enum Outcome<T: Sendable>: Sendable {
    case answered(Result<T, any Error>)
    case unreachable(TeamJournalError)
}

extension Result where Failure == any Error {
    /// The value, or the error as a ``JournalError``: one thrown as such (in a transaction too)
    /// as it is, any other with what PostgreSQL said and the journal's URL.
    fileprivate func get(describingErrorsAt url: TeamJournalURL) throws(JournalError) -> Success {
        switch self {
        case .success(let value):
            return value
        case .failure(let error as JournalError):
            throw error
        case .failure(let error as PostgresTransactionError):
            if let journal = error.closureError as? JournalError { throw journal }
            throw .storage(TeamJournalError.describing(error, at: url).message)
        case .failure(let error):
            throw .storage(TeamJournalError.describing(error, at: url).message)
        }
    }
}
