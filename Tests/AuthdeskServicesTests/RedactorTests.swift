import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct RedactorTests {
    @Test func secretHeadersAreMasked() {
        let out = Redactor.headers([
            "Authorization": "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
            "Cookie": "session=abc", "ConsistencyLevel": "eventual",
        ])
        #expect(out == ["Authorization": Redactor.mask, "Cookie": Redactor.mask, "ConsistencyLevel": "eventual"])
    }

    @Test func formSecretsAreMaskedAndTheRestKept() {
        let body = "client_id=abc&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_secret=s3cr3t%2Bx&grant_type=client_credentials"
        #expect(Redactor.form(body)
            == "client_id=abc&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_secret=\(Redactor.mask)&grant_type=client_credentials")
        #expect(Redactor.form("device_code=DAQABAAEAAAD&refresh_token=0.AAA&x=1")
            == "device_code=\(Redactor.mask)&refresh_token=\(Redactor.mask)&x=1")
    }

    @Test func jsonSecretsAreMaskedWhateverTheCase() {
        let body = #"{"newPassword": "29sdjfw#fajsdA_a_3an3223", "temporaryAccessPass":"TAPRocks!", "access_token":"abc\"def", "phoneType": "mobile"}"#
        let out = Redactor.json(body)
        #expect(!out.contains("29sdjfw"))
        #expect(!out.contains("TAPRocks"))
        #expect(!out.contains("abc"))
        #expect(out.contains(#""phoneType": "mobile""#))
        #expect(out.contains(#""newPassword": "\#(Redactor.mask)""#))
    }

    @Test func urlQuerySecretsAreMasked() throws {
        let url = try #require(URL(string: "http://127.0.0.1:8080/cb?code=abc123&state=xyz"))
        #expect(Redactor.url(url) == "http://127.0.0.1:8080/cb?code=\(Redactor.mask)&state=xyz")
    }

    @Test func freeTextLosesBearerTokensJWTsAndAssignments() {
        let text = "sent Authorization: Bearer abc.def-ghi with password=hunter2 and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig for user=kim"
        let out = Redactor.text(text)
        #expect(!out.contains("abc.def-ghi"))
        #expect(!out.contains("hunter2"))
        #expect(!out.contains("eyJhbGci"))
        #expect(out.contains("user=kim"))
        #expect(out.contains("Bearer \(Redactor.mask)"))
    }

    @Test func bodyPicksTheFormatFromTheContentType() {
        let form = Data("client_secret=abc&client_id=1".utf8)
        #expect(Redactor.body(form, contentType: "application/x-www-form-urlencoded") == "client_secret=\(Redactor.mask)&client_id=1")
        let json = Data(#"{"client_secret":"abc"}"#.utf8)
        #expect(Redactor.body(json, contentType: "application/json") == #"{"client_secret":"\#(Redactor.mask)"}"#)
    }
}
