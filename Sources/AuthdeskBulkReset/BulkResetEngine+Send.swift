import AuthdeskJournal
import AuthdeskServices

/// How the engine sends a user's steps: one step a request, or several chained in one round
/// trip (``MethodRemover/performInOrder(_:of:)``); either way each step is journalled `sent`
/// before the request and its own answer after it, exactly as on its own: the marks in one
/// journal call, the answers in another.
extension BulkResetEngine {
    /// Sends `steps` of `user` (one, or a chain), journals each answer, and finishes the user
    /// failed at the first failed step. False when the user stops here (a failed step, or the
    /// journal failed); a step the service still refused with 429 goes to `record`.
    func send(
        _ steps: [JobStepRecord], of user: JobUserRecord, remover: any MethodRemover,
        emit: AsyncStream<BulkResetEvent>.Continuation, record: @Sendable (AdaptiveConcurrency.Signal) async -> Void
    ) async -> Bool {
        let sent: [JobStepRecord]
        do {
            // A chain's marks in one commit (the journal groups concurrent users' too): every
            // step of the request is journalled `sent` before it goes out.
            sent = try await journal.markSent(steps: steps.map(\.id), at: now())
        } catch {
            await journalFailed(error, emit: emit)
            return false
        }
        for step in sent {
            emit.yield(.stepSent(tenant: user.tenant, userID: user.userID, step: step))
        }
        let sending = ContinuousClock.now
        let answers = sent.count == 1
            ? [await remover.perform(sent[0].planStep, of: user.userID)]
            : await remover.performInOrder(sent.map(\.planStep), of: user.userID)
        if answers.contains(where: { $0.httpStatus == 429 }) {
            await record(.init(latency: ContinuousClock.now - sending, throttled: true))
        }
        let finished: [JobStepRecord]
        do {
            finished = try await journal.recordAnswers(zip(sent, answers).map { (step: $0.id, answer: $1) }, at: now())
        } catch {
            await journalFailed(error, emit: emit)
            return false
        }
        var failed: JobStepRecord?
        for step in finished {
            emit.yield(.stepFinished(tenant: user.tenant, userID: user.userID, step: step))
            if step.state == .failed, failed == nil { failed = step }
        }
        if let failed {
            await finish(user, .failed, reason: JobSummary.describe(failed), emit: emit)
            return false
        }
        return true
    }
}
