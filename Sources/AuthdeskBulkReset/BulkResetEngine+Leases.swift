import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation
import Synchronization

/// Each user's steps under that user's lease (``BulkLeases``): taken before the user's first
/// step, renewed by the run's ``LeaseKeeper`` while the user runs, given up when the user is
/// done; a user held by another operator waits for the end of the run.
extension BulkResetEngine {
    /// Users held by another operator when their turn came, with the lease that held them.
    final class Deferred: Sendable {
        let users = Mutex<[(user: ResumableUser, lease: UserLease)]>([])

        func add(_ user: ResumableUser, _ lease: UserLease) {
            users.withLock { $0.append((user, lease)) }
        }

        func take() -> [(user: ResumableUser, lease: UserLease)] {
            users.withLock { taken in
                defer { taken = [] }
                return taken
            }
        }
    }

    /// The run's keeper of leases, made when the run starts (nil without ``BulkLeases``).
    func startKeeping(for job: JobRecord) -> LeaseKeeper? {
        guard let leases else { return nil }
        let keeper = LeaseKeeper(
            leases: leases.leasing,
            holder: .thisProcess(operatorName: job.operatorName ?? OperatorName.current, ticket: job.ticket),
            length: leases.length, pause: leases.pause)
        keeperBox.withLock { $0 = keeper }
        return keeper
    }

    var keeper: LeaseKeeper? { keeperBox.withLock { $0 } }

    /// Runs `entry` holding its user's lease; held by another, the user is put in `deferred`.
    /// Once the run is stopped no lease is asked for.
    func runHolding(
        _ entry: ResumableUser, remover: any MethodRemover, policy: ResetPolicy, deferred: Deferred,
        emit: AsyncStream<BulkResetEvent>.Continuation, record: @escaping @Sendable (AdaptiveConcurrency.Signal) async -> Void
    ) async {
        guard let keeper, let leases else {
            return await runUser(entry, remover: remover, policy: policy, emit: emit, record: record)
        }
        // Cancelled, suspended or the journal failed: the user is left as it is, no lease asked.
        guard await !control.isCancelled else { return }
        switch await hold(entry, keeper: keeper, emit: emit) {
        case .heldByAnother(let lease)?:
            deferred.add(entry, lease)
        case .granted?:
            await runHeld(entry, recheck: leases.recheckEveryUser, remover: remover, policy: policy, emit: emit, record: record)
            try? await keeper.release(Self.key(of: entry))
        case nil:
            return
        }
    }

    /// The users deferred in `deferred`, asked for again until each is granted or
    /// ``BulkLeases/deferralWait`` has passed; those still held are failed naming the holder.
    /// Stops (leaving them waiting) when the run is cancelled, suspended or its journal failed.
    func runDeferred(
        _ deferred: Deferred, remover: any MethodRemover, policy: ResetPolicy, emit: AsyncStream<BulkResetEvent>.Continuation
    ) async {
        guard let keeper, let leases else { return }
        var waiting = deferred.take()
        let start = now()
        while !waiting.isEmpty {
            var still: [(user: ResumableUser, lease: UserLease)] = []
            for (entry, _) in waiting {
                guard await control.proceed(onHold: {}) else { return }
                switch await hold(entry, keeper: keeper, emit: emit) {
                case .heldByAnother(let holder)?:
                    still.append((entry, holder))
                case .granted?:
                    await runHeld(entry, recheck: true, remover: remover, policy: policy, emit: emit, record: { _ in })
                    try? await keeper.release(Self.key(of: entry))
                case nil:
                    continue
                }
            }
            waiting = still
            guard !waiting.isEmpty, now().timeIntervalSince(start) < leases.deferralWait / .seconds(1) else { break }
            try? await sleep(leases.retryInterval)
        }
        for (entry, lease) in waiting {
            let name = entry.user.displayName.isEmpty ? entry.user.userID : entry.user.displayName
            await finish(
                entry.user, .failed,
                reason: "lease: \(lease.heldSentence(user: name)); nothing was sent (jobs resume --retry-failed finishes it)",
                emit: emit)
        }
    }

    /// Asks for `entry`'s lease; nil when it could not be asked (the user is then failed).
    private func hold(
        _ entry: ResumableUser, keeper: LeaseKeeper, emit: AsyncStream<BulkResetEvent>.Continuation
    ) async -> UserLeaseOutcome? {
        do {
            return try await keeper.hold(Self.key(of: entry))
        } catch {
            await finish(entry.user, .failed, reason: "lease: cannot be taken (\(error)); nothing was sent", emit: emit)
            return nil
        }
    }

    /// Runs `entry`, held; with `recheck`, only the steps whose method the user still has are
    /// sent (another job or operator may have removed the others since the plan), and a user
    /// with nothing left to remove is done without a request.
    private func runHeld(
        _ entry: ResumableUser, recheck: Bool, remover: any MethodRemover, policy: ResetPolicy,
        emit: AsyncStream<BulkResetEvent>.Continuation, record: @escaping @Sendable (AdaptiveConcurrency.Signal) async -> Void
    ) async {
        guard recheck, let methods = try? await remover.methods(of: entry.user.userID) else {
            return await runUser(entry, remover: remover, policy: policy, emit: emit, record: record)
        }
        let present = Set(methods.map(\.id))
        let left = entry.steps.filter { present.contains($0.methodID) }
        // The steps whose method is gone are journalled done, nothing sent, so the job's counts
        // and a later resume agree with the service.
        guard await journalRemoved(entry.steps.filter { !present.contains($0.methodID) }, of: entry.user, emit: emit) else {
            return
        }
        if left.isEmpty, policy.leftovers(in: methods).isEmpty {
            return await finish(
                entry.user, .done, reason: "nothing sent: its methods were removed before this job held the user", emit: emit)
        }
        await runUser(ResumableUser(user: entry.user, steps: left), remover: remover, policy: policy, emit: emit, record: record)
    }

    /// Journals `steps` of `user` done without a request (``StepAnswer/alreadyRemoved``): `sent`
    /// then answered, as any step. False when the journal failed (the run stops).
    private func journalRemoved(
        _ steps: [JobStepRecord], of user: JobUserRecord, emit: AsyncStream<BulkResetEvent>.Continuation
    ) async -> Bool {
        for step in steps {
            do {
                _ = try await journal.markSent(step: step.id, at: now())
                let finished = try await journal.recordAnswer(step: step.id, .alreadyRemoved, at: now())
                emit.yield(.stepFinished(tenant: user.tenant, userID: user.userID, step: finished))
            } catch {
                await journalFailed(error, emit: emit)
                return false
            }
        }
        return true
    }

    /// Whether `entry`'s lease was taken over while it runs (it lapsed: the renewals failed for
    /// a whole length): nothing more may be sent for the user.
    func leaseLost(_ entry: ResumableUser) async -> Bool {
        guard let keeper else { return false }
        return await keeper.lost.contains(Self.key(of: entry))
    }

    func finishLost(_ user: JobUserRecord, emit: AsyncStream<BulkResetEvent>.Continuation) async {
        await finish(
            user, .failed,
            reason: "lease: lost while the user ran (not renewed in time; another may hold the user); the rest was not sent",
            emit: emit)
    }

    static func key(of entry: ResumableUser) -> TenantUserKey {
        TenantUserKey(tenant: entry.user.tenant, userID: entry.user.userID)
    }
}
