import Foundation

/// Everything a sandbox holds and changes: tenants, tokens, pending sign-ins, operations,
/// budgets and counters. Always accessed under the store's lock, so concurrent requests see
/// consistent state.
struct SandboxState: Sendable {
    var options: SandboxOptions
    /// `http://127.0.0.1:PORT`, known once the server is bound.
    var baseURL: String = "http://127.0.0.1"
    var tenants: [TenantRecord]
    var auth0: Auth0Tenant
    var tokens: [String: TokenRecord] = [:]
    var refreshTokens: [String: TokenRecord] = [:]
    var deviceCodes: [String: DeviceCodeRecord] = [:]
    var operations: [String: OperationRecord] = [:]
    var stats = SandboxStats()
    var writeBuckets: [String: TokenBucket] = [:]
    /// The highest share of a Graph budget in use that the request being answered met (from
    /// 0.8, as `x-ms-throttle-limit-percentage` says it); reset for each request.
    var throttleUse: Double?
    /// Device-code sign-ins still to decline (tests of `authorization_declined`).
    var deviceCodeDeclines = 0
    /// Requests still to be answered by closing their connection (tests: a drop at a known moment).
    var connectionDrops = 0
    /// Decides which requests get an injected fault (seeded, so runs are repeatable).
    var faultRandom: SplitMix64

    init(options: SandboxOptions, tenants: [TenantRecord], auth0: Auth0Tenant) {
        self.options = options
        self.tenants = tenants
        self.auth0 = auth0
        self.faultRandom = SplitMix64(seed: options.seed ^ 0xFA17)
    }

    /// The position of a tenant by id or domain.
    func tenantIndex(_ key: String) -> Int? {
        tenants.firstIndex { $0.matches(key) }
    }

    /// A random opaque string (tokens, codes, secrets handed out); never used for seed data.
    static func randomString(_ length: Int, alphabet: String = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") -> String {
        let chars = Array(alphabet)
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in chars[Int(generator.next() % UInt64(chars.count))] })
    }
}
