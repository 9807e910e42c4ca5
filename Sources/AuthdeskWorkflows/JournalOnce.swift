import AuthdeskJournal
import Synchronization

/// Opens a journal once, on first use, and hands the same one out after.
final class JournalOnce: Sendable {
    private let opener: @Sendable () throws -> Journal
    private let opened = Mutex<Journal?>(nil)

    init(_ open: @escaping @Sendable () throws -> Journal) {
        opener = open
    }

    func open() throws -> Journal {
        if let journal = opened.withLock({ $0 }) { return journal }
        let journal = try opener()
        opened.withLock { $0 = journal }
        return journal
    }
}
