import AuthdeskCore
import AuthdeskServices

/// Gathers the method-list reads that the engine's workers make one user at a time (verifying
/// each user after its steps) into the provider's batched reads (Graph's `$batch`): the users
/// asked for while the reads in flight are being answered wait and go together in the next, as
/// many as the provider's ``IdentityProvider/readBatchSize`` at most, with up to
/// ``maxReadsInFlight`` gatherings read at once (one at a time would cap a run at one batch of
/// users per round trip). No timer: a read asked for while a place is free goes at once.
actor MethodListGatherer {
    /// Gatherings read at once.
    static let maxReadsInFlight = 4
    private let provider: any IdentityProvider
    private var waiting: [(userID: String, answer: CheckedContinuation<Result<[AuthMethod], ServiceError>, Never>)] = []
    private var reading = 0

    init(provider: any IdentityProvider) {
        self.provider = provider
    }

    /// The user's methods, read together with those of the users asked for at about the same time.
    func methods(of userID: String) async -> Result<[AuthMethod], ServiceError> {
        await withCheckedContinuation { continuation in
            waiting.append((userID, continuation))
            if reading < Self.maxReadsInFlight {
                reading += 1
                Task { await self.readWhileWaiting() }
            }
        }
    }

    private func readWhileWaiting() async {
        while !waiting.isEmpty {
            let gathered = Array(waiting.prefix(max(1, provider.readBatchSize)))
            waiting.removeFirst(gathered.count)
            let ids = Array(Set(gathered.map(\.userID)))
            let read: [String: Result<[AuthMethod], ServiceError>]
            do {
                read = try await provider.methodLists(of: ids)
            } catch {
                read = Dictionary(ids.map { ($0, .failure(error)) }) { first, _ in first }
            }
            for entry in gathered {
                entry.answer.resume(returning: read[entry.userID]
                    ?? .failure(ServiceError(kind: .invalidResponse, message: "No answer was read for user \(entry.userID)")))
            }
        }
        reading -= 1
    }
}
