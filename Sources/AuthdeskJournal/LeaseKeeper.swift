/// Holds one process's leases while its work goes on: takes them, renews every one each third
/// of their length, and gives them up when the work ends. A process that dies stops renewing,
/// so its leases lapse after one length and another host may take the users over.
public actor LeaseKeeper {
    /// Waits between two renewals (`Task.sleep` but in tests, which step it by hand).
    public typealias Pause = @Sendable (Duration) async throws -> Void

    public let leases: any UserLeasing
    public let holder: UserLease.Holder
    public let length: Duration
    private let pause: Pause
    private var held: Set<UserLease.Key> = []
    private var lostKeys: Set<UserLease.Key> = []
    private var renewing: Task<Void, Never>?

    /// `pause`: what the renewal task waits on between renewals (a third of `length` each).
    public init(
        leases: any UserLeasing, holder: UserLease.Holder, length: Duration = .seconds(60),
        pause: @escaping Pause = { try await Task.sleep(for: $0) }
    ) {
        self.leases = leases
        self.holder = holder
        self.length = length
        self.pause = pause
    }

    /// Asks for the lease on `key`; a granted one is renewed from now on until released.
    public func hold(_ key: UserLease.Key) async throws -> UserLeaseOutcome {
        let outcome = try await leases.acquire(key, as: holder, for: length)
        if case .granted = outcome {
            held.insert(key)
            lostKeys.remove(key)
            startRenewing()
        }
        return outcome
    }

    /// Gives up the lease on `key`.
    public func release(_ key: UserLease.Key) async throws {
        held.remove(key)
        try await leases.release(key, as: holder)
    }

    /// Gives up every lease held and stops renewing (the work is over).
    public func releaseAll() async throws {
        renewing?.cancel()
        renewing = nil
        for key in held.sorted(by: { ($0.tenant, $0.userID) < ($1.tenant, $1.userID) }) { try await release(key) }
    }

    /// Renews every lease held now; one that is no longer this holder's (it lapsed and another
    /// took it) is dropped and listed in ``lost``. The renewal task calls this each third of a length.
    public func renewAll() async throws {
        for key in held where try await !leases.renew(key, as: holder, for: length) {
            held.remove(key)
            lostKeys.insert(key)
        }
    }

    /// The users whose lease was taken over while this holder still meant to hold them: nothing
    /// more may be sent for them.
    public var lost: Set<UserLease.Key> { lostKeys }

    /// The users held now.
    public var holding: Set<UserLease.Key> { held }

    /// Stops renewing without releasing: what a killed process leaves behind (for tests).
    public func abandon() {
        renewing?.cancel()
        renewing = nil
    }

    private func startRenewing() {
        guard renewing == nil else { return }
        let interval = length / 3
        let pause = pause
        renewing = Task { [weak self] in
            while !Task.isCancelled {
                try? await pause(interval)
                guard !Task.isCancelled, let self else { return }
                // A failed renewal (the database unreachable) is tried again next time; the
                // lease lapses on its own if that goes on longer than its length.
                try? await self.renewAll()
            }
        }
    }
}
