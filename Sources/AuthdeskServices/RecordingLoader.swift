import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An ``HTTPLoading`` decorator under every provider: each write (anything but a read, a
/// sign-in or a batch of reads) is recorded in the task's ``WriteTrace`` and in the session's
/// dry run, if any. In a dry run the write is not sent: it is answered with a plausible success
/// (the body echoed with an id), so the real provider code runs on and the requests recorded are
/// exactly those it would send. Reads and sign-ins always go through.
public struct RecordingLoader: HTTPLoading {
    let base: any HTTPLoading
    let dryRun: DryRunRecorder?

    public init(base: any HTTPLoading, dryRun: DryRunRecorder? = nil) {
        self.base = base
        self.dryRun = dryRun
    }

    public func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let dryRun = dryRun ?? DryRunRecorder.current
        // Nothing listens (a bulk run: its writes are journalled step by step): no need to tell a
        // write from a read, which parses every `$batch` body.
        guard dryRun != nil || WriteTrace.current != nil else { return try await base.load(request) }
        guard Self.isWrite(request) else { return try await base.load(request) }
        guard let dryRun else {
            // Recorded only where a trace listens (an audited change): a bulk run's thousands of
            // writes are journalled step by step instead, and redacting each body costs.
            guard let trace = WriteTrace.current else { return try await base.load(request) }
            var planned = PlannedRequest(request)
            do {
                let (data, response) = try await base.load(request)
                planned.status = response.statusCode
                planned.requestID = HTTPResponse(
                    status: response.statusCode, headers: Self.headers(of: response), body: data, clientRequestID: ""
                ).requestID ?? request.value(forHTTPHeaderField: "client-request-id")
                trace.record(planned)
                return (data, response)
            } catch {
                planned.requestID = request.value(forHTTPHeaderField: "client-request-id")
                trace.record(planned)
                throw error
            }
        }
        let planned = PlannedRequest(request)
        WriteTrace.current?.record(planned)
        dryRun.record(planned)
        return Self.plausibleAnswer(to: request, number: dryRun.count)
    }

    static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return headers
    }

    /// A write: not GET or HEAD, not a token request, not a Graph batch of GETs.
    static func isWrite(_ request: URLRequest) -> Bool {
        let method = (request.httpMethod ?? "GET").uppercased()
        guard method != "GET", method != "HEAD" else { return false }
        let path = request.url?.path ?? ""
        if path.hasSuffix("/token") || path.hasSuffix("/devicecode") { return false }
        if path.hasSuffix("/$batch"), let body = request.httpBody,
           let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
           let requests = json["requests"] as? [[String: Any]] {
            return !requests.allSatisfy { ($0["method"] as? String)?.uppercased() == "GET" }
        }
        return true
    }

    /// What the service would plausibly answer: 204 to a DELETE; else the JSON body sent, with an
    /// id added (and a placeholder pass for a Temporary Access Pass, which is never issued).
    static func plausibleAnswer(to request: URLRequest, number: Int) -> (Data, HTTPURLResponse) {
        let method = (request.httpMethod ?? "GET").uppercased()
        let url = request.url ?? URL(string: "http://dry-run.invalid")!
        var headers = ["Content-Type": "application/json", "request-id": "dry-run-\(number)"]
        if method == "DELETE" { return (Data(), HTTPURLResponse(url: url, statusCode: 204, httpVersion: "HTTP/1.1", headerFields: headers)!) }
        let sent = request.httpBody.flatMap { try? JSONSerialization.jsonObject(with: $0) }
        var body: Any = sent ?? [String: Any]()
        if var object = body as? [String: Any] {
            if object["id"] == nil { object["id"] = "dry-run-\(number)" }
            if url.path.hasSuffix("temporaryAccessPassMethods") { object["temporaryAccessPass"] = "(dry run: no pass issued)" }
            if url.path.hasSuffix("enrollments/ticket") { object["ticket_url"] = "(dry run: no ticket issued)" }
            body = object
        } else if let array = body as? [[String: Any]] {
            body = array.enumerated().map { index, item in
                var item = item
                if item["id"] == nil { item["id"] = "dry-run-\(number)-\(index)" }
                return item
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data("{}".utf8)
        let status = method == "POST" ? (url.path.hasSuffix("resetPassword") ? 202 : 201) : 200
        if status == 202 { headers["Content-Type"] = nil }
        return (status == 202 ? Data() : data, HTTPURLResponse(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers)!)
    }
}
