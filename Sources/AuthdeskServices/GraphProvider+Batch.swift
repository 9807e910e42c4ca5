import Foundation

/// Graph's JSON batching (`POST /$batch`, at most 20 requests each) for reads: every inner
/// request is throttled on its own, so an inner 429 (or 503/504) is sent again, alone with the
/// other throttled ones, after the longest `Retry-After` among them.
extension GraphProvider {
    /// The most requests Graph takes in one batch.
    public static let maxBatchSize = 20

    /// Reads of many users go 20 to a batch.
    public var readBatchSize: Int { GraphProvider.maxBatchSize }

    /// Sends `requests` (GETs, relative to v1.0, or to beta when `beta`) in batches of at most
    /// 20, all batches at once, and returns an answer for every request id. Inner
    /// requests throttled or unavailable are sent again after the longest `Retry-After` among
    /// them (and the policy's back-off after a round with none answered), as long as each round
    /// gets some answered, and for at most the retry policy's attempts in a row without any; a
    /// request answered 429 goes on beyond those attempts until the rounds with a 429 have waited
    /// ``RetryPolicy/maxThrottledWait`` in all (readers sharing a spent budget are refused in
    /// turn, not lost). The last answer is returned, whatever its status. Throws only when a
    /// batch itself fails (then none of its answers is known).
    public func batch(_ requests: [GraphBatchRequest], beta: Bool = false) async throws(ServiceError) -> [String: GraphBatchResponse] {
        var ids = Set<String>()
        for request in requests where !ids.insert(request.id).inserted {
            throw ServiceError(kind: .badInput, message: "Batch request ids must be unique; '\(request.id)' repeats")
        }
        var answers: [String: GraphBatchResponse] = [:]
        var pending = requests
        var attempt = 0  // rounds in a row in which nothing got answered
        var throttledWait = Duration.zero  // waited before rounds that carried a 429
        while !pending.isEmpty {
            attempt += 1
            // Past the policy's attempts (429s only), the back-off stops growing: a reader
            // refused in turn asks again every few seconds, not every half minute.
            let failures = min(attempt, transport.retry.maxAttempts - 1)
            let sent = pending.count
            var again: [GraphBatchRequest] = []
            var tooMany = false  // a 429 among them
            var wait: Duration = .zero
            var chunks: [[GraphBatchRequest]] = []
            var start = pending.startIndex
            while start < pending.endIndex {
                let end = min(start + GraphProvider.maxBatchSize, pending.endIndex)
                chunks.append(Array(pending[start..<end]))
                start = end
            }
            for (chunk, answered) in try await sendBatches(chunks, beta: beta) {
                for answer in answered {
                    answers[answer.id] = answer
                    let status = answer.response.status
                    let mayRetry = attempt < transport.retry.maxAttempts
                        || (status == 429 && throttledWait < transport.retry.maxThrottledWait)
                    if transport.retry.retryableStatuses.contains(status), mayRetry,
                       let request = chunk.first(where: { $0.id == answer.id }) {
                        again.append(request)
                        tooMany = tooMany || status == 429
                        wait = max(wait, transport.retry.delay(after: answer.response, failures: failures, now: transport.now()))
                    }
                }
            }
            if again.count < sent {
                attempt = 0  // progress: the tries start again
            } else if !again.isEmpty {
                // Nothing answered: the budget is spent for more than one request's Retry-After
                // says, so back off as for a failed request too.
                wait = max(wait, transport.retry.backoff(failures: failures))
            }
            pending = again
            if let throttled = again.first.flatMap({ request in answers[request.id] }) {
                // Inner requests throttled: the batch got through, its requests did not all.
                client.load.report(ServiceLoad(
                    latency: .zero, attempts: attempt + 1, status: throttled.response.status, limitUsed: nil))
            }
            if !pending.isEmpty {
                if tooMany { throttledWait += wait }
                do {
                    try await transport.sleep(wait)
                } catch {
                    throw ServiceError.cancelled(pending.first?.id ?? "")
                }
            }
        }
        return answers
    }

    /// The batches sent at once; the first failure of any of them is thrown.
    private func sendBatches(
        _ chunks: [[GraphBatchRequest]], beta: Bool
    ) async throws(ServiceError) -> [([GraphBatchRequest], [GraphBatchResponse])] {
        if chunks.count == 1, let only = chunks.first { return [(only, try await sendBatch(only, beta: beta))] }
        var answers: [[GraphBatchResponse]?] = Array(repeating: nil, count: chunks.count)
        var firstFailure: ServiceError?
        await withTaskGroup(of: (index: Int, answers: [GraphBatchResponse], failure: ServiceError?).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    let failure: ServiceError
                    do throws(ServiceError) {
                        let answered = try await self.sendBatch(chunk, beta: beta)
                        return (index: index, answers: answered, failure: nil)
                    } catch {
                        failure = error
                    }
                    return (index: index, answers: [], failure: failure)
                }
            }
            for await result in group {
                if let failure = result.failure {
                    if firstFailure == nil { firstFailure = failure }
                } else if answers.indices.contains(result.index) {
                    answers[result.index] = result.answers
                }
            }
        }
        if let firstFailure { throw firstFailure }
        return zip(chunks, answers).map { chunk, answered in (chunk, answered ?? []) }
    }

    /// The `$batch` URL of v1.0, or of beta.
    func batchURL(beta: Bool) throws(ServiceError) -> URL {
        var base = (beta ? endpoints.graphBeta : endpoints.graph).absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base + "/$batch") else {
            throw ServiceError(kind: .badInput, message: "The batch URL cannot be built from \(base)")
        }
        return url
    }

    /// One `POST /$batch` of at most 20 GETs; the answers as sent back (any order), each with
    /// the request id the service gave it (header, else the error body's), or the batch's.
    func sendBatch(_ chunk: [GraphBatchRequest], beta: Bool) async throws(ServiceError) -> [GraphBatchResponse] {
        let url = try batchURL(beta: beta)
        struct Item: Encodable {
            let id: String
            let method = "GET"
            let url: String
            let headers = ["Accept": "application/json"]
        }
        struct Body: Encodable { let requests: [Item] }
        var request = try HTTPRequest.json(method: "POST", url: url, body: Body(requests: chunk.map { Item(id: $0.id, url: $0.url) }))
        request.isIdempotent = true  // only reads inside
        return try Self.answers(to: try await client.send(request), ids: chunk.map(\.id))
    }

    /// The inner answers of a batch's answer for the requests `ids`, each with the request id
    /// the service gave it (header, else the error body's), or the batch's; a request left out
    /// is answered 502 `missingBatchResponse`. Each inner body is handed on as the service wrote
    /// it (``GraphBatchEnvelope``), not decoded and written again.
    static func answers(to response: HTTPResponse, ids: [String]) throws(ServiceError) -> [GraphBatchResponse] {
        let read: [GraphBatchEnvelope.Item]?
        do throws(JSONScanner.Malformed) {
            read = try GraphBatchEnvelope.items(in: response.body)
        } catch {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Graph answered a batch that is not JSON (\(error))", requestID: response.requestID)
        }
        guard let items = read else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Graph answered a batch without a responses array", requestID: response.requestID)
        }
        var answers: [GraphBatchResponse] = []
        for item in items {
            guard let id = item.id, ids.contains(id) else { continue }
            var headers = item.headers
            if !headers.keys.contains(where: { $0.lowercased() == "request-id" }), let batchID = response.requestID,
               (200..<300).contains(item.status) || JSONValue.parse(item.body)?["error"]?["innerError"]?["request-id"] == nil {
                headers["request-id"] = batchID
            }
            answers.append(GraphBatchResponse(
                id: id, response: HTTPResponse(status: item.status, headers: headers, body: item.body, clientRequestID: response.clientRequestID)))
        }
        for id in ids where !answers.contains(where: { $0.id == id }) {
            let missing = #"{"error":{"code":"missingBatchResponse","message":"Graph's batch answer left this request out"}}"#
            answers.append(GraphBatchResponse(id: id, response: HTTPResponse(
                status: 502, headers: response.requestID.map { ["request-id": $0] } ?? [:],
                body: Data(missing.utf8), clientRequestID: response.clientRequestID)))
        }
        return answers
    }

    /// `/users/{key}/...` relative to a version, for a batch.
    static func relativeURL(_ segments: [String]) -> String {
        segments.map { "/" + HTTPRequest.formEncode($0) }.joined()
    }
}
