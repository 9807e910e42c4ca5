import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Synchronization

/// A bulk screen over fake removers (one per tenant), a journal in a temporary directory and a
/// manual clock, with a way to wait for a state.
struct BulkHarness {
    let removers: [String: FakeRemover]
    let clock = ManualClock()
    let directory: URL
    let journal: Journal
    let model: BulkScreenViewModel
    let closed = Closed()
    private let changed = Condition()

    /// The users the screen sent back when it closed.
    final class Closed: Sendable {
        private let keys = Mutex<[[Marks.Key]]>([])
        func append(_ done: [Marks.Key]) { keys.withLock { $0.append(done) } }
        var all: [[Marks.Key]] { keys.withLock { $0 } }
    }

    /// `preflights`: the providers whose pre-flight checks each tenant's users (none by default).
    init(
        removers: [String: FakeRemover], preflights: [String: FakeIdentityProvider] = [:], readOnly: Bool = false,
        perTenantLimit: Int = 1, owner: BulkScreenViewModel.JobOwner? = nil
    ) throws {
        self.removers = removers
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let journal = try Journal(url: directory.appendingPathComponent("journal.sqlite"))
        self.journal = journal
        model = BulkScreenViewModel(
            removers: { name throws(ServiceError) in
                guard let remover = removers[name] else { throw ServiceError(kind: .notFound, message: "no tenant \(name)") }
                return remover
            },
            preflights: { name in preflights[name].map { Preflight(provider: $0) } },
            journal: { journal }, exportDirectory: directory.appendingPathComponent("exports"),
            operatorName: "tester@host", owner: owner, readOnly: readOnly, perTenantLimit: perTenantLimit, clock: clock)
        let changed = changed
        model.observe { _ in changed.signal() }
        let closed = closed
        model.onClose { closed.append($0) }
    }

    var state: BulkScreenState { model.state }

    @discardableResult
    func wait(until isMet: @escaping @Sendable (BulkScreenState) -> Bool) async -> BulkScreenState {
        let model = model
        await changed.wait { isMet(model.state) }
        return model.state
    }

    /// Opens the screen for `entries`, plans them with `policy`, and waits for the plan.
    @discardableResult
    func plan(_ entries: [Marks.Entry], policy: ResetPolicy = .portal) async -> BulkScreenState {
        model.openReset(entries)
        if policy != state.policy { model.perform(.togglePolicy) }
        model.perform(.accept)
        return await wait { $0.phase == .plan }
    }

    /// Every performed step of every tenant.
    var performed: [String] { removers.values.flatMap(\.performed) }
}
