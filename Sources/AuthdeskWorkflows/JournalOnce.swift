import AuthdeskJournal
import Synchronization

/// Opens a journal once, on first use, and hands the same one out after.
final class JournalOnce: Sendable {
    private let opener: @Sendable () throws -> any JournalStorage
    private let opened = Mutex<(any JournalStorage)?>(nil)

    init(_ open: @escaping @Sendable () throws -> any JournalStorage) {
        opener = open
    }

    func open() throws -> any JournalStorage {
        if let journal = opened.withLock({ $0 }) { return journal }
        let journal = try opener()
        opened.withLock { $0 = journal }
        return journal
    }
}
