import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct HTTPClientChoiceTests {
    @Test func asyncHTTPClientUnlessTheEnvironmentAsksForURLSession() throws {
        #expect(try HTTPClientChoice.from([:]) == .asyncHTTPClient)
        #expect(try HTTPClientChoice.from(["AUTHDESK_HTTP_CLIENT": ""]) == .asyncHTTPClient)
        #expect(try HTTPClientChoice.from(["AUTHDESK_HTTP_CLIENT": "URLSession"]) == .urlSession)
        #expect(try HTTPClientChoice.from(["AUTHDESK_HTTP_CLIENT": "async-http-client"]) == .asyncHTTPClient)
        #expect(HTTPClientChoice.urlSession.loader is URLSessionLoader)
        #expect(HTTPClientChoice.asyncHTTPClient.loader is AsyncHTTPClientLoader)
    }

    @Test func anUnknownClientIsRefusedWithTheValidOnes() {
        let error = #expect(throws: ServiceError.self) { try HTTPClientChoice.from(["AUTHDESK_HTTP_CLIENT": "curl"]) }
        #expect(error?.kind == .badInput)
        #expect(error?.message == "AUTHDESK_HTTP_CLIENT=curl is not a client; valid: async-http-client, urlsession")
    }
}
