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
    /// access is cancelled and reported with why the server cannot be reached.
    func access<T: Sendable>(_ body: @escaping @Sendable (PostgresClient) async throws -> T) async throws(JournalError) -> T {
        let client = client
        var lost: TeamJournalError?
        do {
            let finished = try await withThrowingTaskGroup(of: Finished<T>?.self) { group in
                group.addTask { Finished(value: try await body(client)) }
                while true {
                    group.addTask {
                        try await Task.sleep(for: Self.patience)
                        return nil
                    }
                    if let finished = try await group.next() ?? nil {
                        group.cancelAll()
                        return Optional(finished)
                    }
                    if let problem = await unreachable() {
                        lost = problem
                        group.cancelAll()
                        return nil
                    }
                }
            }
            if let finished { return finished.value }
        } catch let error as JournalError {
            throw error
        } catch let error as PostgresTransactionError {
            if let journal = error.closureError as? JournalError { throw journal }
            throw .storage(TeamJournalError.describing(error, at: url).message)
        } catch {
            throw .storage(TeamJournalError.describing(error, at: url).message)
        }
        throw .storage("no answer from the team journal for \(Self.patience.components.seconds) s: \(lost?.message ?? "")")
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

/// A value an access produced in time (nil in the race means the bound passed first).
private struct Finished<T: Sendable>: Sendable {
    var value: T
}
