import AuthdeskTeamJournal
import Foundation

/// The databases a test opened again (as other hosts), to close at its end.
final class Reopened: @unchecked Sendable {
    private let lock = NSLock()
    private var databases: [TeamJournalDatabase] = []

    func add(_ database: TeamJournalDatabase) { lock.withLock { databases.append(database) } }
    var all: [TeamJournalDatabase] { lock.withLock { databases } }
}
