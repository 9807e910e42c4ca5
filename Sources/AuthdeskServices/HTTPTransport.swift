import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging

/// The one way every provider request goes out: adds a `client-request-id`, retries throttled,
/// unavailable and dropped requests (honouring `Retry-After`), decodes failures into
/// ``ServiceError``, logs each exchange with its secrets redacted, and records each answer's
/// request id in the task's ``RequestLog``, and reports each exchange to ``RequestTrace``
/// (`--verbose`). It logs nothing unless
/// given a logger: a stray line on standard output would break the console and `--output json`.
public final class HTTPTransport: Sendable {
    /// Waits for a duration; injected so tests do not really wait.
    public typealias Sleep = @Sendable (Duration) async throws -> Void

    public let retry: RetryPolicy
    let loader: any HTTPLoading
    let sleep: Sleep
    let now: @Sendable () -> Date
    let logger: Logger
    let makeRequestID: @Sendable () -> String

    public init(
        loader: any HTTPLoading = HTTPClientChoice.processDefault,
        retry: RetryPolicy = RetryPolicy(),
        sleep: @escaping Sleep = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "authdesk.http", factory: { _ in SwiftLogNoOpLogHandler() }),
        makeRequestID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.loader = loader
        self.retry = retry
        self.sleep = sleep
        self.now = now
        self.logger = logger
        self.makeRequestID = makeRequestID
    }

    /// Sends `request` and returns a successful (2xx) answer; any other answer becomes a
    /// ``ServiceError`` with the service's code, message and request id.
    public func send(_ request: HTTPRequest) async throws(ServiceError) -> HTTPResponse {
        let response = try await response(for: request)
        guard response.isSuccess else { throw error(from: response) }
        return response
    }

    /// A failed answer as a ``ServiceError``, saying when retries ran out on it.
    public func error(from response: HTTPResponse) -> ServiceError {
        var error = ServiceErrorDecoder.error(from: response)
        if retry.retryableStatuses.contains(response.status), response.attempts > 1 {
            error.message += " (gave up after \(response.attempts) attempts)"
        }
        if response.status == 429 {
            error.retryAfter = retry.delay(after: response, failures: 1, now: now())
        }
        return error
    }

    /// Sends `request`, retrying as the policy allows, and returns the last answer whatever its
    /// status. Throws only when no answer came at all (or the task was cancelled). `pacer`: each
    /// attempt, a retry's included, waits for its turn within the service's stated rate limit
    /// (``RequestPacer``), and each answer teaches it.
    public func response(for request: HTTPRequest, pacer: RequestPacer? = nil) async throws(ServiceError) -> HTTPResponse {
        let clientRequestID = request.header("client-request-id") ?? makeRequestID()
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "client-request-id" {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.setValue(clientRequestID, forHTTPHeaderField: "client-request-id")
        urlRequest.setValue("true", forHTTPHeaderField: "return-client-request-id")
        urlRequest.httpBody = request.body
        let target = "\(request.method) \(Redactor.url(request.url))"
        let started = ContinuousClock.now
        var waits: [Duration] = []
        var attempt = 0
        var throttled = 0
        var paced = Duration.zero
        func trace(_ status: Int?, _ requestID: String?) {
            RequestTrace.report(RequestTrace(
                method: request.method, path: request.url.path, status: status, duration: ContinuousClock.now - started,
                attempts: attempt, waits: waits, clientRequestID: clientRequestID, requestID: requestID))
        }

        while true {
            attempt += 1
            if Task.isCancelled { throw ServiceError.cancelled(clientRequestID) }
            logger.debug("request", metadata: [
                "target": "\(target)", "attempt": "\(attempt)", "client-request-id": "\(clientRequestID)",
            ])
            if logger.logLevel <= .trace {
                logger.trace("request detail", metadata: [
                    "headers": "\(Redactor.headers(request.headers))",
                    "body": "\(request.body.map { Redactor.body($0, contentType: request.header("content-type")) } ?? "")",
                ])
            }
            if let pacer {
                // A probe never waits here (no limit is known while probing), so a cancelled
                // wait leaves no probe to hand on.
                await pacer.admit()
                if let wait = await pacer.reserve(at: now()) {
                    paced += wait
                    try await pause(wait, clientRequestID)
                }
            }
            let data: Data
            let http: HTTPURLResponse
            do {
                (data, http) = try await loader.load(urlRequest)
            } catch {
                await pacer?.unanswered()
                let code = HTTPTransport.urlErrorCode(error)
                if error is CancellationError || code == URLError.cancelled.rawValue {
                    throw ServiceError.cancelled(clientRequestID)
                }
                let mayRepeat = request.isIdempotent || code.map(RetryPolicy.neverSent(urlErrorCode:)) == true
                if let code, RetryPolicy.isRetryable(urlErrorCode: code), mayRepeat, attempt < retry.maxAttempts {
                    let wait = retry.backoff(failures: attempt)
                    logger.notice("no answer, retrying", metadata: [
                        "target": "\(target)", "error": "\(code)", "wait": "\(wait)",
                        "client-request-id": "\(clientRequestID)",
                    ])
                    waits.append(wait)
                    try await pause(wait, clientRequestID)
                    continue
                }
                trace(nil, nil)
                logger.warning("no answer", metadata: [
                    "target": "\(target)", "error": "\(Redactor.text(String(describing: error)))",
                    "client-request-id": "\(clientRequestID)",
                ])
                let unsure = mayRepeat ? "" : "; the change may have been made: check before trying again"
                throw ServiceError(
                    kind: .unavailable, code: code.map { "URLError\($0)" },
                    message: "No answer from \(request.url.host ?? "the service") after \(attempt) attempt\(attempt == 1 ? "" : "s"): \(HTTPTransport.describe(error))\(unsure)",
                    requestID: clientRequestID)
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key] = value }
            }
            var response = HTTPResponse(
                status: http.statusCode, headers: headers, body: data,
                clientRequestID: clientRequestID, attempts: attempt)
            response.throttledAttempts = throttled
            response.pacedFor = paced
            await pacer?.learn(response, at: now())
            logger.debug("response", metadata: [
                "target": "\(target)", "status": "\(response.status)",
                "request-id": "\(response.requestID ?? "-")", "client-request-id": "\(clientRequestID)",
            ])
            if retry.retryableStatuses.contains(response.status), attempt < retry.maxAttempts {
                if response.status == 429 { throttled += 1 }
                let wait = retry.delay(after: response, failures: attempt, now: now())
                logger.notice("retrying", metadata: [
                    "target": "\(target)", "status": "\(response.status)", "wait": "\(wait)",
                    "request-id": "\(response.requestID ?? "-")",
                ])
                waits.append(wait)
                try await pause(wait, clientRequestID)
                continue
            }
            trace(response.status, response.requestID)
            RequestLog.current?.record(response.requestID ?? clientRequestID)
            if !response.isSuccess, logger.logLevel <= .trace {
                logger.trace("error body", metadata: [
                    "body": "\(Redactor.body(data, contentType: response.header("content-type")))",
                ])
            }
            return response
        }
    }

    private func pause(_ duration: Duration, _ clientRequestID: String) async throws(ServiceError) {
        do {
            try await sleep(duration)
        } catch {
            throw ServiceError.cancelled(clientRequestID)
        }
    }

    /// The `NSURLErrorDomain` code of a failed load, if it is one.
    static func urlErrorCode(_ error: any Error) -> Int? {
        if let urlError = error as? URLError { return urlError.code.rawValue }
        let nsError = error as NSError
        return nsError.domain == NSURLErrorDomain ? nsError.code : nil
    }

    static func describe(_ error: any Error) -> String {
        if let code = urlErrorCode(error) {
            switch code {
            case URLError.timedOut.rawValue: return "timed out"
            case URLError.networkConnectionLost.rawValue: return "the connection was lost"
            case URLError.cannotConnectToHost.rawValue: return "the connection was refused"
            case URLError.cannotFindHost.rawValue, URLError.dnsLookupFailed.rawValue: return "the host name did not resolve"
            case URLError.notConnectedToInternet.rawValue: return "no network"
            case URLError.secureConnectionFailed.rawValue, URLError.serverCertificateUntrusted.rawValue:
                return "the TLS connection failed (certificate or proxy)"
            default: return "URL error \(code)"
            }
        }
        return Redactor.text((error as NSError).localizedDescription)
    }
}

extension ServiceError {
    /// The task was cancelled while the request was on its way or waiting for a retry.
    static func cancelled(_ clientRequestID: String) -> ServiceError {
        ServiceError(kind: .unavailable, code: "cancelled", message: "The request was cancelled", requestID: clientRequestID)
    }
}
