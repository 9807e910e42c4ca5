import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
@testable import AuthdeskSandbox
import AuthdeskServices
import Foundation
import Testing

/// A user's steps chained with `dependsOn` in one Graph `$batch`, against the sandbox: one round
/// trip a user, each inner answer journalled as its own step; a failed step makes the rest 424,
/// journalled failed, and a resume retries them.
@Suite(.timeLimit(.minutes(2))) struct ChainedWritesTests {
    static let people = ["avery.howard@contoso.com", "priya.raman@contoso.com", "zoe.lindqvist@contoso.com"]

    /// A contoso provider whose transport does not retry (an inner 429 stands).
    static func provider(_ sandbox: Sandbox, retries: Bool = true) throws -> GraphProvider {
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let authority = try #require(URL(string: sandbox.info.authority))
        let graphRoot = try #require(URL(string: sandbox.info.graph)).deletingLastPathComponent()
        let transport = HTTPTransport(retry: RetryPolicy(maxAttempts: retries ? 5 : 1))
        let tokens = ClientSecretCredential(
            signIn: EntraSignIn(authority: authority, tenantID: tenant.id, clientID: tenant.clientId),
            secret: tenant.clientSecret, transport: transport)
        return GraphProvider(
            tenant: TenantInfo(name: "contoso", provider: .graph, id: tenant.id, domain: tenant.domain),
            endpoints: GraphEndpoints(authority: authority, graphRoot: graphRoot), tokens: tokens, transport: transport)
    }

    /// Plans `.all` for `names` and creates job "chained"; the plan.
    static func job(_ names: [String], provider: GraphProvider, journal: Journal) async throws -> ResetJobPlan {
        var targets: [ResetTarget] = []
        for name in names { targets.append(ResetTarget(tenant: "contoso", user: try await provider.user(name))) }
        let planned = try await BulkResetPlanner(removers: ["contoso": ProviderRemover(provider: provider)]).plan(targets, policy: .all)
        #expect(planned.unplanned.isEmpty)
        try await journal.createJob(planned.plan, operatorName: "helpdesk@contoso.com", id: "chained")
        return planned.plan
    }

    /// Runs job "chained" to its end and gives its events; a throttled user waits with `sleep`
    /// (by default nothing waits, and the clock does not move) before it is sent again.
    @discardableResult static func run(
        _ journal: Journal, _ provider: GraphProvider, writes: ResetWrites, retryFailed: Bool = false,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { _ in }
    ) async throws -> [BulkResetEvent] {
        let engine = try BulkResetEngine(
            journal: journal, removers: ["contoso": ProviderRemover(provider: provider)], perTenantLimit: 4, writes: writes,
            sleep: sleep)
        var events: [BulkResetEvent] = []
        for await event in try await engine.run("chained", retryFailed: retryFailed) { events.append(event) }
        return events
    }

    /// The one of ``people`` with the most steps under `.all`, and how many.
    static func longestUser(_ provider: GraphProvider) async throws -> (name: String, steps: Int) {
        var longest = (name: people[0], steps: 0)
        for name in people {
            let user = try await provider.user(name)
            let planned = try await BulkResetPlanner(removers: ["contoso": ProviderRemover(provider: provider)])
                .plan([ResetTarget(tenant: "contoso", user: user)], policy: .all)
            let count = planned.plan.users.first?.plan.steps.count ?? 0
            if count > longest.steps { longest = (name, count) }
        }
        return longest
    }

    @Test(arguments: ResetWrites.allCases)
    func chainedStepsCostOneRoundTripAUserAndRemoveWhatOneRequestAStepRemoves(writes: ResetWrites) async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let provider = try Self.provider(sandbox)
        let journal = try fixture.open()
        let plan = try await Self.job(Self.people, provider: provider, journal: journal)
        let chains = plan.users.filter { $0.plan.steps.count > 1 }.count
        #expect(chains >= 2, "the test needs users with several steps")
        let before = sandbox.stats()
        try await Self.run(journal, provider, writes: writes)
        let after = sandbox.stats()
        let summary = try await journal.summary(of: "chained")
        #expect(summary.users.allSatisfy { $0.user.state == .done }, "\(summary.usersReport().render(.table))")
        #expect(summary.users.flatMap(\.steps).allSatisfy { $0.state == .done && $0.requestID?.isEmpty == false },
                "each inner answer is journalled as its own step, with its request id")
        let singleWrites = after.writes - before.writes - (after.batches - before.batches)
        switch writes {
        case .chained:
            #expect(after.writeBatches - before.writeBatches == plan.users.filter { !$0.plan.steps.isEmpty }.count,
                    "one round trip of writes a user")
            #expect(singleWrites == 0)
        case .perStep:
            #expect(after.writeBatches == before.writeBatches)
            #expect(singleWrites == plan.totals.steps)
        }
        for user in plan.users {
            #expect(ResetPolicy.all.leftovers(in: try await provider.methods(of: user.userID)).isEmpty)
        }
        await sandbox.stop()
    }

    @Test func aFailedMiddleStepFailsTheRestWith424AndAResumeRetriesThem() async throws {
        // A write budget of one, and a clock that the engine's waits do not move: the chain's
        // first write goes through, the second stays throttled however often it is sent again.
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, graphWriteBudget: 1))
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let provider = try Self.provider(sandbox, retries: false)
        let journal = try fixture.open()
        let longest = try await Self.longestUser(provider)
        let plan = try await Self.job([longest.name], provider: provider, journal: journal)
        let steps = try #require(plan.users.first?.plan.steps.count)
        try #require(steps >= 3, "the test needs a chain of three steps or more")
        let before = sandbox.stats()
        try await Self.run(journal, provider, writes: .chained)
        #expect(sandbox.stats().writeBatches - before.writeBatches == 1 + BulkResetEngine.throttledResends,
                "the first chain, then the throttled step and the rest sent again as often as the engine resends")
        let failed = try #require(try await journal.summary(of: "chained").users.first)
        #expect(failed.user.state == .failed)
        #expect(failed.steps.map(\.state) == [.done] + Array(repeating: .failed, count: steps - 1))
        let expected: [Int?] = [429] + Array(repeating: 424, count: steps - 2)
        #expect(Array(failed.steps.map(\.httpStatus).dropFirst()) == expected)
        #expect(failed.steps.dropFirst().allSatisfy { $0.sentAt != nil }, "every step of the chain was journalled sent")
        #expect(failed.steps.first?.attempts == 1, "the done step is never sent again")
        #expect(failed.steps[1].attempts == 1 + BulkResetEngine.throttledResends)

        sandbox.withState { state in
            state.options.graphWriteBudget = 3000
            state.writeBuckets = [:]
        }
        try await Self.run(journal, provider, writes: .chained, retryFailed: true)
        let resumed = try #require(try await journal.summary(of: "chained").users.first)
        #expect(resumed.user.state == .done)
        #expect(resumed.steps.allSatisfy { $0.state == .done })
        #expect(ResetPolicy.all.leftovers(in: try await provider.methods(of: resumed.user.userID)).isEmpty)
        await sandbox.stop()
    }
}
