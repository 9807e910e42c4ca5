import AuthdeskCore
import Foundation
import Synchronization

/// The users the reads returned (to name them in entries) and the password resets being
/// followed (operation URL to user id). The users are kept packed (``UserRows``: the id, display
/// name and principal name an entry names them by), so a console listing 100,000 users keeps a
/// megabyte or so here, not a second copy of every user's strings.
final class KnownUsers: Sendable {
    private struct Store {
        var users = UserRows()
        /// Users read again with another name than the one listed (rare: a rename meanwhile).
        var renamed: [String: DirectoryUser] = [:]
        var operations: [URL: String] = [:]
    }

    /// Enough for a console session's browsing; older names are dropped first when it is full.
    static let capacity = 20_000
    private let store = Mutex(Store())

    func remember(_ users: [DirectoryUser]) {
        store.withLock { store in
            if store.users.count + store.renamed.count + users.count > Self.capacity {
                store.users = UserRows()
                store.renamed = [:]
            }
            for user in users {
                guard let listed = store.users.user(id: user.id) else {
                    store.users.append(user)
                    continue
                }
                if listed.displayName != user.displayName || listed.principalName != user.principalName {
                    store.renamed[user.id] = user
                } else {
                    store.renamed[user.id] = nil
                }
            }
        }
    }

    func user(_ id: String) -> DirectoryUser? {
        store.withLock { $0.renamed[id] ?? $0.users.user(id: id) }
    }

    func follow(_ url: URL, userID: String) {
        store.withLock { $0.operations[url] = userID }
    }

    func followed(_ url: URL) -> String? {
        store.withLock { $0.operations[url] }
    }
}
