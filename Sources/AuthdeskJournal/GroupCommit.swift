import Foundation
import GRDB
import Synchronization

/// Group commit: the writes that callers ask for while a commit is on its way to disk wait for
/// the next one, and go in it together, each in its own savepoint. A caller still returns only
/// once its write is durable (`synchronous=FULL`), so "a step is committed `sent` before its
/// request goes out" holds as before; but a bulk run's concurrent users share one fsync instead
/// of paying one each (about 32,000 commits for 5,000 users before).
///
/// A write that throws rolls back its own savepoint only: the others in the same transaction
/// are kept, and each caller gets its own result or error.
final class GroupCommit: Sendable {
    private typealias Outcome = Result<any Sendable, any Error>

    private struct Waiting: Sendable {
        let body: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private struct Queue {
        var waiting: [Waiting] = []
        var flushing = false
    }

    private let pool: DatabasePool
    private let queue = Mutex(Queue())
    /// Transactions committed, for tests and figures.
    private let commits = Atomic<Int>(0)

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// How many transactions this group has committed so far.
    var commitCount: Int { commits.load(ordering: .relaxed) }

    /// Runs `body` in the next group transaction, and returns once that transaction is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            let lead = queue.withLock { queue in
                queue.waiting.append(Waiting(body: body, continuation: continuation))
                defer { queue.flushing = true }
                return !queue.flushing
            }
            if lead {
                Task { await self.flush() }
            }
        }
        guard let result = value as? T else {
            preconditionFailure("GroupCommit: a write returned \(type(of: value)), not \(T.self)")
        }
        return result
    }

    /// Commits what waits, then what came meanwhile, until nothing waits.
    private func flush() async {
        while true {
            let batch = queue.withLock { queue in
                let batch = queue.waiting
                queue.waiting = []
                if batch.isEmpty { queue.flushing = false }
                return batch
            }
            if batch.isEmpty { return }
            let outcomes: [Outcome]
            do {
                outcomes = try await pool.write { db in batch.map { Self.run($0.body, in: db) } }
                commits.add(1, ordering: .relaxed)
            } catch {
                outcomes = batch.map { _ in .failure(error) }
            }
            for (waiting, outcome) in zip(batch, outcomes) {
                waiting.continuation.resume(with: outcome)
            }
        }
    }

    private static func run(_ body: @Sendable (Database) throws -> any Sendable, in db: Database) -> Outcome {
        do {
            var value: (any Sendable)?
            try db.inSavepoint {
                value = try body(db)
                return .commit
            }
            guard let value else { return .failure(JournalError.storage("a grouped write gave no value")) }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}
