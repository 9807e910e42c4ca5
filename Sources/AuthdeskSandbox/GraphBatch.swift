import Foundation

/// Graph's JSON batching: `POST /$batch` with at most 20 requests, each answered on its own
/// (throttled on its own too); `dependsOn` orders them, and a failed dependency gives 424.
enum GraphBatch {
    static let maximum = 20

    struct Item {
        var id: String
        var method: String
        var url: String
        var headers: [String: String]
        var body: JSON?
        var dependsOn: [String]
    }

    static func handle(_ context: GraphContext, state: inout SandboxState) -> HTTPReply {
        guard let requests = context.request.jsonBody?["requests"]?.arrayValue else {
            return context.error(400, "BadRequest", "The batch body must be a JSON object with a 'requests' array.")
        }
        guard !requests.isEmpty, requests.count <= maximum else {
            return context.error(400, "BadRequest", "Number of batch requests must be between 1 and \(maximum); got \(requests.count).")
        }
        var items: [Item] = []
        for request in requests {
            guard let id = request["id"]?.stringValue ?? request["id"]?.intValue.map(String.init),
                  let method = request["method"]?.stringValue, let url = request["url"]?.stringValue else {
                return context.error(400, "BadRequest", "Every batch request needs an id, a method and a relative url.")
            }
            guard !items.contains(where: { $0.id == id }) else {
                return context.error(400, "BadRequest", "Batch request ids must be unique; '\(id)' repeats.")
            }
            var headers: [String: String] = [:]
            for member in request["headers"]?.members ?? [] {
                if let value = member.value.stringValue { headers[member.key.lowercased()] = value }
            }
            let dependsOn = request["dependsOn"]?.arrayValue?.compactMap(\.stringValue) ?? []
            items.append(Item(id: id, method: method.uppercased(), url: url, headers: headers, body: request["body"], dependsOn: dependsOn))
        }
        if items.contains(where: { $0.method != "GET" }) { state.stats.writeBatches += 1 }
        let ids = Set(items.map(\.id))
        for item in items {
            for dependency in item.dependsOn where !ids.contains(dependency) || dependency == item.id {
                return context.error(400, "BadRequest", "Request '\(item.id)' depends on '\(dependency)', which is not another request of this batch.")
            }
        }
        // Answer in dependency order; a cycle leaves requests that are answered 424.
        var statuses: [String: Int] = [:]
        var responses: [JSON] = []
        var pending = items
        while !pending.isEmpty {
            guard let index = pending.firstIndex(where: { item in item.dependsOn.allSatisfy { statuses[$0] != nil } }) else {
                for item in pending {
                    responses.append(failedDependency(item, context: context))
                }
                break
            }
            let item = pending.remove(at: index)
            if item.dependsOn.contains(where: { (statuses[$0] ?? 500) >= 400 }) {
                statuses[item.id] = 424
                responses.append(failedDependency(item, context: context))
                continue
            }
            state.stats.innerByMethod[item.method, default: 0] += 1
            let reply = answer(item, context: context, state: &state)
            statuses[item.id] = reply.status
            var members = [JSON.Member(key: "id", value: .string(item.id)), JSON.Member(key: "status", value: .int(reply.status))]
            let headers = reply.headers.filter { !$0.name.equalsIgnoringCase("content-length") }
            members.append(JSON.Member(key: "headers", value: .object(headers.map { JSON.Member(key: $0.name, value: .string($0.value)) })))
            if let body = reply.jsonBody {
                members.append(JSON.Member(key: "body", value: body))
            }
            responses.append(.object(members))
        }
        return .json(200, .obj(["responses": .array(responses)]))
    }

    static func failedDependency(_ item: Item, context: GraphContext) -> JSON {
        .obj([
            "id": .string(item.id),
            "status": .int(424),
            "headers": .obj(["Content-Type": .string("application/json")]),
            "body": .obj(["error": .obj([
                "code": .string("BadRequest"),
                "message": .string("Failed dependency: a request this one depends on did not succeed."),
            ])]),
        ])
    }

    static func answer(_ item: Item, context: GraphContext, state: inout SandboxState) -> HTTPReply {
        let relative = item.url.hasPrefix("/") ? item.url : "/" + item.url
        let parts = relative.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard !path.lowercased().hasPrefix("/$batch"), !item.url.lowercased().hasPrefix("http") else {
            return context.error(400, "BadRequest", "Batch request '\(item.id)' must have a relative url other than $batch.")
        }
        if item.body != nil, item.headers["content-type"] == nil {
            return context.error(400, "BadRequest", "Write request id : \(item.id) does not contain Content-Type header or body.")
        }
        var headers = item.headers
        headers["authorization"] = context.request.header("authorization")
        var inner = IncomingRequest(method: item.method, path: "/\(context.version)\(path)",
                                    query: parts.count > 1 ? String(parts[1]) : nil,
                                    headers: headers, body: item.body?.data ?? Data())
        inner.parsedBody = item.body
        return GraphEndpoints.handle(inner, state: &state, now: context.now, requestId: UUID().uuidString.lowercased())
    }
}
