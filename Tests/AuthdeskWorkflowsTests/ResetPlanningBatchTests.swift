import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskSandbox
import AuthdeskServices
import AuthdeskWorkflows
import Foundation
import Synchronization
import Testing

/// Planning a reset of many users costs batches, not requests per user: the sandbox counts the
/// `$batch` requests and the single Graph requests of resolving, planning and the pre-flight.
@Suite(.timeLimit(.minutes(2))) struct ResetPlanningBatchTests {
    /// Reads per user in a plan: the user, its method list, hardware tokens, sign-in
    /// preferences, and the pre-flight's user and member-of list.
    static let readsPerUser = 6

    struct Counted {
        var batches: Int
        var singles: Int
        var planned: Int
        var refused: Int
        /// The users planned, as each progress report gave them, in the order they came.
        var reports: [Int]
    }

    /// Resolves and plans `count` of contoso's users (as principal names) through the workflow,
    /// counting what the sandbox answered meanwhile.
    static func plan(_ count: Int) async throws -> Counted {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 120))
        do {
            let provider = try provider(sandbox)
            let names = try await provider.searchUsers("", pageSize: 200).users.map(\.principalName)
            let references = try names.prefix(count).map { text throws(UsageError) in try UserReference(parsing: text) }
            let directory = FixedTenantDirectory([provider])
            _ = try await provider.user(names[0])  // signed in before counting
            let before = sandbox.stats()
            let resolved = try await ResolvedUsers.resolve(references, defaultTenant: "contoso", in: directory)
            let workflow = ResetMfaWorkflow(
                tenants: ResetTenants(directory: directory), journal: { throw UsageError("no journal in this test") })
            let reports = Mutex<[Int]>([])
            let result = try await workflow.plan(resolved.targets, policy: .portal) { done, _ in
                reports.withLock { $0.append(done) }
            }
            let after = sandbox.stats()
            await sandbox.stop()
            #expect(resolved.unreadable.isEmpty)
            #expect(result.unplanned.isEmpty)
            return Counted(
                batches: after.batches - before.batches, singles: after.singleGraphRequests - before.singleGraphRequests,
                planned: result.plan.users.count, refused: result.plan.users.filter(\.plan.isRefused).count,
                reports: reports.withLock { $0 })
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    static func provider(_ sandbox: Sandbox) throws -> GraphProvider {
        let info = try #require(sandbox.info.tenant(named: "contoso"))
        let endpoints = GraphEndpoints(
            authority: try #require(URL(string: sandbox.info.authority)), graph: try #require(URL(string: sandbox.info.graph)),
            graphBeta: try #require(URL(string: sandbox.info.graphBeta)))
        let transport = HTTPTransport()
        let signIn = EntraSignIn(authority: endpoints.authority, tenantID: info.id, clientID: info.clientId)
        return GraphProvider(
            tenant: TenantInfo(name: "contoso", provider: .graph, id: info.id, domain: info.domain),
            endpoints: endpoints, tokens: ClientSecretCredential(signIn: signIn, secret: info.clientSecret, transport: transport),
            transport: transport)
    }

    @Test func aPlanOfOneHundredUsersTakesAboutOneHundredOverTwentyBatchesPerRead() async throws {
        let counted = try await Self.plan(100)
        #expect(counted.planned == 100)
        // 100 / 20 batches for each of the six reads of a user: 30.
        #expect(counted.batches == 100 / GraphProvider.maxBatchSize * Self.readsPerUser)
        // What is not batched is the operator's own profile (`/me`), once per plan.
        #expect(counted.singles <= 2)
        // Batches end concurrently, yet the reported count only grows, to every user.
        #expect(counted.reports == counted.reports.sorted())
        #expect(counted.reports.last == 100)
    }

    @Test func moreUsersCostMoreBatchesButNoMoreSingleRequests() async throws {
        let small = try await Self.plan(20)
        let large = try await Self.plan(100)
        #expect(small.batches == Self.readsPerUser)
        #expect(large.batches == 5 * small.batches)
        #expect(large.singles == small.singles)
    }
}
