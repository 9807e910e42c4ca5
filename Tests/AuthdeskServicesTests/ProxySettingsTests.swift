import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct ProxySettingsTests {
    let graph = URL(string: "https://graph.microsoft.com/v1.0/users")!

    @Test func httpsGoesThroughHTTPSProxyWithItsCredentials() {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "http://jump%40corp:p%3Ass@proxy.corp.example:3128"])
        let server = settings.server(for: graph)
        #expect(server?.host == "proxy.corp.example")
        #expect(server?.port == 3128)
        #expect(server?.user == "jump@corp")
        #expect(server?.password == "p:ss")
        #expect(settings.server(for: URL(string: "http://example.net/")!) == nil)
    }

    @Test func lowerCaseNamesAndAProxyWithoutSchemeOrPort() {
        let settings = ProxySettings(environment: ["https_proxy": "proxy.corp.example", "http_proxy": "http://plain.example:8080"])
        #expect(settings.server(for: graph)?.port == 80)
        #expect(settings.server(for: URL(string: "http://example.net/")!)?.host == "plain.example")
    }

    @Test func noProxyAndLoopbackGoDirect() {
        let settings = ProxySettings(environment: [
            "HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "login.microsoftonline.com, .auth0.com,*.example.org",
        ])
        #expect(settings.server(for: URL(string: "https://login.microsoftonline.com/t/oauth2/v2.0/token")!) == nil)
        #expect(settings.server(for: URL(string: "https://acme.eu.auth0.com/api/v2/users")!) == nil)
        #expect(settings.server(for: URL(string: "https://a.example.org/")!) == nil)
        #expect(settings.server(for: URL(string: "https://notauth0.com/")!) != nil)
        #expect(settings.server(for: graph) != nil)
        #expect(settings.server(for: URL(string: "https://127.0.0.1:8443/v1.0")!) == nil)
        #expect(settings.server(for: URL(string: "https://localhost/v1.0")!) == nil)
        #expect(ProxySettings(environment: ["HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "*"]).server(for: graph) == nil)
    }
}
