import AuthdeskCore
import Foundation
import Synchronization

/// The users the reads returned (to name them in entries) and the password resets being
/// followed (operation URL to user id).
final class KnownUsers: Sendable {
    private struct Store {
        var users: [String: DirectoryUser] = [:]
        var operations: [URL: String] = [:]
    }

    /// Enough for a console session's browsing; older names are dropped first when it is full.
    static let capacity = 20_000
    private let store = Mutex(Store())

    func remember(_ users: [DirectoryUser]) {
        store.withLock { store in
            if store.users.count + users.count > Self.capacity { store.users = [:] }
            for user in users { store.users[user.id] = user }
        }
    }

    func user(_ id: String) -> DirectoryUser? {
        store.withLock { $0.users[id] }
    }

    func follow(_ url: URL, userID: String) {
        store.withLock { $0.operations[url] = userID }
    }

    func followed(_ url: URL) -> String? {
        store.withLock { $0.operations[url] }
    }
}
