import AuthdeskCore
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// The sandbox and the Graph providers signed in to its tenants as their applications, built
/// as the command line builds them (``HTTPTransport`` with its default retry policy), with a
/// client-side write budget of the sandbox's own burst and (a share of) its rate.
struct TestBed {
    let sandbox: Sandbox
    let writeBudget: Int
    /// The client's write rate as a share of the sandbox's.
    let clientShare: Double
    /// Whether the client uses the product's default budget instead.
    let clientDefaultBudget: Bool
    let endpoints: GraphEndpoints

    init(sandbox: Sandbox, writeBudget: Int, clientShare: Double, clientDefaultBudget: Bool = false) throws {
        guard let authority = URL(string: sandbox.info.authority), let graph = URL(string: sandbox.info.graph),
            let beta = URL(string: sandbox.info.graphBeta)
        else { throw BenchError("the sandbox's URLs do not parse") }
        self.sandbox = sandbox
        self.writeBudget = writeBudget
        self.clientShare = clientShare
        self.clientDefaultBudget = clientDefaultBudget
        endpoints = GraphEndpoints(authority: authority, graph: graph, graphBeta: beta)
    }

    /// A provider for tenant `name`, with its own transport and write budget.
    func provider(_ name: String) throws -> GraphProvider {
        guard let tenant = sandbox.info.tenant(named: name) else { throw BenchError("the sandbox has no tenant \(name)") }
        let transport = HTTPTransport()
        let signIn = EntraSignIn(authority: endpoints.authority, tenantID: tenant.id, clientID: tenant.clientId)
        let tokens = ClientSecretCredential(signIn: signIn, secret: tenant.clientSecret, transport: transport)
        let budget = clientDefaultBudget
            ? WriteBudget()
            : WriteBudget(capacity: writeBudget, refillPerSecond: Double(writeBudget) / 150 * clientShare)
        return GraphProvider(
            tenant: TenantInfo(name: name, provider: .graph, id: tenant.id, domain: tenant.domain),
            endpoints: endpoints, tokens: tokens, transport: transport, budget: budget)
    }

    /// The first `count` generated users of the tenant (the named people of the seed files,
    /// operators and administrators among them, are left out), read page by page.
    func generatedUsers(of provider: GraphProvider, count: Int) async throws -> [DirectoryUser] {
        var found: [DirectoryUser] = []
        var page = try await provider.searchUsers("", pageSize: GraphProvider.maxPageSize)
        while true {
            found += page.users.filter { Self.isGenerated($0) }
            guard found.count < count, let next = page.next else { break }
            page = try await provider.nextUsers(next)
        }
        guard found.count >= count else {
            throw BenchError("the tenant has \(found.count) generated users, fewer than the \(count) asked for")
        }
        return Array(found.prefix(count))
    }

    /// Whether the user is one the sandbox generated rather than a named person of the seed files.
    static func isGenerated(_ user: DirectoryUser) -> Bool {
        let seeded = ["helpdesk@", "cameronw@", "avery.howard@", "priya.raman@", "zoe.lindqvist@", "soren.kjaergaard@",
                      "kenji.tanaka@", "olga.smirnova@", "fatima.alsayed@"]
        let name = user.principalName.lowercased()
        return !seeded.contains { name.hasPrefix($0) }
    }

    /// Requests answered since `baseline`, by status.
    func stats(since baseline: SandboxStats) -> SandboxStats {
        let now = sandbox.stats()
        var delta = SandboxStats()
        for (status, count) in now.byStatus {
            let change = count - (baseline.byStatus[status] ?? 0)
            if change != 0 { delta.byStatus[status] = change }
        }
        delta.dropped = now.dropped - baseline.dropped
        delta.faultsInjected = now.faultsInjected - baseline.faultsInjected
        return delta
    }
}
