import AuthdeskJournal
import AuthdeskServices

/// How the engine sends a user's steps: one step a request, or several chained in one round
/// trip (``MethodRemover/performInOrder(_:of:)``); either way each step is journalled `sent`
/// before the request and its own answer after it, exactly as on its own: the marks in one
/// journal call, the answers in another.
extension BulkResetEngine {
    /// What became of steps sent: all done (go on), the user stopped (a failed step, or the
    /// journal failed), or throttled from the `from`-th step sent (429 after the transport's
    /// attempts): those steps are sent again after `wait` (the service's `Retry-After`, at least
    /// ``BulkResetEngine/resendWait``), the ones before it stay done.
    enum SendOutcome: Equatable {
        case sent
        /// All done, and they were the user's last steps: the user is journalled `verifying`
        /// with their answers.
        case sentVerifying
        case stopped
        case throttled(from: Int, wait: Duration)
    }

    /// Sends `steps` of `user` (one, or a chain), journals each answer, and finishes the user
    /// failed at the first failed step, unless it was throttled and `mayResend`: then the user
    /// is kept to send again. A step the service still refused with 429 goes to `record`.
    /// `last`: these are the user's last steps; when all succeed, the user moves to `verifying`
    /// in the same commit as their answers.
    func send(
        _ steps: [JobStepRecord], of user: JobUserRecord, remover: any MethodRemover, mayResend: Bool, last: Bool = false,
        emit: AsyncStream<BulkResetEvent>.Continuation, record: @Sendable (AdaptiveConcurrency.Signal) async -> Void
    ) async -> SendOutcome {
        let sent: [JobStepRecord]
        do {
            // A chain's marks in one commit (the journal groups concurrent users' too): every
            // step of the request is journalled `sent` before it goes out.
            sent = try await journal.markSent(steps: steps.map(\.id), at: now())
        } catch {
            await journalFailed(error, emit: emit)
            return .stopped
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
        var verifying = false
        do {
            let answered = zip(sent, answers).map { (step: $0.id, answer: $1) }
            if last {
                let recorded = try await journal.recordLastAnswers(answered, verifying: user.id, at: now())
                finished = recorded.steps
                verifying = recorded.user != nil
            } else {
                finished = try await journal.recordAnswers(answered, at: now())
            }
        } catch {
            await journalFailed(error, emit: emit)
            return .stopped
        }
        let failed = finished.firstIndex(where: { $0.state == .failed })
        // Throttled: that step and the ones after it (424, never run) go again; what was done
        // before it is journalled done and never sent again. Said as a wait, not as failures.
        let resend = failed.flatMap { mayResend && finished[$0].httpStatus == 429 ? $0 : nil }
        for step in finished[..<(resend ?? finished.endIndex)] {
            emit.yield(.stepFinished(tenant: user.tenant, userID: user.userID, step: step))
        }
        if let resend {
            let wait = max(answers[resend].retryAfter ?? Self.resendWait, Self.resendWait)
            emit.yield(.stepThrottled(tenant: user.tenant, userID: user.userID, step: finished[resend], wait: wait))
            return .throttled(from: resend, wait: wait)
        }
        guard let index = failed else { return verifying ? .sentVerifying : .sent }
        await finish(user, .failed, reason: JobSummary.describe(finished[index]), emit: emit)
        return .stopped
    }
}
