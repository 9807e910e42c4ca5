import Foundation

/// A user's writes in one `POST /$batch`, chained with `dependsOn` so that Graph runs them in
/// order and answers each (a failed write makes the rest 424): one round trip a user instead
/// of one a write. Each inner write counts against the write budget and may be throttled on
/// its own: a throttled write (429, 503, 504) and the ones after it are sent again, after its
/// `Retry-After`, as the retry policy allows.
extension GraphProvider {
    /// Graph chains as many writes as a batch takes.
    public var writeChainLimit: Int { GraphProvider.maxBatchSize }

    public func writeInOrder(_ writes: [MethodWrite], of userID: String) async -> [Result<WriteReceipt, ServiceError>] {
        var requests: [HTTPRequest] = []
        for write in writes {
            do throws(ServiceError) {
                requests.append(try request(for: write, of: userID))
            } catch {
                // Nothing is sent: this write is refused, and the rest depend on it.
                return writes.indices.map { $0 == requests.count ? .failure(error) : .failure(.failedDependency) }
            }
        }
        do throws(ServiceError) {
            return try await sendChain(requests).map { response in
                response.isSuccess ? .success(WriteReceipt(response)) : .failure(transport.error(from: response))
            }
        } catch {
            return writes.map { _ in .failure(error) }
        }
    }

    /// The single request `write` would be.
    func request(for write: MethodWrite, of userID: String) throws(ServiceError) -> HTTPRequest {
        switch write {
        case .delete(let method): try deleteRequest(method, of: userID)
        case .deactivateHardwareOath(let methodID): try deactivateRequest(methodID, of: userID)
        case .setDefault(let method): try defaultMethodRequest(method, of: userID)
        }
    }

    /// Sends `requests` chained in batches of 20 (each batch after the one before), and answers
    /// each in order. Throttled inner writes are sent again with the rest of the chain.
    func sendChain(_ requests: [HTTPRequest]) async throws(ServiceError) -> [HTTPResponse] {
        var answers: [HTTPResponse] = []
        var failures = 0
        while answers.count < requests.count {
            let start = answers.count
            let chunk = Array(requests[start..<min(start + GraphProvider.maxBatchSize, requests.count)])
            let answered = try await sendChainBatch(chunk)
            guard let first = answered.firstIndex(where: { !$0.isSuccess }) else {
                answers += answered
                continue
            }
            let failed = answered[first]
            if transport.retry.retryableStatuses.contains(failed.status), failures + 1 < transport.retry.maxAttempts {
                failures += 1
                answers += answered[..<first]
                client.load.report(ServiceLoad(latency: .zero, attempts: failures + 1, status: failed.status, limitUsed: nil))
                do {
                    try await transport.sleep(transport.retry.delay(after: failed, failures: failures, now: transport.now()))
                } catch {
                    throw ServiceError.cancelled(failed.clientRequestID)
                }
                continue
            }
            // A failure that stands: the rest of this batch answered 424; later batches are not sent.
            answers += answered
            let left = requests.count - answers.count
            answers += (0..<left).map { _ in Self.failedDependencyAnswer(after: failed) }
        }
        return answers
    }

    /// One batch of a chain: every request after the first depends on the one before; v1.0
    /// unless one of them is on beta (beta serves the v1.0 paths as well).
    func sendChainBatch(_ chunk: [HTTPRequest]) async throws(ServiceError) -> [HTTPResponse] {
        let beta = chunk.contains { $0.url.absoluteString.hasPrefix(endpoints.graphBeta.absoluteString) }
        var items: [[String: Any]] = []
        for (index, request) in chunk.enumerated() {
            var item: [String: Any] = ["id": "\(index + 1)", "method": request.method, "url": try relativeURL(request.url)]
            if index > 0 { item["dependsOn"] = ["\(index)"] }
            if let data = request.body, !data.isEmpty,
               let body = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
                item["body"] = body
                item["headers"] = ["Content-Type": "application/json"]
            }
            items.append(item)
        }
        guard let body = try? JSONSerialization.data(withJSONObject: ["requests": items]) else {
            throw ServiceError(kind: .badInput, message: "The chained writes could not be put in a batch")
        }
        // Sent again by the transport only when every write in it may be.
        let batch = HTTPRequest(
            method: "POST", url: try batchURL(beta: beta), headers: ["Content-Type": "application/json"], body: body,
            idempotent: chunk.allSatisfy(\.isIdempotent))
        let ids = chunk.indices.map { "\($0 + 1)" }
        let answered = try Self.answers(to: try await client.write(batch, writes: chunk.count), ids: ids)
        return ids.compactMap { id in answered.first { $0.id == id }?.response }
    }

    /// `url` relative to the Graph version it is on (`/users/{id}/authentication/...`).
    func relativeURL(_ url: URL) throws(ServiceError) -> String {
        let text = url.absoluteString
        for root in [endpoints.graphBeta, endpoints.graph] {
            var prefix = root.absoluteString
            while prefix.hasSuffix("/") { prefix.removeLast() }
            if text.hasPrefix(prefix + "/") { return String(text.dropFirst(prefix.count)) }
        }
        throw ServiceError(kind: .badInput, message: "A chained write is not on this tenant's Graph service")
    }

    /// The answer of a write not sent because one before it failed, quoting that one's request id.
    static func failedDependencyAnswer(after failed: HTTPResponse) -> HTTPResponse {
        let body = #"{"error":{"code":"failedDependency","message":"Not sent: the write before it in this user's chain failed"}}"#
        return HTTPResponse(
            status: 424, headers: failed.requestID.map { ["request-id": $0] } ?? [:], body: Data(body.utf8),
            clientRequestID: failed.clientRequestID)
    }
}
