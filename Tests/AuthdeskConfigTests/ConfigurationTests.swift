import AuthdeskConfig
import AuthdeskCore
import Foundation
import Testing

@Suite struct ConfigurationTests {
    /// Writes `text` to a fresh config file with `mode`, returns its path.
    func file(_ text: String, mode: Int = 0o600) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let error as ConfigError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    let sample = """
        default_profile = "contoso"

        [profiles.contoso]
        provider = "graph"
        tenant_id = "00000000-0000-0000-0000-000000000000"
        client_id = "11111111-1111-1111-1111-111111111111"
        sign_in = "client-secret"
        client_secret_env = "CONTOSO_SECRET"
        authority_url = "http://127.0.0.1:8080"
        graph_url = "http://127.0.0.1:8080"
        color = "red"

        [profiles.acme]
        provider = "auth0"
        domain = "acme.eu.auth0.com"
        client_id = "abc"
        client_secret_env = "ACME_AUTH0_SECRET"
        read_only = true
        """

    @Test func readsTheInterfacesExample() throws {
        let path = try file(sample, mode: 0o644)
        let config = try Configuration.load(
            path: path, environment: ["CONTOSO_SECRET": "s3cret", "ACME_AUTH0_SECRET": "a0"])
        #expect(config.profiles.map(\.name).sorted() == ["acme", "contoso"])
        let contoso = try config.profile(named: nil)
        #expect(contoso.name == "contoso")
        #expect(contoso.provider == .graph)
        #expect(contoso.signIn == .clientSecret)
        #expect(contoso.clientSecret?.reveal() == "s3cret")
        #expect(contoso.authorityURL.absoluteString == "http://127.0.0.1:8080")
        #expect(contoso.tenant.color == "red")
        let acme = try config.profile(named: "acme")
        #expect(acme.provider == .auth0)
        #expect(acme.readOnly)
        #expect(acme.auth0URL?.absoluteString == "https://acme.eu.auth0.com")
        #expect(acme.tenant.readOnly)
    }

    @Test func unknownProfileListsTheValidOnes() throws {
        let path = try file(sample)
        let text = message { _ = try Configuration.load(path: path, environment: ["CONTOSO_SECRET": "x", "ACME_AUTH0_SECRET": "y"]).profile(named: "nope") }
        #expect(text.contains("no profile 'nope'"))
        #expect(text.contains("acme, contoso"))
    }

    @Test func missingSecretVariableIsNamed() throws {
        let path = try file(sample)
        let text = message { _ = try Configuration.load(path: path, environment: ["ACME_AUTH0_SECRET": "y"]) }
        #expect(text.contains("CONTOSO_SECRET"))
        #expect(text.contains("not set"))
    }

    @Test func inlineSecretNeedsAPrivateFile() throws {
        let body = """
            [profiles.x]
            tenant_id = "t"
            client_id = "c"
            sign_in = "client-secret"
            client_secret = "hunter2"
            """
        let open = try file(body, mode: 0o644)
        let text = message { _ = try Configuration.load(path: open, environment: [:]) }
        #expect(text.contains("chmod 600"))
        #expect(!text.contains("hunter2"))
        let closed = try file(body, mode: 0o600)
        let config = try Configuration.load(path: closed, environment: [:])
        #expect(config.profiles.first?.clientSecret?.reveal() == "hunter2")
    }

    @Test func plainHTTPIsRefusedExceptOnLoopback() throws {
        let path = try file("""
            [profiles.x]
            tenant_id = "t"
            client_id = "c"
            graph_url = "http://graph.example.com"
            """)
        let text = message { _ = try Configuration.load(path: path, environment: [:]) }
        #expect(text.contains("https://"))
        #expect(text.contains("graph_url"))
        #expect(EndpointPolicy.isLoopback("127.0.0.1"))
        #expect(EndpointPolicy.isLoopback("localhost"))
        #expect(EndpointPolicy.isLoopback("[::1]"))
        #expect(!EndpointPolicy.isLoopback("127.0.0.1.example.com"))
        #expect(!EndpointPolicy.isLoopback("10.0.0.1"))
    }

    @Test func typosAndBadValuesAreExplained() throws {
        let typo = try file("""
            [profiles.x]
            tenant_id = "t"
            client_id = "c"
            client_secert_env = "X"
            """)
        #expect(message { _ = try Configuration.load(path: typo, environment: [:]) }.contains("unknown key 'client_secert_env'"))
        let badSignIn = try file("""
            [profiles.x]
            tenant_id = "t"
            client_id = "c"
            sign_in = "password"
            """)
        #expect(message { _ = try Configuration.load(path: badSignIn, environment: [:]) }.contains("device-code, client-secret, certificate"))
        let badColor = try file("""
            [profiles.x]
            tenant_id = "t"
            client_id = "c"
            color = "pink"
            """)
        #expect(message { _ = try Configuration.load(path: badColor, environment: [:]) }.contains("not one of"))
        let broken = try file("[profiles.x\n")
        #expect(message { _ = try Configuration.load(path: broken, environment: [:]) }.contains("line 1"))
    }

    @Test func environmentMakesAnEnvProfile() throws {
        let none = try Configuration.load(path: nil, environment: ["XDG_CONFIG_HOME": "/nonexistent-authdesk"])
        #expect(none.isEmpty)
        let graph = try Configuration.load(path: nil, environment: [
            "XDG_CONFIG_HOME": "/nonexistent-authdesk", "AZURE_TENANT_ID": "t", "AZURE_CLIENT_ID": "c",
            "AZURE_CLIENT_SECRET": "s", "AZURE_AUTHORITY_HOST": "http://127.0.0.1:9999",
            "AUTHDESK_GRAPH_URL": "http://127.0.0.1:9999",
        ])
        let profile = try graph.profile(named: nil)
        #expect(profile.name == "env")
        #expect(profile.signIn == .clientSecret)
        #expect(profile.graphURL.absoluteString == "http://127.0.0.1:9999")
        let auth0 = try Configuration.load(path: nil, environment: [
            "XDG_CONFIG_HOME": "/nonexistent-authdesk", "AUTH0_DOMAIN": "127.0.0.1:8123",
            "AUTH0_CLIENT_ID": "c", "AUTH0_CLIENT_SECRET": "s",
        ])
        #expect(try auth0.profile(named: nil).auth0URL?.absoluteString == "http://127.0.0.1:8123")
        let half = message { _ = try Configuration.load(path: nil, environment: ["XDG_CONFIG_HOME": "/nonexistent-authdesk", "AZURE_TENANT_ID": "t"]) }
        #expect(half.contains("AZURE_CLIENT_ID"))
    }

    @Test func secretsAreRedactedInDescriptions() {
        let secret = Secret("hunter2")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
    }
}
