import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Testing
@testable import AuthdeskServices

/// The Auth0 provider's reads: against the sandbox over real HTTP, and against scripted answers
/// for what the sandbox cannot stage (the 1,000-result cap, exact rate-limit waits).
@Suite struct Auth0ProviderTests {
    static let tenant = TenantInfo(name: "acme", provider: .auth0, id: "acme.auth0.com", domain: "acme.auth0.com")

    func scripted(_ loader: ScriptedLoader, sleeper: SleepRecorder = SleepRecorder(), clock: ManualClock = ManualClock()) throws -> Auth0Provider {
        Auth0Provider(
            tenant: Auth0ProviderTests.tenant, root: try #require(URL(string: "https://acme.auth0.com")),
            tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, retry: RetryPolicy(maxAttempts: 3, random: { 0 }), sleep: sleeper.sleep, now: clock.now))
    }

    // MARK: Against the sandbox

    @Test func searchPagesThroughEveryUser() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        var page = try await auth0.searchUsers("", pageSize: 10)
        var users = page.users
        var pages = 1
        while let next = page.next {
            page = try await auth0.nextUsers(next)
            users += page.users
            pages += 1
        }
        await harness.sandbox.stop()
        #expect(users.count == 34)
        #expect(pages == 4)
        #expect(Set(users.map(\.id)).count == 34)
        #expect(users.allSatisfy { $0.id.hasPrefix("auth0|") && $0.principalName.contains("@") })
    }

    @Test func searchMatchesNamesEmailsAndIdsByPrefix() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let byName = try await auth0.searchUsers("marta", pageSize: 50)
        let byEmail = try await auth0.searchUsers("user@exa", pageSize: 50)
        let byID = try await auth0.searchUsers("auth0|65f2a1b3", pageSize: 50)
        let byFullName = try await auth0.searchUsers("Marta Nowak", pageSize: 50)
        let nobody = try await auth0.searchUsers("zz:(nobody)*", pageSize: 50)
        await harness.sandbox.stop()
        #expect(byName.users.map(\.displayName) == ["Marta Nowak"])
        #expect(byName.next == nil)
        #expect(byEmail.users.map(\.id) == [Auth0SandboxHarness.exampleUser])
        #expect(byID.users.map(\.id) == [Auth0SandboxHarness.exampleUser])
        #expect(byFullName.users.map(\.id) == [Auth0SandboxHarness.marta])
        #expect(nobody.users.isEmpty)
    }

    @Test func usersAreFoundByIdAndByEmail() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let byID = try await auth0.user(Auth0SandboxHarness.marta)
        let byEmail = try await auth0.user("MARTA.NOWAK@example.com")
        let missingID = await #expect(throws: ServiceError.self) { try await auth0.user("auth0|nobody") }
        let missingEmail = await #expect(throws: ServiceError.self) { try await auth0.user("nobody@example.com") }
        let blank = await #expect(throws: ServiceError.self) { try await auth0.user("  ") }
        await harness.sandbox.stop()
        #expect(byID == DirectoryUser(
            id: Auth0SandboxHarness.marta, displayName: "Marta Nowak", principalName: "marta.nowak@example.com",
            mail: "marta.nowak@example.com"))
        #expect(byEmail == byID)
        #expect(missingID?.kind == .notFound)
        #expect(missingID?.status == 404)
        #expect(missingID?.code == "inexistent_user")
        #expect(missingID?.requestID?.isEmpty == false)
        #expect(missingEmail?.kind == .notFound)
        #expect(blank?.kind == .badInput)
    }

    @Test func methodsOfEveryTypeAreListed() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let marta = try await auth0.methods(of: Auth0SandboxHarness.marta)
        let kenta = try await auth0.methods(of: "auth0|65f2c9d0e1f2a3b4c5d6e7f8")
        let none = try await auth0.methods(of: Auth0SandboxHarness.noMfa)
        let missing = await #expect(throws: ServiceError.self) { try await auth0.methods(of: "auth0|nobody") }
        await harness.sandbox.stop()
        #expect(marta.map(\.kind) == [.auth0Phone, .auth0WebAuthnRoaming, .auth0RecoveryCode])
        #expect(marta.first?.summary == "+48601234567")
        #expect(marta.map(\.id).first == "phone|dev_M4rt4Ph0n3Sms00001")
        #expect(kenta.map(\.kind) == [.auth0Push, .auth0Passkey])
        #expect(none.isEmpty)
        #expect(missing?.kind == .notFound)
    }

    @Test func methodsAreReadOverSeveralPages() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let phones = (0..<105).map { Auth0MethodRequest.phone(number: "+1415555\(String(format: "%04d", $0))") }
        let replaced = try await auth0.replaceMethods(of: Auth0SandboxHarness.noMfa, with: phones)
        let listed = try await auth0.methods(of: Auth0SandboxHarness.noMfa)
        await harness.sandbox.stop()
        #expect(replaced.count == 105)
        #expect(listed.count == 105)
        #expect(Set(listed.map(\.id)) == Set(replaced.map(\.id)))
    }

    @Test func theStatedRateLimitIsWaitedOutBeforeSendingSoNothingIsRefused() async throws {
        let harness = try await Auth0SandboxHarness.start(SandboxOptions(usersPerTenant: 0, auth0RateLimit: 1))
        let waits = SleepRecorder()
        let transport = HTTPTransport(
            retry: RetryPolicy(maxAttempts: 6), sleep: { duration in
                try await waits.sleep(duration)
                try await Task.sleep(for: duration)
            })
        let auth0 = harness.provider(transport: transport)
        for user in [Auth0SandboxHarness.marta, Auth0SandboxHarness.exampleUser, Auth0SandboxHarness.noMfa] {
            _ = try await auth0.user(user)
        }
        let stats = harness.sandbox.stats()
        await harness.sandbox.stop()
        // The first answer states 1 a second and none left: the client waits (RequestPacer)
        // instead of being refused.
        #expect(stats.count(429) == 0)
        #expect(!waits.recorded.isEmpty)
        #expect(waits.recorded.allSatisfy { $0 <= .seconds(1) })
    }

    @Test func aFirstBurstWaitsForTheFirstAnswerSoNoneIsRefused() async throws {
        // Ten reads at once before any answer stated the limit: the first goes alone, its answer
        // states 5 a second, and the rest are paced by it instead of nine meeting a 429.
        let harness = try await Auth0SandboxHarness.start(SandboxOptions(usersPerTenant: 0, auth0RateLimit: 5))
        let auth0 = harness.provider(transport: HTTPTransport(retry: RetryPolicy(maxAttempts: 1)))
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { try await auth0.user(Auth0SandboxHarness.marta).id } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let stats = harness.sandbox.stats()
        await harness.sandbox.stop()
        #expect(ids == Array(repeating: Auth0SandboxHarness.marta, count: 10))
        #expect(stats.count(429) == 0)
    }

    // MARK: Against scripted answers

    @Test func aThrottledRequestWaitsUntilTheReset() async throws {
        let clock = ManualClock()
        let reset = Int(clock.now().timeIntervalSince1970) + 7
        let sleeper = SleepRecorder(advancing: clock)
        let loader = ScriptedLoader([
            ScriptedLoader.json(429, #"{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}"#,
                                headers: ["x-ratelimit-limit": "2", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset)]),
            ScriptedLoader.json(200, #"{"user_id":"auth0|1","email":"a@example.com"}"#),
        ])
        let user = try await scripted(loader, sleeper: sleeper, clock: clock).user("auth0|1")
        #expect(user.id == "auth0|1")
        #expect(sleeper.recorded == [.seconds(7)])
        #expect(loader.sent.map { $0.url.absoluteString } == [
            "https://acme.auth0.com/api/v2/users/auth0%7C1", "https://acme.auth0.com/api/v2/users/auth0%7C1",
        ])
    }

    @Test func throttlingThatDoesNotEndIsReportedWithTheLimit() async throws {
        let body = #"{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}"#
        let headers = ["x-ratelimit-limit": "2", "x-ratelimit-reset": "1700000001", "x-auth0-requestid": "req-42"]
        let loader = ScriptedLoader(Array(repeating: ScriptedLoader.json(429, body, headers: headers), count: 3))
        let error = await #expect(throws: ServiceError.self) { try await scripted(loader).user("auth0|1") }
        #expect(error?.kind == .throttled)
        #expect(error?.code == "too_many_requests")
        #expect(error?.requestID == "req-42")
        #expect(error?.message.contains("rate limit") == true)
        #expect(error?.message.contains("gave up after 3 attempts") == true)
    }

    @Test func theThousandResultCapIsSaidNotSilentlyReached() async throws {
        let users = (0..<100).map { #"{"user_id":"auth0|\#($0)","email":"u\#($0)@example.com"}"# }.joined(separator: ",")
        let loader = ScriptedLoader([
            ScriptedLoader.json(200, #"{"start":900,"limit":100,"length":100,"total":1000,"users":[\#(users)]}"#),
        ])
        let auth0 = try scripted(loader)
        let page = try await auth0.nextUsers(PageCursor(Auth0UserQuery(lucene: "", page: 9, perPage: 100).cursor))
        let next = try #require(page.next)
        let error = await #expect(throws: ServiceError.self) { try await auth0.nextUsers(next) }
        #expect(page.users.count == 100)
        #expect(error?.code == "searchResultLimit")
        #expect(error?.message.contains("1000") == true)
        #expect(loader.sent.count == 1)
        let sentURL = try #require(loader.sent.first?.url)
        let query = try #require(URLComponents(url: sentURL, resolvingAgainstBaseURL: false)?.queryItems)
        #expect(query.first { $0.name == "page" }?.value == "9")
        #expect(query.first { $0.name == "search_engine" }?.value == "v3")
    }

    @Test func aForeignCursorIsRefused() async throws {
        let error = await #expect(throws: ServiceError.self) {
            try await scripted(ScriptedLoader([])).nextUsers(PageCursor("https://graph.microsoft.com/v1.0/users?$skiptoken=x"))
        }
        #expect(error?.kind == .badInput)
    }

    @Test func aRefusedTokenIsRenewedOnce() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(401, #"{"statusCode":401,"error":"Unauthorized","message":"Expired token received for JSON Web Token validation"}"#),
            ScriptedLoader.json(200, #"[]"#),
        ])
        let tokens = StaticTokenProvider("old", "new")
        let auth0 = Auth0Provider(
            tenant: Auth0ProviderTests.tenant, root: try #require(URL(string: "https://acme.auth0.com")), tokens: tokens,
            transport: HTTPTransport(loader: loader))
        let methods = try await auth0.methods(of: "auth0|1")
        #expect(methods.isEmpty)
        #expect(tokens.invalidations == 1)
        #expect(loader.sent.map { $0.headers["authorization"] } == ["Bearer old", "Bearer new"])
    }

    @Test func auth0OffersItsOwnActionsAndSessionRevocation() throws {
        let auth0 = try scripted(ScriptedLoader([]))
        #expect(auth0.capabilities.contains(.deleteAllAuthenticators))
        #expect(auth0.capabilities.contains(.createAuth0Method))
        #expect(auth0.capabilities.contains(.revokeSessions))
        #expect(!auth0.capabilities.contains(.createTemporaryAccessPass))
    }
}
