import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Incoming requests")
struct IncomingRequestTests {
    func bearer(_ authorization: String?) -> String? {
        IncomingRequest(method: "GET", path: "/v1.0/me", query: nil,
                        headers: authorization.map { ["Authorization": $0] } ?? [:], body: Data()).bearerToken
    }

    @Test func theBearerTokenIsTheAuthorizationHeadersSecondWord() {
        #expect(bearer("Bearer abc") == "abc")
        #expect(bearer("bearer  abc\t") == "abc")
        #expect(bearer("BEARER x.y.z") == "x.y.z")
        #expect(bearer("Bearer " + String(repeating: "t", count: 2000)) == String(repeating: "t", count: 2000))
        #expect(bearer("Bearer") == nil)
        #expect(bearer("Bearer ") == nil)
        #expect(bearer("Bearer \u{3000}") == nil)
        #expect(bearer("Basic abc") == nil)
        #expect(bearer("Bearerabc") == nil)
        #expect(bearer(nil) == nil)
    }

    @Test func pathSegmentsAndQueryAreDecoded() {
        let request = IncomingRequest(method: "get", path: "/v1.0/users/CameronW%40contoso.com/authentication",
                                      query: "$select=id,%20displayName&$filter=a+b", headers: ["X-Test": "1"], body: Data())
        #expect(request.method == "GET")
        #expect(request.segments == ["v1.0", "users", "CameronW@contoso.com", "authentication"])
        #expect(request.queryValue("$select") == "id, displayName")
        #expect(request.queryValue("$filter") == "a b")
        #expect(request.header("x-test") == "1")
    }
}
