import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct ServiceErrorDecoderTests {
    func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8), clientRequestID: "client-1")
    }

    @Test func graphErrorBody() {
        let error = ServiceErrorDecoder.error(from: response(403, #"{"error":{"code":"accessDenied","message":"Request Authorization failed","innerError":{"date":"2024-01-18T16:37:10","request-id":"b2f1","client-request-id":"client-1"}}}"#))
        #expect(error == ServiceError(kind: .forbidden, status: 403, code: "accessDenied", message: "Request Authorization failed", requestID: "b2f1"))
    }

    @Test func entraTokenErrorBodyIsASignInFailureWithTheAADSTSCode() {
        let body = #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: 0d6b\r\nCorrelation ID: 77e5\r\nTimestamp: 2024-01-18 16:37:10Z","error_codes":[7000215],"timestamp":"2024-01-18 16:37:10Z","trace_id":"0d6b","correlation_id":"77e5"}"#
        let error = EntraSignIn.signInError(from: response(401, body, headers: ["x-ms-request-id": "0d6b"]))
        #expect(error.kind == .signIn)
        #expect(error.code == "AADSTS7000215")
        #expect(error.requestID == "0d6b")
        #expect(error.message.hasPrefix("AADSTS7000215: Invalid client secret provided."))
        #expect(!error.message.contains("Trace ID"))
    }

    @Test func aadstsCodeFromTheDescriptionWhenCodesAreMissing() {
        let oauth = ServiceErrorDecoder.oauthError(from: response(400, #"{"error":"invalid_grant","error_description":"AADSTS70000: The provided value for the code parameter is not valid."}"#))
        #expect(oauth?.error == "invalid_grant")
        #expect(oauth?.aadstsCode == "AADSTS70000")
    }

    @Test func auth0ErrorBody() {
        let error = ServiceErrorDecoder.error(from: response(404, #"{"statusCode":404,"error":"Not Found","message":"The user does not exist.","errorCode":"inexistent_user"}"#))
        #expect(error == ServiceError(kind: .notFound, status: 404, code: "inexistent_user", message: "The user does not exist."))
    }

    @Test func unreadableBodyFallsBackOnTheStatus() {
        let error = ServiceErrorDecoder.error(from: response(502, "<html>Bad gateway</html>", headers: ["request-id": "r9"]))
        #expect(error.kind == .unavailable)
        #expect(error.status == 502)
        #expect(error.requestID == "r9")
        #expect(error.message.contains("502"))
    }

    @Test func statusKinds() {
        #expect(ServiceErrorDecoder.kind(status: 400) == .badInput)
        #expect(ServiceErrorDecoder.kind(status: 409) == .badInput)
        #expect(ServiceErrorDecoder.kind(status: 401) == .signIn)
        #expect(ServiceErrorDecoder.kind(status: 404) == .notFound)
        #expect(ServiceErrorDecoder.kind(status: 429) == .throttled)
        #expect(ServiceErrorDecoder.kind(status: 503) == .unavailable)
    }
}
