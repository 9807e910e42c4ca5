import Foundation

/// How to start a sandbox: where it listens, how many users it generates, and how hostile it is.
public struct SandboxOptions: Sendable {
    /// The loopback port; 0 picks an ephemeral one.
    public var port: Int = 0
    /// Generated users per Entra tenant, besides the named people of the seed files.
    public var usersPerTenant: Int = 200
    /// Entra tenants served: the seed's two (contoso, fabrikam), then generated ones
    /// (`tenant03`...) up to this many (2 to 100).
    public var entraTenants: Int = 2
    /// The generator's seed: the same seed gives the same users.
    public var seed: UInt64 = 1
    /// Milliseconds added to every answer.
    public var latencyMs: Int = 0
    /// The share of requests (0 to 1) that get an injected fault.
    public var faultRate: Double = 0
    /// How long a device-code sign-in stays pending before the sandbox approves it.
    public var deviceCodeApprovalDelay: Duration = .milliseconds(1500)
    /// The polling interval a device-code sign-in advertises (`interval`); Entra gives whole
    /// seconds (1 s here by default). The embedded sandbox of the console advertises less so
    /// that it starts at once; the client waits whatever interval it is given.
    public var deviceCodePollInterval: Duration = .seconds(1)
    /// Whether Graph's write budget and Auth0's rate limit apply (on by default, as on the real services).
    public var throttling: Bool = true
    /// Graph writes allowed per 2.5 minutes per app and tenant (a token bucket; the real budget is 3,000).
    public var graphWriteBudget: Int = 3000
    /// Graph read resource units per 10 seconds per app and tenant (a token bucket; list reads cost 2).
    public var graphReadBudget: Int = 3500
    /// Auth0 Management API requests allowed per second (a token bucket; `x-ratelimit-limit`).
    public var auth0RateLimit: Int = 50
    /// The sandbox's clock: rate limits, token expiry and operations follow it (tests freeze it).
    public var now: @Sendable () -> Date = { Date() }

    /// Adds the hostile users of `Seed/hostile-users.json` (escape sequences, a bidirectional
    /// override and a formula in names, device names and phone numbers) after all the others.
    public var hostileUsers = false

    /// Serves `GET /sandbox/tokens`: every access and refresh token issued so far (secret-hygiene
    /// tests look for them in a client's output and files). Off by default.
    public var exposesTokens = false

    public init(
        port: Int = 0,
        usersPerTenant: Int = 200,
        seed: UInt64 = 1,
        latencyMs: Int = 0,
        faultRate: Double = 0,
        deviceCodeApprovalDelay: Duration = .milliseconds(1500),
        throttling: Bool = true,
        graphWriteBudget: Int = 3000,
        graphReadBudget: Int = 3500,
        auth0RateLimit: Int = 50,
        deviceCodePollInterval: Duration = .seconds(1)
    ) {
        self.port = port
        self.usersPerTenant = usersPerTenant
        self.seed = seed
        self.latencyMs = latencyMs
        self.faultRate = faultRate
        self.deviceCodeApprovalDelay = deviceCodeApprovalDelay
        self.throttling = throttling
        self.graphWriteBudget = graphWriteBudget
        self.graphReadBudget = graphReadBudget
        self.auth0RateLimit = auth0RateLimit
        self.deviceCodePollInterval = deviceCodePollInterval
    }
}
