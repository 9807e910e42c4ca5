import AuthdeskCore
import Foundation

/// How a provider sends its requests to one tenant, the same for every service: the bearer
/// token on each request, one more try with a fresh token after a 401, the service's error for
/// any other failure; JSON reads asked for again when the body is not JSON; writes refused in
/// read-only mode and counted against the write budget. What differs between services is
/// given: its name, how it words a failure, and which request id it quotes.
struct AuthorizedClient: Sendable {
    /// A failed (non-2xx) answer in the service's terms.
    typealias ErrorDecoder = @Sendable (HTTPResponse) -> ServiceError
    /// The request id to quote for an answer, if it carries one.
    typealias RequestIDReader = @Sendable (HTTPResponse) -> String?

    let tenant: TenantInfo
    let tokens: any TokenProvider
    let transport: HTTPTransport
    /// Every write takes from it.
    let budget: WriteBudget
    /// `Graph`, `Auth0`: how errors name the service.
    let serviceName: String
    let error: ErrorDecoder
    let requestID: RequestIDReader
    /// Keeps the requests within the rate limit the service states (Auth0's), shared by copies.
    var pacer = RequestPacer()
    /// Told of every answer (``ServiceLoad``), shared by copies.
    let load = LoadObservers()

    /// Sends `request` with the bearer token and returns a 2xx answer; a 401 gets one more try
    /// with a fresh token; any other failure becomes the service's ``ServiceError``.
    func send(_ request: HTTPRequest) async throws(ServiceError) -> HTTPResponse {
        var request = request
        var refreshed = false
        while true {
            let token = try await tokens.token()
            request.headers["Authorization"] = "Bearer \(token.value)"
            let started = ContinuousClock.now
            let response = try await transport.response(for: request, pacer: pacer)
            // The service's time: the client's own pacing is no sign of a slow service.
            load.report(ServiceLoad(response, latency: ContinuousClock.now - started - response.pacedFor))
            if response.isSuccess { return response }
            if response.status == 401, !refreshed {
                refreshed = true
                await tokens.invalidate()
                continue
            }
            var failure = error(response)
            if response.status == 429, failure.retryAfter == nil {
                failure.retryAfter = transport.retry.delay(after: response, failures: 1, now: transport.now())
            }
            throw failure
        }
    }

    /// GETs JSON; a body that is not JSON is asked for again (as often as the retry policy
    /// allows, three times at least) before failing.
    func getJSON(_ url: URL, headers: [String: String] = [:]) async throws(ServiceError) -> JSONValue {
        var lastResponse: HTTPResponse?
        for _ in 1...max(3, transport.retry.maxAttempts) {
            let request = HTTPRequest(method: "GET", url: url, headers: headers.merging(["Accept": "application/json"]) { a, _ in a })
            let response = try await send(request)
            if let json = JSONValue.parse(response.body) { return json }
            lastResponse = response
        }
        throw ServiceError(
            kind: .invalidResponse, status: lastResponse?.status,
            message: "\(serviceName)'s answer could not be read as JSON", requestID: lastResponse.flatMap(requestID))
    }

    /// Sends a write (a batch of `writes` writes): refused in read-only mode, each write counted
    /// against the write budget.
    func write(_ request: HTTPRequest, writes: Int = 1) async throws(ServiceError) -> HTTPResponse {
        guard !tenant.readOnly else {
            throw ServiceError(kind: .readOnly, message: "The tenant \(tenant.name) is read-only: nothing was sent")
        }
        for _ in 0..<max(1, writes) { try await budget.take() }
        return try await send(request)
    }

    /// Sends a write whose answer matters only for its status and request id.
    func receipt(_ request: HTTPRequest) async throws(ServiceError) -> WriteReceipt {
        WriteReceipt(try await write(request))
    }
}
