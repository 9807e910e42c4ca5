import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

/// The Graph provider's requests and readings, against scripted answers (the sandbox tests
/// in GraphProviderSandboxTests cover the same over real HTTP).
@Suite struct GraphProviderTests {
    static let endpoints = GraphEndpoints(
        authority: URL(string: "http://127.0.0.1:9")!, graph: URL(string: "http://127.0.0.1:9/v1.0")!,
        graphBeta: URL(string: "http://127.0.0.1:9/beta")!)
    static let tenant = TenantInfo(name: "contoso", provider: .graph, id: "t-1", domain: "contoso.com")

    func provider(_ loader: ScriptedLoader, tokens: StaticTokenProvider = StaticTokenProvider("tok")) -> GraphProvider {
        GraphProvider(
            tenant: Self.tenant, endpoints: Self.endpoints, tokens: tokens,
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()))
    }

    func query(_ url: URL) -> [String: String] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }) { a, _ in a }
    }

    @Test func searchAsksForNameUPNAndMailWithEventualConsistency() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(200, GraphFixtures.userPage)])
        let page = try await provider(loader).searchUsers("Cameron", pageSize: 25)
        #expect(page.users.map(\.principalName) == ["CameronW@contoso.com"])
        #expect(page.next?.value.contains("$skiptoken=") == true)
        let sent = try #require(loader.sent.first)
        #expect(sent.url.path == "/v1.0/users")
        #expect(query(sent.url)["$search"] == #""displayName:Cameron" OR "userPrincipalName:Cameron" OR "mail:Cameron""#)
        #expect(query(sent.url)["$top"] == "25")
        #expect(query(sent.url)["$select"] == GraphDecoder.userFields.joined(separator: ","))
        #expect(sent.headers["consistencylevel"] == "eventual")
        #expect(sent.headers["authorization"] == "Bearer tok")
    }

    @Test func emptyQueryListsUsersWithoutSearch() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(200, #"{"value":[]}"#)])
        let page = try await provider(loader).searchUsers("  ", pageSize: 10)
        #expect(page.users.isEmpty)
        #expect(page.next == nil)
        #expect(query(try #require(loader.sent.first).url)["$search"] == nil)
    }

    @Test func pageSizeOutsideTheRangeIsRefusedBeforeSending() async {
        let loader = ScriptedLoader([])
        let error = await #expect(throws: ServiceError.self) { try await provider(loader).searchUsers("a", pageSize: 0) }
        #expect(error?.kind == .badInput)
        #expect(error?.message.contains("1 to 999") == true)
        #expect(loader.sent.isEmpty)
    }

    @Test func nextPageFollowsTheLinkAsItIs() async throws {
        let link = "http://127.0.0.1:9/v1.0/users?$top=1&$skiptoken=abc%2Bdef"
        let loader = ScriptedLoader([ScriptedLoader.json(200, #"{"value":[]}"#)])
        _ = try await provider(loader).nextUsers(PageCursor(link))
        #expect(loader.sent.first?.url.absoluteString == link)
    }

    @Test func nextPageElsewhereIsRefused() async {
        let loader = ScriptedLoader([])
        let error = await #expect(throws: ServiceError.self) {
            try await provider(loader).nextUsers(PageCursor("https://evil.example/v1.0/users?$skiptoken=x"))
        }
        #expect(error?.kind == .badInput)
        #expect(loader.sent.isEmpty)
    }

    @Test func userByPrincipalNameIsPercentEncoded() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(200, #"{"id":"u1","displayName":"Guest","userPrincipalName":"kim_fabrikam.com#EXT#@contoso.com"}"#)])
        let user = try await provider(loader).user("kim_fabrikam.com#EXT#@contoso.com")
        #expect(user.id == "u1")
        let url = try #require(loader.sent.first?.url)
        #expect(url.absoluteString.hasPrefix("http://127.0.0.1:9/v1.0/users/kim_fabrikam.com%23EXT%23%40contoso.com?"))
    }

    @Test func unknownUserIsNotFoundWithTheRequestID() async {
        let body = #"{"error":{"code":"Request_ResourceNotFound","message":"Resource 'nobody' does not exist.","innerError":{"request-id":"rid-404"}}}"#
        let loader = ScriptedLoader([ScriptedLoader.json(404, body)])
        let error = await #expect(throws: ServiceError.self) { try await provider(loader).user("nobody@contoso.com") }
        #expect(error?.kind == .notFound)
        #expect(error?.code == "Request_ResourceNotFound")
        #expect(error?.requestID == "rid-404")
    }

    @Test func aRefusedTokenIsRenewedOnce() async throws {
        let expired = ScriptedLoader.json(401, #"{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired."}}"#)
        let loader = ScriptedLoader([expired, ScriptedLoader.json(200, #"{"id":"u1","displayName":"A","userPrincipalName":"a@contoso.com"}"#)])
        let tokens = StaticTokenProvider("old", "new")
        _ = try await provider(loader, tokens: tokens).user("a@contoso.com")
        #expect(loader.sent.map { $0.headers["authorization"] } == ["Bearer old", "Bearer new"])
        #expect(tokens.invalidations == 1)
    }

    @Test func aMalformedBodyIsAskedForAgain() async throws {
        let loader = ScriptedLoader([
            .answer(status: 200, headers: [:], body: "{\"value\": [trunc"),
            ScriptedLoader.json(200, #"{"id":"u1","displayName":"A","userPrincipalName":"a@contoso.com"}"#),
        ])
        #expect(try await provider(loader).user("a@contoso.com").id == "u1")
    }

    @Test func methodsMergeHardwareOathFromBeta() async throws {
        let loader = RoutedLoader { url in
            url.path.hasPrefix("/beta/")
                ? (200, GraphFixtures.hardwareOath)
                : (200, GraphFixtures.cameronThreeMethods)
        }
        let methods = try await GraphProvider(
            tenant: Self.tenant, endpoints: Self.endpoints, tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger())
        ).methods(of: "CameronW@contoso.com")
        #expect(methods.map(\.kind) == [.phone, .phone, .password, .hardwareOath])
        #expect(Set(loader.paths) == [
            "/v1.0/users/CameronW%40contoso.com/authentication/methods",
            "/beta/users/CameronW%40contoso.com/authentication/hardwareOathMethods",
        ])
    }

    @Test func methodsWithoutBetaStillAnswer() async throws {
        let loader = RoutedLoader { url in
            url.path.hasPrefix("/beta/")
                ? (403, #"{"error":{"code":"accessDenied","message":"no beta"}}"#)
                : (200, GraphFixtures.averyMobileAndPassword)
        }
        let methods = try await GraphProvider(
            tenant: Self.tenant, endpoints: Self.endpoints, tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger())
        ).methods(of: "avery")
        #expect(methods.map(\.kind) == [.phone, .password])
    }
}
