import Foundation

extension SandboxOptions {
    /// The options `sandbox serve` takes, as its flags give them.
    public init(
        port: Int, users: Int, seed: UInt64, latencyMs: Int, faults: Double, deviceCodeDelayMs: Int, exposesTokens: Bool
    ) {
        self.init(port: port, usersPerTenant: users, seed: seed, latencyMs: latencyMs, faultRate: faults)
        deviceCodeApprovalDelay = .milliseconds(deviceCodeDelayMs)
        self.exposesTokens = exposesTokens
    }

    /// What is wrong with these options, as `sandbox serve` says it (the option and what is
    /// valid), or nil when they can start a sandbox.
    public var problem: String? {
        if !(0...65535).contains(port) { return "--port must be 0 (any free port) to 65535, not \(port)" }
        if usersPerTenant < 0 { return "--users must be 0 or more, not \(usersPerTenant)" }
        if !(1...SeedLoader.maxEntraTenants).contains(entraTenants) {
            return "--tenants must be 1 to \(SeedLoader.maxEntraTenants) Entra tenants, not \(entraTenants)"
        }
        if latencyMs < 0 { return "--latency-ms must be 0 or more, not \(latencyMs)" }
        if deviceCodeApprovalDelay < .zero {
            return "--device-code-delay-ms must be 0 or more, not \(Int(deviceCodeApprovalDelay / .milliseconds(1)))"
        }
        if !(0...1).contains(faultRate) { return "--faults must be a share from 0 to 1, not \(faultRate)" }
        if auth0RateLimit < 1 { return "--auth0-rate-limit must be 1 or more requests a second, not \(auth0RateLimit)" }
        if graphWriteBudget < 1 { return "--graph-write-budget must be 1 or more writes, not \(graphWriteBudget)" }
        if graphReadBudget < 2 { return "--graph-read-budget must be 2 or more units, not \(graphReadBudget)" }
        return nil
    }

    /// The first line `sandbox serve` prints: its endpoints and credentials as one JSON object.
    public static func infoLine(_ info: SandboxInfo) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(info) + Data("\n".utf8)
    }
}
