import AuthdeskSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import AuthdeskServices

/// The same suite against both HTTP clients the transport can use (URLSession and
/// async-http-client): real HTTP to the sandbox and to servers that hang or drop, so that
/// retries, time-outs and messages do not depend on which client carries a request.
@Suite struct HTTPLoaderTests {
    enum Client: String, CaseIterable, CustomTestStringConvertible {
        case urlSession, asyncHTTPClient

        func loader(timeout: TimeInterval = 60) -> any HTTPLoading {
            switch self {
            case .urlSession: URLSessionLoader(requestTimeout: timeout, resourceTimeout: timeout * 2)
            case .asyncHTTPClient: AsyncHTTPClientLoader(requestTimeout: timeout, resourceTimeout: timeout * 2, environment: [:])
            }
        }

        var testDescription: String { rawValue }
    }

    static func transport(_ loader: any HTTPLoading, attempts: Int = 3) -> HTTPTransport {
        HTTPTransport(loader: loader, retry: RetryPolicy(maxAttempts: attempts, random: { 0.5 }), sleep: { _ in })
    }

    @Test(arguments: Client.allCases)
    func signsInAndReadsThroughTheTransport(_ client: Client) async throws {
        let harness = try await SandboxHarness.start()
        defer { Task { await harness.sandbox.stop() } }
        let graph = try harness.appProvider(transport: Self.transport(client.loader()))
        let page = try await graph.searchUsers("Avery", pageSize: 50)
        #expect(page.users.contains { $0.displayName.hasPrefix("Avery") })
        let methods = try await graph.methods(of: try #require(page.users.first).id)
        #expect(!methods.isEmpty)
    }

    @Test(arguments: Client.allCases)
    func aFailedAnswerComesBackWithItsStatusHeadersAndBody(_ client: Client) async throws {
        let harness = try await SandboxHarness.start()
        defer { Task { await harness.sandbox.stop() } }
        let url = try #require(URL(string: harness.sandbox.info.graph + "/users"))
        let response = try await Self.transport(client.loader()).response(
            for: HTTPRequest(url: url, headers: ["client-request-id": "fixed-id"]))
        #expect(response.status == 401)
        #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(response.header("client-request-id") == "fixed-id")
        #expect(response.requestID != nil)
        let error = ServiceErrorDecoder.error(from: response)
        #expect(error.status == 401)
        #expect(error.code != nil)
    }

    @Test(arguments: Client.allCases)
    func aFormPostSendsItsBody(_ client: Client) async throws {
        let harness = try await SandboxHarness.start()
        defer { Task { await harness.sandbox.stop() } }
        let tenant = try harness.tenant("contoso")
        let credential = ClientSecretCredential(
            signIn: try harness.signIn("contoso"), secret: tenant.clientSecret, transport: Self.transport(client.loader()))
        let token = try await credential.token()
        #expect(!token.value.isEmpty)
        let refused = ClientSecretCredential(
            signIn: try harness.signIn("contoso"), secret: "wrong", transport: Self.transport(client.loader()))
        let error = await #expect(throws: ServiceError.self) { try await refused.token() }
        #expect(error?.status == 401)
    }

    @Test(arguments: Client.allCases)
    func manyConcurrentRequestsAllComeBack(_ client: Client) async throws {
        let harness = try await SandboxHarness.start()
        defer { Task { await harness.sandbox.stop() } }
        let graph = try harness.appProvider(transport: Self.transport(client.loader()))
        let users = try await graph.searchUsers("", pageSize: 50).users
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<120 {
                let user = users[index % users.count]
                group.addTask { try await graph.methods(of: user.id).count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.count == 120)
    }

    @Test(arguments: Client.allCases)
    func aRefusedConnectionIsNeverSentAndRetried(_ client: Client) async throws {
        let url = try #require(URL(string: "http://127.0.0.1:\(RawSocketServer.closedPort())/v1.0/users"))
        let error = await #expect(throws: ServiceError.self) {
            try await Self.transport(client.loader(), attempts: 2).send(HTTPRequest(method: "POST", url: url))
        }
        #expect(error?.code == "URLError\(URLError.cannotConnectToHost.rawValue)")
        #expect(error?.message.contains("after 2 attempts: the connection was refused") == true)
        #expect(error?.message.contains("may have been made") == false)
    }

    @Test(arguments: Client.allCases)
    func aServerThatNeverAnswersTimesOut(_ client: Client) async throws {
        let server = try RawSocketServer(.hang)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/v1.0/users"))
        let error = await #expect(throws: ServiceError.self) {
            try await Self.transport(client.loader(timeout: 0.3), attempts: 1).send(HTTPRequest(url: url))
        }
        #expect(error?.code == "URLError\(URLError.timedOut.rawValue)")
        #expect(error?.message.contains("timed out") == true)
    }

    @Test(arguments: Client.allCases)
    func aDroppedConnectionIsRetriedOnlyWhenRepeatingIsHarmless(_ client: Client) async throws {
        let server = try RawSocketServer(.drop)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/v1.0/users/u/phoneMethods"))
        let read = await #expect(throws: ServiceError.self) {
            try await Self.transport(client.loader(), attempts: 2).send(HTTPRequest(url: url))
        }
        #expect(read?.kind == .unavailable)
        #expect(read?.message.contains("after 2 attempts") == true)
        let write = await #expect(throws: ServiceError.self) {
            try await Self.transport(client.loader(), attempts: 2).send(HTTPRequest(method: "POST", url: url, body: Data("{}".utf8)))
        }
        #expect(write?.message.contains("after 1 attempt") == true)
        #expect(write?.message.contains("may have been made") == true)
    }

    /// A POST on a kept-alive connection that the service closes without answering: libcurl sends
    /// it again by itself on a new connection, and must send its body with it (it sent the head
    /// alone and waited for the time-out, a minute by default); async-http-client reports the
    /// drop at once, and the transport sends it again. Never a time-out: 10 s here, far above
    /// an answer's time even on a loaded machine (a clean-clone CI run once took over 3 s).
    @Test(arguments: Client.allCases)
    func aDroppedPostOnAKeptAliveConnectionNeverWaitsForTheTimeOut(_ client: Client) async throws {
        let harness = try await SandboxHarness.start()
        defer { Task { await harness.sandbox.stop() } }
        let loader = client.loader(timeout: 10)
        let secret = try harness.tenant("contoso").clientSecret
        let signIn = try harness.signIn("contoso")
        func token(attempts: Int) async throws -> AccessToken {
            try await ClientSecretCredential(
                signIn: signIn, secret: secret, transport: Self.transport(loader, attempts: attempts)).token()
        }
        _ = try await token(attempts: 1)  // leaves its connection open for the next request
        harness.sandbox.dropNextConnections()
        do {
            let answered = try await token(attempts: 1)
            #expect(client == .urlSession && !answered.value.isEmpty)
        } catch let error as ServiceError {
            #expect(client == .asyncHTTPClient)
            #expect(error.code == "URLError\(URLError.networkConnectionLost.rawValue)", "\(error.message)")
        }
        #expect(harness.sandbox.stats().dropped == 1)
        harness.sandbox.dropNextConnections()
        #expect(try await !token(attempts: 2).value.isEmpty)
        #expect(harness.sandbox.stats().dropped == 2)
    }
}
