import AuthdeskCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing
@testable import AuthdeskServices

/// Many users' pre-flight: the operator's role and the users' facts are read at the same time
/// (one round trip, not two), and a read-only tenant reads nothing.
struct PreflightManyTests {
    /// Answers `/me` only once a `$batch` has arrived (or after `patience`, noting that it had
    /// not): were the reads one after the other, the batch would never come first.
    final class MeAfterBatchLoader: HTTPLoading {
        let batches = Mutex(0)
        let meWaited = Mutex<Bool?>(nil)
        let paths = Mutex<[String]>([])
        let patience: Duration = .seconds(10)

        func load(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
            let url = try #require(request.url)
            paths.withLock { $0.append(url.path) }
            let body: String
            if url.path.hasSuffix("$batch") {
                batches.withLock { $0 += 1 }
                body = try Self.answers(to: request.httpBody ?? Data())
            } else {
                let start = ContinuousClock.now
                while batches.withLock({ $0 }) == 0, ContinuousClock.now - start < patience {
                    try await Task.sleep(for: .milliseconds(5))
                }
                meWaited.withLock { $0 = batches.withLock { $0 } > 0 }
                body = #"{"id":"op-1","userPrincipalName":"helpdesk@contoso.com"}"#
            }
            let status = url.path.hasSuffix("/me/transitiveMemberOf") || url.path.hasSuffix("$batch") || url.path.hasSuffix("/me") ? 200 : 404
            let response = try #require(HTTPURLResponse(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: ["Content-Type": "application/json"]))
            return (Data((url.path.hasSuffix("/me/transitiveMemberOf") ? #"{"value":[]}"# : body).utf8), response)
        }

        static func answers(to body: Data) throws -> String {
            let requests = JSONValue.parse(body)?["requests"]?.array ?? []
            let items = requests.map { request in
                let id = request["id"]?.string ?? ""
                let url = request["url"]?.string ?? ""
                let answer = url.contains("transitiveMemberOf") ? #"{"value":[]}"#
                    : #"{"id":"u-\#(id)","displayName":"User \#(id)","onPremisesSyncEnabled":false}"#
                return #"{"id":"\#(id)","status":200,"headers":{"request-id":"r-\#(id)"},"body":\#(answer)}"#
            }
            return #"{"responses":[\#(items.joined(separator: ","))]}"#
        }
    }

    func provider(_ loader: MeAfterBatchLoader, readOnly: Bool = false) -> GraphProvider {
        let base = "http://127.0.0.1:9"
        var tenant = TenantInfo(name: "contoso", provider: .graph, id: "t-1", domain: "contoso.com")
        tenant.readOnly = readOnly
        return GraphProvider(
            tenant: tenant,
            endpoints: GraphEndpoints(
                authority: URL(string: base)!, graph: URL(string: "\(base)/v1.0")!, graphBeta: URL(string: "\(base)/beta")!),
            tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()))
    }

    @Test func theOperatorAndTheUsersFactsAreReadAtTheSameTime() async throws {
        let loader = MeAfterBatchLoader()
        let verdicts = await Preflight(provider: provider(loader)).check(.resetAllMFA, userIDs: ["a", "b"])
        #expect(loader.meWaited.withLock { $0 } == true, "the facts' batch went out while /me was unanswered")
        #expect(verdicts.count == 2)
        #expect(verdicts.values.allSatisfy { !$0.text.contains("could not read") }, "\(verdicts)")
    }

    @Test func aReadOnlyTenantReadsNothing() async throws {
        let loader = MeAfterBatchLoader()
        let verdicts = await Preflight(provider: provider(loader, readOnly: true)).check(.resetAllMFA, userIDs: ["a"])
        #expect(loader.paths.withLock { $0 }.isEmpty)
        #expect(verdicts["a"]?.level == .refused)
    }
}
