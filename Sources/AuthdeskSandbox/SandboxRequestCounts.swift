/// `GET /sandbox/requests`: how many requests the sandbox has answered, by HTTP method, with
/// sign-ins (token and device-code requests) counted apart, so that a test can prove that a dry
/// run sent no write: `{"byMethod": {"GET": 12, "POST": 1}, "innerByMethod": {"DELETE": 3}, "signIns": 2, "writes": 1}`
/// (`innerByMethod`: the requests run inside `$batch` requests; `writesByTenant`: Graph writes
/// past the budgets, by tenant name; `throttledByBudget`: 429s of a spent budget, `read` or `write`).
enum SandboxRequestCounts {
    static func count(_ request: IncomingRequest, in stats: inout SandboxStats) {
        let last = request.segments.last ?? ""
        if last == "token" || last == "devicecode" {
            stats.signIns += 1
        } else {
            stats.byMethod[request.method, default: 0] += 1
        }
    }

    static func reply(_ stats: SandboxStats) -> HTTPReply {
        .json(200, .obj([
            "byMethod": .object(stats.byMethod.sorted { $0.key < $1.key }.map { JSON.Member(key: $0.key, value: .int($0.value)) }),
            "innerByMethod": .object(
                stats.innerByMethod.sorted { $0.key < $1.key }.map { JSON.Member(key: $0.key, value: .int($0.value)) }),
            "signIns": .int(stats.signIns),
            "writes": .int(stats.writes),
            "batches": .int(stats.batches),
            "writeBatches": .int(stats.writeBatches),
            "writesByTenant": .object(
                stats.writesByTenant.sorted { $0.key < $1.key }.map { JSON.Member(key: $0.key, value: .int($0.value)) }),
            "throttledByBudget": .object(
                stats.throttledByBudget.sorted { $0.key < $1.key }.map { JSON.Member(key: $0.key, value: .int($0.value)) }),
        ]))
    }
}
