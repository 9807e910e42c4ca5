import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Synchronization
import Testing

@Suite struct BulkResetPlannerTests {
    typealias F = JournalFixture

    static func target(_ tenant: String, _ id: String) -> ResetTarget {
        ResetTarget(tenant: tenant, user: DirectoryUser(id: id, displayName: "Name \(id)", principalName: "\(id)@example.com"))
    }

    @Test func plansEachUserFromTheirMethodsAndDefaultKeepingOrder() async throws {
        let contoso = FakeDirectory(
            methods: ["a": [F.password, F.mobile, F.authenticator], "c": [F.password]], defaults: ["a": PhoneType.mobile.methodID])
        let fabrikam = FakeDirectory(methods: ["b": [F.token, F.fido2]])
        let planner = try BulkResetPlanner(removers: ["contoso": contoso, "fabrikam": fabrikam])
        let result = try await planner.plan(
            [Self.target("contoso", "a"), Self.target("fabrikam", "b"), Self.target("contoso", "c")], policy: .portal)
        #expect(result.unplanned.isEmpty)
        #expect(result.plan.users.map(\.id) == ["contoso/a", "fabrikam/b", "contoso/c"])
        #expect(result.plan.users[0].plan.steps.map(\.methodID) == ["ma-1", PhoneType.mobile.methodID])
        #expect(result.plan.users[0].plan.steps.last?.isDefault == true)
        #expect(result.plan.users[1].plan.steps.map(\.action) == [.deactivate])
        #expect(result.plan.totals.steps == 3)
    }

    /// The console's planning bar: every read that comes back, answered or failed, is counted
    /// once, in batches where the service batches.
    @Test func progressCountsEveryUserReadOnce() async throws {
        var methods: [String: [AuthMethod]] = [:]
        for index in 0..<25 { methods["u\(index)"] = [F.password, F.mobile] }
        let contoso = BatchingDirectory(FakeDirectory(methods: methods))
        let fabrikam = FakeDirectory(methods: ["b": [F.mobile]])
        let targets = (0..<25).map { Self.target("contoso", "u\($0)") } + [Self.target("fabrikam", "b"), Self.target("fabrikam", "ghost")]
        let reports = Mutex<[Int]>([])
        let result = try await BulkResetPlanner(removers: ["contoso": contoso, "fabrikam": fabrikam])
            .plan(targets, policy: .portal) { read in reports.withLock { $0.append(read) } }
        let counted = reports.withLock { $0 }
        #expect(counted.reduce(0, +) == targets.count)
        #expect(counted.filter { $0 == 1 }.count == 2)
        #expect(counted.sorted().suffix(2) == [5, 20])
        #expect(result.plan.users.count == 26)
        #expect(result.unplanned.map(\.target.user.id) == ["ghost"])
    }

    @Test func aUserWhoseMethodsCannotBeReadIsLeftOutWithTheFailure() async throws {
        let contoso = FakeDirectory(methods: ["a": [F.mobile]])
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let result = try await planner.plan([Self.target("contoso", "a"), Self.target("contoso", "ghost")], policy: .all)
        #expect(result.plan.users.map(\.userID) == ["a"])
        #expect(result.unplanned.map(\.target.user.id) == ["ghost"])
        #expect(result.unplanned.first?.failure.httpStatus == 404)
        #expect(result.unplanned.first?.failure.requestID == "r-404")
    }

    @Test func batchedReadsGoTwentyUsersACallAndMapBackToTheirUsers() async throws {
        var methods: [String: [AuthMethod]] = [:]
        var defaults: [String: String] = [:]
        for index in 0..<44 {
            methods["u\(index)"] = index.isMultiple(of: 2) ? [F.password, F.mobile] : [F.password, F.mobile, F.authenticator]
            if index.isMultiple(of: 3) { defaults["u\(index)"] = PhoneType.mobile.methodID }
        }
        let contoso = BatchingDirectory(FakeDirectory(methods: methods, defaults: defaults))
        let targets = (0..<44).map { Self.target("contoso", "u\($0)") } + [Self.target("contoso", "ghost")]
        let result = try await BulkResetPlanner(removers: ["contoso": contoso]).plan(targets, policy: .portal)
        #expect(await contoso.batches.map(\.count).sorted() == [5, 20, 20])
        #expect(Set(await contoso.batches.joined()) == Set(targets.map(\.user.id)))
        #expect(result.plan.users.map(\.userID) == (0..<44).map { "u\($0)" })
        for (index, user) in result.plan.users.enumerated() {
            #expect(user.plan.steps.count == (index.isMultiple(of: 2) ? 1 : 2), "\(user.userID)")
            let defaultSteps = user.plan.steps.filter(\.isDefault).map(\.methodID)
            #expect(defaultSteps == (index.isMultiple(of: 3) ? [PhoneType.mobile.methodID] : []), "\(user.userID)")
        }
        #expect(result.unplanned.map(\.target.user.id) == ["ghost"])
        #expect(result.unplanned.first?.failure.httpStatus == 404)
    }

    @Test func batchesAreReadAtTheReadConcurrencyNotTheWriteOne() async throws {
        let gate = Gate()
        let methods = Dictionary(uniqueKeysWithValues: (0..<200).map { ("u\($0)", [F.mobile]) })
        let contoso = BatchingDirectory(FakeDirectory(methods: methods), batchSize: 10, gate: gate)
        let planner = try BulkResetPlanner(removers: ["contoso": contoso], perTenantLimit: 2, readConcurrency: 6)
        let targets = (0..<200).map { Self.target("contoso", "u\($0)") }
        async let planned = planner.plan(targets, policy: .all)
        var arrivals = gate.arrivals.makeAsyncIterator()
        for _ in 0..<6 { _ = await arrivals.next() }  // six batches held at once, then no more
        #expect(await contoso.inFlight == 6)
        await gate.open()
        let result = try await planned
        #expect(result.plan.users.count == 200)
        #expect(await contoso.maxInFlight == 6)
        #expect(await contoso.batches.count == 20)
    }

    @Test func readConcurrencyOutOfRangeIsRefused() {
        #expect(throws: BulkResetError.invalidLimit(0)) {
            _ = try BulkResetPlanner(removers: [:], readConcurrency: 0)
        }
        #expect(throws: BulkResetError.invalidLimit(BulkResetEngine.maxConcurrency + 1)) {
            _ = try BulkResetPlanner(removers: [:], readConcurrency: BulkResetEngine.maxConcurrency + 1)
        }
    }

    @Test func duplicatesAndUnknownTenantsAreRefusedBeforeAnyRequest() async throws {
        let contoso = FakeDirectory(methods: ["a": [F.mobile]])
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let twice = await #expect(throws: ValidationError.self) {
            _ = try await planner.plan([Self.target("contoso", "a"), Self.target("contoso", "a")], policy: .all)
        }
        #expect(twice?.message.contains("twice") == true)
        let unknown = await #expect(throws: ValidationError.self) {
            _ = try await planner.plan([Self.target("contoso", "a"), Self.target("northwind", "x")], policy: .all)
        }
        #expect(unknown?.message.contains("northwind") == true)
        #expect(await contoso.reads.isEmpty)
    }
}
