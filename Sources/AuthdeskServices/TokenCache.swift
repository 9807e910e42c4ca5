import Foundation

/// The token a credential holds, how it signs in, and the one sign-in in flight: callers that
/// ask at the same time wait for the same sign-in, and a token is reused until `refreshMargin`
/// before it expires. Every credential keeps one and differs only in its ``SignIn``.
actor TokenCache {
    /// Signs in; given the last token (expired or not) for its refresh token.
    typealias SignIn = @Sendable (_ previous: AccessToken?) async throws(ServiceError) -> AccessToken

    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private let failurePrefix: String
    private let signIn: SignIn
    private var cached: AccessToken?
    /// The last token with a refresh token, kept after ``invalidate()`` so it can still refresh.
    private var last: AccessToken?
    private var pending: Task<AccessToken, any Error>?

    init(
        refreshMargin: TimeInterval, now: @escaping @Sendable () -> Date, failurePrefix: String = "Sign-in failed",
        signIn: @escaping SignIn
    ) {
        self.refreshMargin = refreshMargin
        self.now = now
        self.failurePrefix = failurePrefix
        self.signIn = signIn
    }

    func token() async throws(ServiceError) -> AccessToken {
        if let cached, cached.isValid(at: now(), margin: refreshMargin) { return cached }
        let task: Task<AccessToken, any Error>
        if let pending {
            task = pending
        } else {
            let previous = last, signIn = signIn
            task = Task { try await signIn(previous) }
            pending = task
        }
        defer { if pending == task { pending = nil } }
        do {
            let token = try await task.value
            cached = token
            if token.refreshToken != nil || last == nil { last = token }
            return token
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(kind: .signIn, message: "\(failurePrefix): \(Redactor.text(String(describing: error)))")
        }
    }

    func invalidate() {
        cached = nil
    }
}
